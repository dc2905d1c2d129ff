/// One file mediacat made from a source file.
public struct Rendition: Sendable, Codable, Equatable {
    public enum Variant: String, Sendable, Codable, CaseIterable, Comparable {
        /// Photos and videos: fits the thumbnail box (a video's poster frame at thumbnail size).
        case thumb
        /// Photos: fits the preview box.
        case preview
        /// Photos: the full-size picture, upright, as a JPEG without any metadata but its
        /// colour profile (a lossless transform of a JPEG source where one is possible).
        case download
        /// Videos: the poster frame at preview size.
        case poster
        /// Videos: a sprite sheet of evenly spaced frames...
        case storyboard
        /// ...and the WebVTT file mapping time ranges to regions of it.
        case storyboardCues = "storyboard-cues"
        /// Videos: MP4 (H.264 + AAC, fast start) that every browser plays, at most the web box.
        case web
        /// Videos: the same at most the small box, for phones on slow connections.
        case webSmall = "web-small"
        /// Videos and audio: the picture and sound streams copied bit for bit into a fresh
        /// container with no metadata and no other tracks; what "the original" means publicly.
        case original

        public static func < (a: Variant, b: Variant) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public enum Format: String, Sendable, Codable, CaseIterable {
        case jpeg, webp, vtt
        case mp4, mov, webm, mkv, m4a, mp3, flac, wav, ogg

        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

        public var mimeType: String {
            switch self {
            case .jpeg: "image/jpeg"
            case .webp: "image/webp"
            case .vtt: "text/vtt"
            case .mp4: "video/mp4"
            case .mov: "video/quicktime"
            case .webm: "video/webm"
            case .mkv: "video/x-matroska"
            case .m4a: "audio/mp4"
            case .mp3: "audio/mpeg"
            case .flac: "audio/flac"
            case .wav: "audio/wav"
            case .ogg: "audio/ogg"
            }
        }

        /// True for the still-image formats thumbnails and previews are made in.
        public var isImage: Bool { self == .jpeg || self == .webp }
    }

    public var variant: Variant
    public var format: Format
    public var width: Int?
    public var height: Int?
    public var bytes: Int
    /// Path relative to the rendition root: "ab/cd/<sha256>-thumb-1a2b3c4d.jpg".
    public var path: String
    /// Video and audio files: the RFC 6381 codecs of their streams ("avc1.640028, mp4a.40.2"),
    /// for a browser to decide before downloading whether it can play them.
    public var codecs: String? = nil
    /// Video and audio files: average bits per second over the whole file.
    public var bitRate: Int64? = nil
    /// Video and audio files: seconds.
    public var duration: Double? = nil
}

/// Everything made from one source file.
public struct RenditionSet: Sendable, Codable, Equatable {
    /// SHA-256 of the source file's bytes, hex.
    public var sourceSHA256: String
    public var renditions: [Rendition]
    /// ThumbHash of the photo or poster, base64: a ~25-byte blurred placeholder.
    public var thumbHash: String?
    /// Videos: where the poster frame was taken from, in seconds.
    public var posterTime: Double?
    /// How the poster was chosen: "scored" (best of several keyframes), "requested" (staff
    /// override), "fallback" (no candidate passed the checks; the best was used anyway).
    public var posterChoice: String?
    /// Videos: how each web rendition was made, e.g. "web: video copied, audio encoded (-23.1 LUFS → -16)".
    public var notes: [String] = []
    /// Why a kind of output was not made, e.g. "audio only: no poster".
    public var skipped: [String]
    public var warnings: [String]

    public init(sourceSHA256: String, renditions: [Rendition] = [], thumbHash: String? = nil, posterTime: Double? = nil,
                posterChoice: String? = nil, skipped: [String] = [], warnings: [String] = []) {
        self.sourceSHA256 = sourceSHA256
        self.renditions = renditions
        self.thumbHash = thumbHash
        self.posterTime = posterTime
        self.posterChoice = posterChoice
        self.skipped = skipped
        self.warnings = warnings
    }
}
