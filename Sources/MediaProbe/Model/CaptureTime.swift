/// When a photo or video was taken, as precisely as the file says and no more.
///
/// Cameras record wall-clock time; only some record the UTC offset. Without an offset the
/// instant is unknown, so `utc` stays nil rather than guessing the machine's time zone (the
/// source of most "wrong date" bugs in photo catalogs).
public struct CaptureTime: Sendable, Codable, Equatable {
    /// Wall-clock time where it was taken, ISO 8601 without offset: "2023-10-22T09:39:48.445".
    /// nil when the file records only a UTC instant (MP4 `creation_time`).
    public var local: String?
    /// UTC offset "+02:00" when known.
    public var offset: String?
    /// The instant in UTC, "2023-10-22T07:39:48.445Z", when known.
    public var utc: String?
    /// The tag the time came from: "DateTimeOriginal", "DateTimeDigitized", "DateTime",
    /// "com.apple.quicktime.creationdate" or "creation_time".
    public var source: String
    /// Where the offset came from when another tag gave it ("OffsetTimeOriginal", or
    /// "GPSDateStamp+GPSTimeStamp" when inferred from the GPS clock).
    public var offsetSource: String?

    public init(local: String?, offset: String?, utc: String?, source: String, offsetSource: String? = nil) {
        self.local = local
        self.offset = offset
        self.utc = utc
        self.source = source
        self.offsetSource = offsetSource
    }

    /// A wall-clock time with an optional offset in seconds east of UTC.
    init(_ time: CivilDateTime, offsetSeconds: Int?, source: String, offsetSource: String? = nil) {
        self.init(local: time.iso8601, offset: offsetSeconds.map(CivilDateTime.formatOffset),
                  utc: offsetSeconds.map { time.adding(seconds: -$0).iso8601 + "Z" },
                  source: source, offsetSource: offsetSource)
    }

    /// A UTC instant whose local time is unknown.
    init(utc time: CivilDateTime, source: String) {
        self.init(local: nil, offset: nil, utc: time.iso8601 + "Z", source: source)
    }
}

/// A calendar date and time without a time zone, validated field by field.
struct CivilDateTime: Equatable {
    var year, month, day, hour, minute, second: Int
    /// Fractional seconds digits as written ("445"), if any.
    var fraction: String?

    init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, fraction: String? = nil) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDateTime.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
        // Trailing zeros carry no information ("000000" from MP4 creation_time, "00" subseconds).
        let digits = fraction.map { String($0.reversed().drop { $0 == "0" }.reversed()) }
        self.fraction = digits.flatMap { $0.isEmpty || !$0.allSatisfy(\.isASCIIDigitCharacter) ? nil : $0 }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    var iso8601: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let y = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        let base = "\(y)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))"
        return fraction.map { base + "." + $0 } ?? base
    }

    /// Seconds since 1970-01-01T00:00:00 of this wall-clock reading (days-from-civil).
    var epochSeconds: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }

    init?(epochSeconds: Int, fraction: String? = nil) {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let rest = epochSeconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60,
                  second: rest % 60, fraction: fraction)
    }

    func adding(seconds: Int) -> CivilDateTime {
        // A leap second (:60) cannot be represented after shifting; it folds into the next minute.
        CivilDateTime(epochSeconds: epochSeconds + seconds, fraction: fraction) ?? self
    }

    static func formatOffset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        let h = minutes / 60, m = minutes % 60
        return "\(sign)\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
