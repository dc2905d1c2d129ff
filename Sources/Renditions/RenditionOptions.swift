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
    /// Which variants to make; storyboards, web renditions and clean originals only for
    /// videos (clean originals for audio too), downloads only for photos.
    public var variants: Set<Rendition.Variant> = [.thumb, .preview, .download, .poster, .storyboard, .web, .webSmall, .original]
    /// Images with more pixels are refused before anything is allocated.
    public var maxPixels = 200_000_000
    /// Seconds one file may take, plus `timeLimitPerSecond` for each second a video or audio
    /// file lasts (a transcode's work grows with the clip).
    public var timeLimit: Double = 120
    public var timeLimitPerSecond: Double = 10
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
    /// JPEG quality of a photo download that cannot be a lossless transform of its source.
    public var downloadQuality = 92

    /// Long-edge box of the web video and of its small rung for slow connections.
    public var webBox = 1920
    public var webSmallBox = 640
    /// libx264 preset and constant-quality factors (CRF; lower is better and larger).
    public var videoPreset = "veryfast"
    public var videoQuality = 23
    public var smallVideoQuality = 24
    /// Bit-rate ceiling as bits per pixel per frame (0.12: about 7.5 Mb/s for 1080p at 30 fps).
    public var maxBitsPerPixel = 0.12
    /// AAC bit rate of the web renditions' stereo sound.
    public var audioBitRate = 128_000
    /// Integrated loudness the web renditions' sound is brought to (EBU R128), in LUFS, and how
    /// far from it an AAC track may be and still be copied, in LU.
    public var loudnessTarget = -16.0
    public var loudnessTolerance = 1.0
    /// The highest true peak allowed after the gain, dBTP (a limiter catches the rest).
    public var truePeakLimit = -1.5
    /// The most a quiet recording is raised, dB (more would mostly raise its noise).
    public var maximumGain = 20.0

    public init() {}

    /// The time limit for a file of `duration` seconds (nil for photos).
    public func timeLimit(forDuration duration: Double?) -> Double {
        guard let duration, duration.isFinite, duration > 0 else { return timeLimit }
        return timeLimit + min(duration, 86_400) * timeLimitPerSecond
    }
}
