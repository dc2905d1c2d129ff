internal import CExif

/// EXIF problems that leave nothing usable.
public struct ExifError: Error, CustomStringConvertible, Sendable, Equatable {
    public let function: String
    public let message: String
    public var description: String { "\(function): \(message)" }
}

/// Parsed EXIF: owns the `ExifData` from `exif_data_new` (freed by `exif_data_unref`) and the
/// sink its log writes to (allocated here, freed in `deinit` after the data: libexif's maker-note
/// readers keep their own reference to the log until the data is freed).
/// Feed it an APP1-style block ("Exif\0\0" + TIFF); libexif reads at most 64 KiB of it.
public final class ExifData {
    private let data: UnsafeMutablePointer<CExif.ExifData>
    private let sink: UnsafeMutablePointer<MCExifLogSink>
    /// The first problem libexif logged while loading, if any.
    public private(set) var firstProblem: String? = nil

    /// Parses `bytes`. libexif's "follow the specification" option is off: it would invent
    /// mandatory tags (even a DateTime of now), and a catalog must only report what the file says.
    public init(bytes: UnsafeRawBufferPointer) throws(ExifError) {
        guard let data = exif_data_new() else {
            throw ExifError(function: "exif_data_new", message: "out of memory")
        }
        self.data = data
        sink = .allocate(capacity: 1)
        sink.initialize(to: MCExifLogSink())
        // Every stored property is set: a throw from here on runs deinit, which frees both.
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else {
            throw ExifError(function: "exif_data_load_data", message: "no EXIF data")
        }
        exif_data_unset_option(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION)
        exif_data_unset_option(data, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS)
        exif_data_set_option(data, EXIF_DATA_OPTION_DONT_CHANGE_MAKER_NOTE)
        let log = mc_exif_attach_log(data, sink)
        exif_data_load_data(data, base, UInt32(min(bytes.count, Int(UInt32.max))))
        exif_log_unref(log)  // the data (and its maker note) keep their own references
        if sink.pointee.errors > 0 {
            firstProblem = withUnsafeBytes(of: sink.pointee.first) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
    }

    deinit {
        exif_data_unref(data)
        sink.deallocate()
    }

    /// Copies every entry out as Swift values.
    public var tags: ExifTags {
        let order = exif_data_get_byte_order(data)
        var values: [ExifIFD: [UInt16: ExifValue]] = [:]
        let contents = [data.pointee.ifd.0, data.pointee.ifd.1, data.pointee.ifd.2, data.pointee.ifd.3, data.pointee.ifd.4]
        for (ifd, content) in zip(ExifData.ifdOrder, contents) {
            guard let content, let entries = content.pointee.entries else { continue }
            var table: [UInt16: ExifValue] = [:]
            for i in 0..<Int(content.pointee.count) {
                guard let entry = entries[i], let value = ExifData.decode(entry.pointee, order) else { continue }
                table[UInt16(truncatingIfNeeded: entry.pointee.tag.rawValue)] = value
            }
            if !table.isEmpty { values[ifd] = table }
        }
        return ExifTags(values: values, problems: firstProblem.map { [$0] } ?? [])
    }

    /// libexif's `EXIF_IFD_0 ... EXIF_IFD_INTEROPERABILITY` order.
    private static let ifdOrder: [ExifIFD] = [.ifd0, .ifd1, .exif, .gps, .interoperability]

    private static func decode(_ entry: ExifEntry, _ order: ExifByteOrder) -> ExifValue? {
        guard let raw = entry.data else { return nil }
        let unit = Int(exif_format_get_size(entry.format))
        let available = Int(entry.size)
        let count = unit == 0 ? 0 : min(Int(entry.components), available / unit)
        let bytes = UnsafeBufferPointer(start: raw, count: available)
        func each<T>(_ read: (UnsafePointer<UInt8>) -> T) -> [T] {
            (0..<count).map { read(raw + $0 * unit) }
        }
        switch entry.format {
        case EXIF_FORMAT_ASCII:
            let text = bytes.prefix { $0 != 0 }
            return .text(String(validating: text, as: UTF8.self) ?? String(text.map { Character(Unicode.Scalar($0)) }))
        case EXIF_FORMAT_BYTE, EXIF_FORMAT_SBYTE, EXIF_FORMAT_UNDEFINED:
            return .bytes(Array(bytes))
        case EXIF_FORMAT_SHORT:
            return .unsigned(each { UInt32(exif_get_short($0, order)) })
        case EXIF_FORMAT_LONG:
            return .unsigned(each { exif_get_long($0, order) })
        case EXIF_FORMAT_SSHORT:
            return .signed(each { Int32(exif_get_sshort($0, order)) })
        case EXIF_FORMAT_SLONG:
            return .signed(each { exif_get_slong($0, order) })
        case EXIF_FORMAT_RATIONAL:
            return .rationals(each { let r = exif_get_rational($0, order); return ExifRational(Int64(r.numerator), Int64(r.denominator)) })
        case EXIF_FORMAT_SRATIONAL:
            return .rationals(each { let r = exif_get_srational($0, order); return ExifRational(Int64(r.numerator), Int64(r.denominator)) })
        case EXIF_FORMAT_FLOAT:
            return .reals(each { Double(Float(bitPattern: exif_get_long($0, order))) })
        case EXIF_FORMAT_DOUBLE:
            return .reals(each { ptr in
                let high = UInt64(exif_get_long(order == EXIF_BYTE_ORDER_INTEL ? ptr + 4 : ptr, order))
                let low = UInt64(exif_get_long(order == EXIF_BYTE_ORDER_INTEL ? ptr : ptr + 4, order))
                return Double(bitPattern: high << 32 | low)
            })
        default:
            return nil
        }
    }
}
