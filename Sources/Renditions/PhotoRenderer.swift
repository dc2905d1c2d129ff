internal import Foundation
internal import MediaBindings
internal import MediaProbe

/// Thumbnail and preview of a still image, in every requested format, plus its ThumbHash and
/// its full-size download.
struct PhotoRenderer {
    let options: RenditionOptions
    let writer: RenditionWriter

    func render(path: String, info: MediaInfo) throws(RenderError.Reason) -> RenditionSet {
        guard var displayWidth = info.displayWidth, var displayHeight = info.displayHeight else {
            throw .decode("the probe found no image size")
        }
        let sizes = [(Rendition.Variant.thumb, options.thumbBox), (.preview, options.previewBox)]
            .filter { options.variants.contains($0.0) }
        let orientation = info.orientation ?? 1
        let largest = SizePlanner.fit(width: displayWidth, height: displayHeight, box: sizes.map(\.1).max() ?? options.thumbBox)
        let source = try PhotoSource.decode(path: path, info: info, cover: SizePlanner.stored(largest, orientation: orientation),
                                            options: options)
        if let size = source.displaySize { (displayWidth, displayHeight) = size }
        let encoder = try ImageEncoder(options: options)
        var set = RenditionSet(sourceSHA256: writer.source, renditions: [], skipped: [], warnings: source.warnings)
        for (variant, box) in sizes {
            let display = SizePlanner.fit(width: displayWidth, height: displayHeight, box: box)
            let image = try scale(source, display: display)
            if variant == .thumb || set.thumbHash == nil { set.thumbHash = try Self.thumbHash(image) }
            for format in options.formats where format.isImage {
                let recipe = RenditionRecipe.image(variant, format, box: box, options: options,
                                                   pipeline: RenditionRecipe.photoPipelineVersion)
                do {
                    set.renditions.append(try writer.write(recipe, width: image.width, height: image.height) {
                        try encoder.encode(image, as: format)
                    })
                } catch let reason as RenderError.Reason {
                    throw reason
                } catch {
                    throw .write("\(error)")
                }
            }
        }
        if options.variants.contains(.download) {
            try PhotoDownload(options: options, writer: writer)
                .render(path: path, info: info, source: source, display: (displayWidth, displayHeight), into: &set)
        }
        return set
    }

    /// Scales the decoded picture to the stored-orientation size of `display`, then orients it.
    private func scale(_ source: PhotoSource, display: (width: Int, height: Int)) throws(RenderError.Reason) -> PixelImage {
        let stored = SizePlanner.stored(display, orientation: source.orientation)
        do {
            return try source.scaled(stored.width, stored.height).oriented(source.orientation)
        } catch {
            throw .decode("\(error)")
        }
    }

    /// The ThumbHash of an image, from a copy scaled to fit 100×100 (base64).
    static func thumbHash(_ image: PixelImage) throws(RenderError.Reason) -> String {
        let small = SizePlanner.fit(width: image.width, height: image.height, box: 100)
        do {
            let pixels = try PixelScaler.resize(image, to: small.width, small.height)
            return Data(ThumbHash.encode(pixels)).base64EncodedString()
        } catch {
            throw .encode("ThumbHash: \(error)")
        }
    }
}
