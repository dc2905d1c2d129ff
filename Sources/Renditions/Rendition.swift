/// One file mediacat made from a source file.
public struct Rendition: Sendable, Codable, Equatable {
    public enum Variant: String, Sendable, Codable, CaseIterable, Comparable {
        /// Photos and videos: fits the thumbnail box (a video's poster frame at thumbnail size).
        case thumb
        /// Photos: fits the preview box.
        case preview
        /// Videos: the poster frame at preview size.
        case poster
        /// Videos: a sprite sheet of evenly spaced frames...
        case storyboard
        /// ...and the WebVTT file mapping time ranges to regions of it.
        case storyboardCues = "storyboard-cues"

        public static func < (a: Variant, b: Variant) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public enum Format: String, Sendable, Codable {
        case jpeg, webp, vtt
        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
        public var mimeType: String {
            switch self {
            case .jpeg: "image/jpeg"
            case .webp: "image/webp"
            case .vtt: "text/vtt"
            }
        }
    }

    public var variant: Variant
    public var format: Format
    public var width: Int?
    public var height: Int?
    public var bytes: Int
    /// Path relative to the rendition root: "ab/cd/<sha256>-thumb-1a2b3c4d.jpg".
    public var path: String
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
