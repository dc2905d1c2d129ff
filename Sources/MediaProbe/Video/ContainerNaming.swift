internal import MediaBindings

/// The kind, short format name and MIME type of a file libavformat opened, plus the MP4/MOV
/// facts that come from the top-level atoms.
struct ContainerNaming: Equatable {
    var kind: MediaInfo.Kind
    var format: String
    var mimeType: String
    var fastStart: Bool?

    private static let webmCodecs: Set<String> = ["vp8", "vp9", "av1", "vorbis", "opus", "webvtt"]

    init(formatName: String, file: SourceFile, streams: [StreamParameters]) throws(ProbeError.Reason) {
        let hasVideo = streams.contains { $0.mediaType == .video && !$0.isAttachedPicture }
        kind = hasVideo ? .video : .audio
        let family = formatName.split(separator: ",").first.map(String.init) ?? formatName
        if formatName.hasSuffix("_pipe") {
            kind = .photo
            format = String(formatName.dropLast("_pipe".count))
            mimeType = "image/\(format)"
            return
        }
        switch family {
        case "mov":
            let atoms = try BMFFAtoms(file)
            fastStart = atoms.isFastStart
            (format, mimeType) = Self.bmffName(brand: atoms.majorBrand, hasVideo: hasVideo)
        case "matroska":
            let isWebM = streams.allSatisfy { Self.webmCodecs.contains($0.codecName ?? "") }
            format = isWebM ? "webm" : "mkv"
            mimeType = isWebM ? (hasVideo ? "video/webm" : "audio/webm") : (hasVideo ? "video/x-matroska" : "audio/x-matroska")
        case "ogg":
            format = hasVideo ? "ogv" : "ogg"
            mimeType = hasVideo ? "video/ogg" : "audio/ogg"
        default:
            format = family
            mimeType = Self.simpleTypes[family] ?? "application/octet-stream"
        }
    }

    private static let simpleTypes: [String: String] = [
        "avi": "video/x-msvideo", "mpegts": "video/mp2t", "mpeg": "video/mpeg", "mp3": "audio/mpeg",
        "flac": "audio/flac", "wav": "audio/wav", "aac": "audio/aac", "asf": "video/x-ms-asf",
        "flv": "video/x-flv", "aiff": "audio/aiff", "amr": "audio/amr", "mxf": "application/mxf",
        "gif": "image/gif", "ivf": "video/x-ivf",
    ]

    /// Names an ISO-BMFF/QuickTime file by its `ftyp` major brand.
    static func bmffName(brand: String?, hasVideo: Bool) -> (format: String, mimeType: String) {
        switch brand {
        case nil, "qt  "?: ("mov", "video/quicktime")
        case let b? where b.hasPrefix("3g2"): ("3g2", hasVideo ? "video/3gpp2" : "audio/3gpp2")
        case let b? where b.hasPrefix("3gp") || b.hasPrefix("3ge") || b.hasPrefix("3gs"): ("3gp", hasVideo ? "video/3gpp" : "audio/3gpp")
        case "M4V "?: ("m4v", "video/x-m4v")
        case _ where !hasVideo: ("m4a", "audio/mp4")
        default: ("mp4", "video/mp4")
        }
    }
}
