/// The IFDs libexif reads, named as exiftool names their groups.
public enum ExifIFD: String, Sendable, CaseIterable {
    case ifd0 = "IFD0", ifd1 = "IFD1", exif = "ExifIFD", gps = "GPS", interoperability = "InteropIFD"
}

/// An unsigned or signed EXIF fraction; `denominator` may be 0 in hostile or blank data.
public struct ExifRational: Sendable, Equatable {
    public var numerator: Int64
    public var denominator: Int64
    public init(_ numerator: Int64, _ denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }
    public var value: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }
}

/// One tag's value, decoded with the data's byte order.
public enum ExifValue: Sendable, Equatable {
    /// ASCII text up to its first NUL; bytes that are not UTF-8 are read as Latin-1.
    case text(String)
    /// BYTE, SBYTE and UNDEFINED data.
    case bytes([UInt8])
    /// SHORT and LONG values.
    case unsigned([UInt32])
    /// SSHORT and SLONG values.
    case signed([Int32])
    /// RATIONAL and SRATIONAL values.
    case rationals([ExifRational])
    /// FLOAT and DOUBLE values.
    case reals([Double])

    public var text: String? { if case .text(let s) = self { s } else { nil } }

    /// The first value as an integer, whatever the integer format.
    public var firstInteger: Int? {
        switch self {
        case .unsigned(let v): v.first.map(Int.init)
        case .signed(let v): v.first.map(Int.init)
        case .bytes(let v): v.first.map(Int.init)
        case .rationals(let v): v.first.flatMap { $0.denominator == 1 ? Int($0.numerator) : nil }
        default: nil
        }
    }

    /// The values as real numbers (rationals divided out; a zero denominator gives nil).
    public var reals: [Double?] {
        switch self {
        case .unsigned(let v): v.map { Double($0) }
        case .signed(let v): v.map { Double($0) }
        case .bytes(let v): v.map { Double($0) }
        case .rationals(let v): v.map(\.value)
        case .reals(let v): v
        case .text: []
        }
    }
}

/// Every tag libexif found, by IFD and tag number.
public struct ExifTags: Sendable, Equatable {
    public var values: [ExifIFD: [UInt16: ExifValue]]
    /// libexif's own complaints about the data (first one first), for warnings.
    public var problems: [String]

    public init(values: [ExifIFD: [UInt16: ExifValue]] = [:], problems: [String] = []) {
        self.values = values
        self.problems = problems
    }

    public subscript(ifd: ExifIFD, tag: UInt16) -> ExifValue? { values[ifd]?[tag] }

    public var isEmpty: Bool { values.values.allSatisfy(\.isEmpty) }
}
