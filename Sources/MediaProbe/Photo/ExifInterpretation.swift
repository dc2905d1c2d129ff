internal import Foundation
internal import MediaBindings

/// What the EXIF tags of a photo mean, decided on plain values so each rule can be tested
/// without files.
struct ExifInterpretation: Equatable, DescriptiveMetadata {
    var orientation: Int?
    var exposure: ExposureInfo?
    var captureTime: CaptureTime?
    var camera: CameraInfo?
    var location: GeoLocation?
    var description: String?
    var artist: String?
    var copyright: String?
    var warnings: [String] = []
    /// EXIF has no title or comment tag of its own (XPTitle/UserComment are not read).
    var title: String? { nil }
    var comment: String? { nil }

    init(_ tags: ExifTags) {
        warnings += tags.problems.map { "EXIF: \($0)" }
        orientation = Self.orientation(tags, warnings: &warnings)
        captureTime = Self.captureTime(tags)
        let camera = CameraInfo(
            make: Self.text(tags[.ifd0, ExifTag.make]),
            model: Self.text(tags[.ifd0, ExifTag.model]),
            lens: Self.text(tags[.exif, ExifTag.lensModel]),
            serialNumber: Self.text(tags[.exif, ExifTag.bodySerialNumber]) ?? Self.text(tags[.ifd0, ExifTag.cameraSerialNumber]),
            software: Self.text(tags[.ifd0, ExifTag.software]))
        self.camera = camera.isEmpty ? nil : camera
        let exposure = ExposureInfo(
            exposureTime: Self.real(tags[.exif, ExifTag.exposureTime]).flatMap { (1e-7...86_400).contains($0) ? $0 : nil },
            fNumber: Self.real(tags[.exif, ExifTag.fNumber]),
            iso: tags[.exif, ExifTag.iso]?.firstInteger.flatMap { $0 > 0 ? $0 : nil },
            focalLength: Self.real(tags[.exif, ExifTag.focalLength]),
            focalLength35mm: tags[.exif, ExifTag.focalLengthIn35mmFilm]?.firstInteger.flatMap { $0 > 0 ? $0 : nil },
            flash: tags[.exif, ExifTag.flash]?.firstInteger)
        self.exposure = exposure.isEmpty ? nil : exposure
        location = Self.location(tags, warnings: &warnings)
        description = Self.text(tags[.ifd0, ExifTag.imageDescription])
        artist = Self.text(tags[.ifd0, ExifTag.artist])
        copyright = Self.text(tags[.ifd0, ExifTag.copyright])
    }

