internal import Foundation

/// The few parts of an asset's stored probe result (`Asset.mediaInfo`) that publishing needs:
/// the codec facts it may show, and whether the original file carries anything private. Every
/// other probed field (serial numbers, owner, GPS) is never decoded here, so it cannot leak.
struct ProbedMetadata: Decodable {
    struct Stream: Decodable {
        var kind: String
        var codec: String?
        var profile: String?
        var width: Int?
        var height: Int?
        var frameRate: Double?
        var bitDepth: Int?
        var channels: Int?
        var sampleRate: Int?
    }

    struct Camera: Decodable {
        var serialNumber: String?
    }

    /// Presence only: the coordinates themselves come from the catalog's own columns.
    struct Presence: Decodable {}

    var kind: String?
    var container: String?
    var bitRate: Int64?
    var streams: [Stream]?
    var camera: Camera?
    var location: Presence?
    var warnings: [String]?

    /// The stored JSON, or an empty result when it is unreadable (then nothing is claimed about
    /// the file and its original stays private).
    static func decode(_ json: String) -> ProbedMetadata? {
        try? JSONDecoder().decode(ProbedMetadata.self, from: Data(json.utf8))
    }

    /// Whether the original file itself may be handed out, when its collection publishes
    /// originals: only a video or audio file (a photo file can carry maker notes with the
    /// camera's serial, XMP and IPTC blocks, none of which the probe reads: its previews are what
    /// is published), not with a camera serial, nor with a position (read, or present but
    /// unreadable) unless the collection publishes positions, nor with streams other than
    /// picture and sound (telemetry tracks such as GoPro's GPMF carry positions too).
    func originalIsPublic(allowLocation: Bool) -> Bool {
        guard kind == "video" || kind == "audio", camera?.serialNumber == nil else { return false }
        if allowLocation { return true }
        let positionWarning = warnings?.contains { $0.localizedCaseInsensitiveContains("gps") || $0.localizedCaseInsensitiveContains("location") }
        return location == nil && positionWarning != true
            && (streams ?? []).allSatisfy { $0.kind == "video" || $0.kind == "audio" }
    }

    var codecSummary: CodecSummary {
        let video = streams?.first { $0.kind == "video" }
        let audio = streams?.first { $0.kind == "audio" }
        return CodecSummary(
            bitRate: bitRate,
            video: video.map { .init(codec: $0.codec, profile: $0.profile, frameRate: $0.frameRate.map(Self.rounded), bitDepth: $0.bitDepth) },
            audio: audio.map { .init(codec: $0.codec, profile: $0.profile, channels: $0.channels, sampleRate: $0.sampleRate) })
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
