internal import Foundation

/// The few parts of an asset's stored probe result (`Asset.mediaInfo`) that publishing shows:
/// the codec facts. Every other probed field (serial numbers, owner, GPS) is never decoded here,
/// so it cannot leak.
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

    var bitRate: Int64?
    var streams: [Stream]?

    /// The stored JSON, or nil when it is unreadable (then the document shows no codec facts).
    static func decode(_ json: String) -> ProbedMetadata? {
        try? JSONDecoder().decode(ProbedMetadata.self, from: Data(json.utf8))
    }

    var codecSummary: CodecSummary {
        let video = streams?.first { $0.kind == "video" }
        let audio = streams?.first { $0.kind == "audio" }
        return CodecSummary(
            bitRate: bitRate,
            video: video.map {
                .init(codec: $0.codec, profile: $0.profile, frameRate: $0.frameRate.map(Self.rounded),
                      bitDepth: $0.bitDepth)
            },
            audio: audio.map {
                .init(codec: $0.codec, profile: $0.profile, channels: $0.channels, sampleRate: $0.sampleRate)
            })
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
