/// What the container-level tags of a video or audio file mean. Keys are libavformat's
/// (QuickTime `mdta` keys keep their reverse-DNS names; MP4 `©xyz` becomes "location").
struct ContainerMetadata: Equatable, DescriptiveMetadata {
    var captureTime: CaptureTime?
    var location: GeoLocation?
    var camera: CameraInfo?
    var title: String?
    var description: String?
    var comment: String?
    var artist: String?
    var copyright: String?
    var warnings: [String] = []

    static let appleCreationDate = "com.apple.quicktime.creationdate"
    static let locationKeys = ["com.apple.quicktime.location.ISO6709", "location", "location-eng"]

    /// - Parameters:
    ///   - tags: the container's tags in stored order.
    ///   - streamTags: the streams' tags, consulted for `creation_time` when the container has none.
    init(tags: [(key: String, value: String)], streamTags: [[String: String]] = []) {
        var table: [String: String] = [:]
        for (key, value) in tags where table[key.lowercased()] == nil {
            let trimmed = value.trimmingPrefix(while: \.isWhitespace)
            if !trimmed.isEmpty { table[key.lowercased()] = String(trimmed) }
        }
        func first(_ keys: String...) -> String? { keys.lazy.compactMap { table[$0.lowercased()] }.first }

        captureTime = Self.captureTime(table, streamTags: streamTags)
        location = Self.location(table, warnings: &warnings)
        let camera = CameraInfo(
            make: first("com.apple.quicktime.make", "com.android.manufacturer", "make"),
            model: first("com.apple.quicktime.model", "com.android.model", "model"),
            software: first("com.apple.quicktime.software", "com.android.version"))
        self.camera = camera.isEmpty ? nil : camera
        title = first("title", "com.apple.quicktime.title")
        description = first("description", "com.apple.quicktime.description")
        comment = first("comment", "com.apple.quicktime.comment")
        artist = first("artist", "com.apple.quicktime.artist", "author", "com.apple.quicktime.author")
        copyright = first("copyright", "com.apple.quicktime.copyright")
    }

    /// Apple's creation date carries the local time and offset, so it wins over `creation_time`,
    /// which is UTC only. Zero dates (1904/1970 epochs written by some muxers) are absent.
    static func captureTime(_ table: [String: String], streamTags: [[String: String]]) -> CaptureTime? {
        if let text = table[appleCreationDate], let stamp = DateParsing.stamp(text), !isEpochZero(stamp.time) {
            return CaptureTime(stamp.time, offsetSeconds: stamp.offsetSeconds, source: appleCreationDate)
        }
        let candidates = [table["creation_time"]] + streamTags.map { $0["creation_time"] }
        for text in candidates.compactMap({ $0 }) {
            guard let stamp = DateParsing.stamp(text), !isEpochZero(stamp.time) else { continue }
            // libavformat writes creation_time in UTC with a "Z"; without one it is still UTC by spec.
            let utc = stamp.time.adding(seconds: -(stamp.offsetSeconds ?? 0))
            return CaptureTime(utc: utc, source: "creation_time")
        }
        return nil
    }

    private static func isEpochZero(_ time: CivilDateTime) -> Bool {
        (time.year == 1904 || time.year == 1970) && time.month == 1 && time.day == 1
            && time.hour == 0 && time.minute == 0 && time.second == 0
    }

    static func location(_ table: [String: String], warnings: inout [String]) -> GeoLocation? {
        for key in locationKeys {
            guard let text = table[key.lowercased()] else { continue }
            guard let position = ISO6709.parse(text) else {
                warnings.append("location tag \(key) is not an ISO 6709 position: \(text.prefix(40))")
                continue
            }
            if position.latitude == 0, position.longitude == 0 {
                warnings.append("location is exactly 0°, 0°: probably a device without a fix")
            }
            return GeoLocation(latitude: position.latitude, longitude: position.longitude,
                               altitude: position.altitude, source: key)
        }
        return nil
    }
}
