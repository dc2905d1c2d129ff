/// What a rendition is made by: the pipeline version and every parameter that changes its
/// bytes. Its identifier is part of the file name, so changing a parameter (or bumping the
/// version of one pipeline) regenerates exactly the renditions it affects.
struct RenditionRecipe: Equatable {
    /// Bump when the photo pipeline's output changes (decoder, filter, orientation...).
    static let photoPipelineVersion = 1
    /// Bump when poster choice or frame conversion changes.
    static let posterPipelineVersion = 1
    static let storyboardPipelineVersion = 1
    /// Bump when web video or clean original output changes (filters, muxing, packet rewriting).
    static let mediaPipelineVersion = 1
    static let downloadPipelineVersion = 1

    var variant: Rendition.Variant
    var format: Rendition.Format
    var parameters: String

    /// First 8 hex digits of SHA-256 over the description.
    var identifier: String { String(SourceHash.sha256(text: "\(variant.rawValue)|\(format.rawValue)|\(parameters)").prefix(8)) }

    static func image(_ variant: Rendition.Variant, _ format: Rendition.Format, box: Int, options: RenditionOptions,
                      pipeline: Int, extra: String = "") -> RenditionRecipe {
        let quality = format == .jpeg ? "q\(options.jpegQuality)p" : "q\(options.webpQuality)m\(options.webpMethod)"
        return RenditionRecipe(variant: variant, format: format, parameters: "v\(pipeline)|box\(box)|\(quality)|\(extra)")
    }

    /// A web rendition: every setting that changes its bytes.
    static func web(_ variant: Rendition.Variant, box: Int, quality: Int, options: RenditionOptions) -> RenditionRecipe {
        RenditionRecipe(variant: variant, format: .mp4, parameters: [
            "v\(mediaPipelineVersion)", "box\(box)", "x264 \(options.videoPreset) crf\(quality) bpp\(options.maxBitsPerPixel)",
            "aac\(options.audioBitRate)", "lufs\(options.loudnessTarget)±\(options.loudnessTolerance)",
            "tp\(options.truePeakLimit)", "gain≤\(options.maximumGain)",
        ].joined(separator: "|"))
    }

    /// A clean original: a copy, so only the pipeline and the container matter.
    static func original(_ format: Rendition.Format) -> RenditionRecipe {
        RenditionRecipe(variant: .original, format: format, parameters: "v\(mediaPipelineVersion)|copy")
    }
}
