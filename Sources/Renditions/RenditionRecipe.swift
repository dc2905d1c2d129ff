/// What a rendition is made by: the pipeline version and every parameter that changes its
/// bytes. Its identifier is part of the file name, so changing a parameter (or bumping the
/// version of one pipeline) regenerates exactly the renditions it affects.
struct RenditionRecipe: Equatable {
    /// Bump when the photo pipeline's output changes (decoder, filter, orientation...).
    static let photoPipelineVersion = 1
    /// Bump when poster choice or frame conversion changes.
    static let posterPipelineVersion = 1
    static let storyboardPipelineVersion = 1

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
}
