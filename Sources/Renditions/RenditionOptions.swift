/// How renditions are made. `mediacat` builds one from flags and passes it down by value.
public struct RenditionOptions: Sendable, Equatable {
    /// Long-edge box of each size: outputs fit inside and are never upscaled.
    public var thumbBox = 400
    public var previewBox = 1600
    public var jpegQuality = 82
    public var webpQuality: Float = 80
    /// libwebp effort 0–6 (4 is its default; lower is faster, files a little larger).
    public var webpMethod: Int32 = 4
    public var formats: [Rendition.Format] = [.jpeg, .webp]
    /// Which variants to make; storyboards only for videos.
    public var variants: Set<Rendition.Variant> = [.thumb, .preview, .poster, .storyboard]
    /// Images with more pixels are refused before anything is allocated.
    public var maxPixels = 200_000_000
    /// Seconds one file may take.
    public var timeLimit: Double = 120
    /// Keyframes looked at when choosing a poster.
    public var posterCandidates = 8
    /// A staff choice: the exact frame at this many seconds becomes the poster.
    public var posterTime: Double?
    /// Pixels that exact-frame decoding may spend per video, for posters and again for the
    /// storyboard (2 billion: ~1000 frames of 1080p or ~240 of 4K).
    public var decodingBudget: Double = 2e9
    public var storyboardTileWidth = 160
    public var storyboardMaxTiles = 100
    public var storyboardColumns = 10
    public var storyboardQuality = 70

    public init() {}
}
