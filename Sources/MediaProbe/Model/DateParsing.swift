/// Reads the date formats found in EXIF and QuickTime/MP4 metadata.
enum DateParsing {
    /// A parsed timestamp: wall-clock time plus the offset written with it, if any.
    struct Stamp: Equatable {
        var time: CivilDateTime
        /// Seconds east of UTC; 0 for a trailing "Z".
        var offsetSeconds: Int?
    }

    /// Parses "2023:10:22 09:39:48", "2023-10-22T09:39:48.445-0700", "2019-05-12T17:20:30.000000Z"
    /// and similar. Blank, all-zero or impossible dates give nil: a missing date is absent,
    /// never year 0.
    static func stamp(_ text: String) -> Stamp? {
        var scanner = Scanner(Array(text.utf8))
        scanner.skipSpaces()
        guard let year = scanner.number(digits: 4), scanner.separator(),
              let month = scanner.number(digits: 2), scanner.separator(),
              let day = scanner.number(digits: 2) else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction: String?
        if scanner.separator(), let h = scanner.number(digits: 2) {
            hour = h
            guard scanner.take(UInt8(ascii: ":")), let m = scanner.number(digits: 2) else { return nil }
            minute = m
            if scanner.take(UInt8(ascii: ":")) {
                guard let s = scanner.number(digits: 2) else { return nil }
                second = s
                if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) { fraction = scanner.digits() }
            }
        }
        guard let time = CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute,
                                       second: second, fraction: fraction) else { return nil }
        scanner.skipSpaces()
        let offset = scanner.atEnd ? nil : offsetSeconds(String(decoding: scanner.rest, as: UTF8.self))
        return Stamp(time: time, offsetSeconds: offset)
    }

    /// Parses "+02:00", "-0400", "-04", "Z"; nil for blank or out-of-range offsets.
    static func offsetSeconds(_ text: String) -> Int? {
        var scanner = Scanner(Array(text.utf8))
        scanner.skipSpaces()
        if scanner.take(UInt8(ascii: "Z")) { return 0 }
        let sign: Int
        if scanner.take(UInt8(ascii: "+")) { sign = 1 } else if scanner.take(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let hours = scanner.number(digits: 2) else { return nil }
        _ = scanner.take(UInt8(ascii: ":"))
        let minutes = scanner.number(digits: 2) ?? 0
        guard hours <= 14, minutes < 60, hours * 60 + minutes <= 14 * 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { bytes[position...].allSatisfy { $0 == 0 || $0 == 0x20 } }
        var rest: ArraySlice<UInt8> { bytes[position...].prefix { $0 != 0 } }

        mutating func skipSpaces() { while position < bytes.count, bytes[position] == 0x20 { position += 1 } }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// A date/time separator: ':' '-' '/' ' ' or 'T'.
        mutating func separator() -> Bool {
            guard position < bytes.count, [0x3A, 0x2D, 0x2F, 0x20, 0x54].contains(bytes[position]) else { return false }
            position += 1
            return true
        }

        mutating func number(digits: Int) -> Int? {
            guard position + digits <= bytes.count else { return nil }
            var value = 0
            for b in bytes[position..<position + digits] {
                guard (0x30...0x39).contains(b) else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            position += digits
            return value
        }

        mutating func digits() -> String {
            let start = position
            while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
    }
}
