/// Where a clean original goes: the container family of the source when it can hold every
/// kept stream (an iPhone .mov stays QuickTime-compatible MP4, a .mkv stays Matroska), else
/// one that can. What is copied is only the picture and sound streams, bit for bit.
enum CleanOriginal {
    struct Container: Equatable {
        /// libavformat's muxer name.
        var muxer: String
        var format: Rendition.Format
        var muxerOptions: [String: String] = [:]
    }

    /// - Parameter accepts: whether a muxer stores a codec (`Muxer.accepts`), as a parameter
    ///   so the choice can be tested without FFmpeg.
    static func container(for source: VideoSource, accepts: (String, String) -> Bool) -> Container? {
        guard !source.keptCodecs.isEmpty else { return nil }
        return candidates(source).first { candidate in source.keptCodecs.allSatisfy { accepts(candidate.muxer, $0) } }
    }

    private static func candidates(_ source: VideoSource) -> [Container] {
        let audioOnly = source.picture == nil
        let mp4 = Container(muxer: "mp4", format: audioOnly ? .m4a : .mp4, muxerOptions: ["movflags": "+faststart"])
        let mov = Container(muxer: "mov", format: .mov, muxerOptions: ["movflags": "+faststart"])
        let matroska = Container(muxer: "matroska", format: .mkv)
        let family: [Container] = switch source.container {
        case let name where name.hasPrefix("mov"): audioOnly ? [mp4] : [mp4, mov]
        case let name where name.hasPrefix("matroska"): [Container(muxer: "webm", format: .webm), matroska]
        // No ID3 tag at all: it would carry nothing but what mediacat means to leave out.
        case "mp3": [Container(muxer: "mp3", format: .mp3, muxerOptions: ["id3v2_version": "0", "write_id3v1": "0"])]
        case "flac": [Container(muxer: "flac", format: .flac)]
        case "wav", "w64": [Container(muxer: "wav", format: .wav)]
        case "ogg": [Container(muxer: "ogg", format: .ogg)]
        default: [mp4]
        }
        return family + [mp4, mov, matroska]
    }
}