    /// Trimmed text; blank text is absent.
    static func text(_ value: ExifValue?) -> String? {
        guard let raw = value?.text else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The first value as a positive real number (a 0/0 rational is absent, not zero).
    static func real(_ value: ExifValue?) -> Double? {
        guard let first = value?.reals.first, let v = first, v.isFinite, v > 0 else { return nil }
        return v
    }

    private static func orientation(_ tags: ExifTags, warnings: inout [String]) -> Int? {
        guard let value = tags[.ifd0, ExifTag.orientation]?.firstInteger else { return nil }
        if (1...8).contains(value) { return value }
        warnings.append("EXIF orientation \(value) is not 1–8; treated as 1 (upright)")
        return 1
    }

    /// DateTimeOriginal, then DateTimeDigitized, then DateTime, each with its own offset and
    /// sub-second tags; a date that is blank or zero falls through to the next.
    static func captureTime(_ tags: ExifTags) -> CaptureTime? {
        let candidates: [(ExifIFD, UInt16, UInt16, UInt16, String, String)] = [
            (.exif, ExifTag.dateTimeOriginal, ExifTag.offsetTimeOriginal, ExifTag.subSecTimeOriginal, "DateTimeOriginal", "OffsetTimeOriginal"),
            (.exif, ExifTag.dateTimeDigitized, ExifTag.offsetTimeDigitized, ExifTag.subSecTimeDigitized, "DateTimeDigitized", "OffsetTimeDigitized"),
            (.ifd0, ExifTag.dateTime, ExifTag.offsetTime, ExifTag.subSecTime, "DateTime", "OffsetTime"),
        ]
        for (ifd, dateTag, offsetTag, subSecTag, name, offsetName) in candidates {
            guard let written = tags[ifd, dateTag]?.text, var stamp = DateParsing.stamp(written) else { continue }
            if stamp.time.fraction == nil, let subSec = text(tags[.exif, subSecTag]) {
                stamp.time.fraction = CivilDateTime(year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0,
                                                    fraction: subSec)?.fraction
            }
            if let offset = text(tags[.exif, offsetTag]).flatMap(DateParsing.offsetSeconds) {
                return CaptureTime(stamp.time, offsetSeconds: offset, source: name, offsetSource: offsetName)
            }
            if let offset = stamp.offsetSeconds {
                return CaptureTime(stamp.time, offsetSeconds: offset, source: name)
            }
            if let offset = gpsOffset(tags, local: stamp.time) {
                return CaptureTime(stamp.time, offsetSeconds: offset, source: name, offsetSource: "GPSDateStamp+GPSTimeStamp")
            }
            return CaptureTime(stamp.time, offsetSeconds: nil, source: name)
        }
        return nil
    }

    /// The UTC offset implied by the GPS clock (which is UTC), rounded to the quarter hour.
    /// Used only when it lands within 5 minutes of a real offset: a stale GPS fix gives none.
    static func gpsOffset(_ tags: ExifTags, local: CivilDateTime) -> Int? {
        guard let dateText = tags[.gps, ExifTag.gpsDateStamp]?.text, let date = DateParsing.stamp(dateText)?.time,
              case .rationals(let hms)? = tags[.gps, ExifTag.gpsTimeStamp], hms.count == 3,
              let h = hms[0].value, let m = hms[1].value, let s = hms[2].value,
              let utc = CivilDateTime(year: date.year, month: date.month, day: date.day,
                                      hour: Int(h), minute: Int(m), second: Int(s)) else { return nil }
        let difference = local.epochSeconds - utc.epochSeconds
        let rounded = Int((Double(difference) / 900).rounded()) * 900
        guard abs(difference - rounded) <= 300, abs(rounded) <= 14 * 3600 else { return nil }
        return rounded
    }

    static func location(_ tags: ExifTags, warnings: inout [String]) -> GeoLocation? {
        let latitudeValue = tags[.gps, ExifTag.gpsLatitude], longitudeValue = tags[.gps, ExifTag.gpsLongitude]
        guard latitudeValue != nil || longitudeValue != nil else { return nil }
        guard var latitude = degrees(latitudeValue), var longitude = degrees(longitudeValue) else {
            warnings.append("GPS position is incomplete or unreadable; no location recorded")
            return nil
        }
        if latitude == 0, longitude == 0 {
            warnings.append("GPS position is exactly 0°, 0°: probably a camera without a fix")
        }
        if text(tags[.gps, ExifTag.gpsLatitudeRef])?.uppercased() == "S" { latitude = -latitude }
        if text(tags[.gps, ExifTag.gpsLongitudeRef])?.uppercased() == "W" { longitude = -longitude }
        guard abs(latitude) <= 90, abs(longitude) <= 180 else {
            warnings.append("GPS position \(latitude), \(longitude) is out of range; no location recorded")
            return nil
        }
        var altitude = tags[.gps, ExifTag.gpsAltitude]?.reals.first.flatMap { $0 }.flatMap { $0.isFinite ? $0 : nil }
        if tags[.gps, ExifTag.gpsAltitudeRef]?.firstInteger == 1 { altitude = altitude.map { -$0 } }
        return GeoLocation(latitude: latitude, longitude: longitude, altitude: altitude, source: "GPS")
    }

    /// Degrees, minutes, seconds as three rationals; nil when any is unreadable.
    private static func degrees(_ value: ExifValue?) -> Double? {
        guard case .rationals(let parts)? = value, !parts.isEmpty else { return nil }
        var result = 0.0
        for (part, scale) in zip(parts, [1.0, 60.0, 3600.0]) {
            guard let v = part.value, v.isFinite, v >= 0 else { return nil }
            result += v / scale
        }
        return result
    }
}
