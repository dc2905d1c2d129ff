internal import Foundation
internal import MediaBindings
internal import MediaProbe

/// The full-size `download` of a photo: upright, a JPEG, and free of every metadata segment
/// (EXIF GPS and camera serials in maker notes, XMP, IPTC, comments) but its colour profile.
///
/// A JPEG (or the JPEG preview a raw file embeds) is turned in the DCT domain, so no pixel is
/// decoded and no generation is lost; only when its partial MCU blocks make that impossible, and
/// for every other format, is the picture decoded at full size and encoded again.
struct PhotoDownload {
    let options: RenditionOptions
    let writer: RenditionWriter

    /// How a download's bytes were made.
    enum Method: Equatable {
        /// Orientation 1: the source's own segments, less the metadata (see `JPEGSegments`).
        case copied
        /// A lossless libjpeg-turbo transform.
        case transformed(JPEGTransformer.Operation)
        /// Decoded, turned, flattened onto white and encoded at `downloadQuality`.
        case reencoded
    }

    struct Output {
        var bytes: [UInt8]
        var width: Int
        var height: Int
        var method: Method
        var warnings: [String] = []
    }

    static func recipe(_ options: RenditionOptions) -> RenditionRecipe {
        RenditionRecipe(variant: .download, format: .jpeg,
                        parameters: "v\(RenditionRecipe.downloadPipelineVersion)|q\(options.downloadQuality)|icc")
    }

    /// Adds the download to `set`, reusing the file when this recipe already made it.
    /// - Parameters:
    ///   - source: the decoded picture the thumbnails came from; reused for formats that have
    ///     no lossless path when it is at full size already (every decoder but JPEG's).
    ///   - display: the upright size (for a raw file, its preview's).
    func render(path: String, info: MediaInfo, source: PhotoSource, display: (width: Int, height: Int),
                into set: inout RenditionSet) throws(RenderError.Reason) {
        var made: Output?
        do {
            var rendition = try writer.write(Self.recipe(options), width: display.width, height: display.height) {
                let output = try make(path: path, info: info, source: source, display: display)
                made = output
                return output.bytes
            }
            if let made {
                (rendition.width, rendition.height) = (made.width, made.height)
                set.warnings += made.warnings.filter { !set.warnings.contains($0) }
            }
            set.renditions.append(rendition)
        } catch let reason as RenderError.Reason {
            throw reason
        } catch {
            throw .write("\(error)")
        }
    }

    func make(path: String, info: MediaInfo, source: PhotoSource, display: (width: Int, height: Int))
        throws(RenderError.Reason) -> Output {
        let orientation = info.orientation ?? 1
        do {
            switch info.format {
            case "jpeg":
                return try fromJPEG([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), orientation: orientation)
            case "dng":
                return try fromJPEG([UInt8](try PhotoSource.rawPreviewJPEG(path: path).data), orientation: orientation)
            default:
                let stored = SizePlanner.stored(display, orientation: source.orientation)
                let image = try source.scaled(stored.width, stored.height).oriented(source.orientation)
                return try reencoded(image, icc: source.iccProfile.map(JPEGSegments.iccSegments(profile:)) ?? [])
            }
        } catch let reason as RenderError.Reason {
            throw reason
        } catch let failure as JPEGSegments.Failure {
            throw .decode(failure.description)
        } catch {
            throw .decode("\(error)")
        }
    }

    /// The lossless paths, else a full-size decode of the same bytes.
    private func fromJPEG(_ jpeg: [UInt8], orientation: Int) throws -> Output {
        let icc: [[UInt8]]
        do {
            icc = try JPEGSegments.iccSegments(in: jpeg)
            if orientation == 1 { return try copied(jpeg, icc: icc) }
        } catch let failure as JPEGSegments.Failure {
            // A stream the strict walk refuses (a scan cut short, which libjpeg decodes with a
            // warning) costs the profile and the plain copy: libjpeg's own output is well-formed.
            var output = try transformedOrReencoded(jpeg, orientation: orientation, icc: [])
            output.warnings.insert("download: \(failure); made by libjpeg-turbo without a colour profile", at: 0)
            return output
        }
        return try transformedOrReencoded(jpeg, orientation: orientation, icc: icc)
    }

    /// Orientation 1 needs no transform at all: the source's scans are copied as they are, the
    /// same DCT coefficients TJXOP_NONE would give, for the cost of a memory copy instead of a
    /// Huffman decode and encode of every block (and most photos are upright).
    private func copied(_ jpeg: [UInt8], icc: [[UInt8]]) throws -> Output {
        let header = try jpeg.withUnsafeBytes { try JPEGDecompressor().header(of: $0) }
        return Output(bytes: try JPEGSegments.cleaned(jpeg, icc: icc), width: header.width, height: header.height,
                      method: .copied)
    }

    private func transformedOrReencoded(_ jpeg: [UInt8], orientation: Int, icc: [[UInt8]]) throws -> Output {
        let operation = Self.operation(forOrientation: orientation)
        if let output = try jpeg.withUnsafeBytes({ try JPEGTransformer().transform($0, operation) }) {
            return Output(bytes: try JPEGSegments.cleaned(output.bytes, icc: icc), width: output.width,
                          height: output.height, method: .transformed(operation),
                          warnings: output.warning.map { ["libjpeg-turbo: \($0)"] } ?? [])
        }
        let decompressor = try JPEGDecompressor()
        let header = try jpeg.withUnsafeBytes { try decompressor.header(of: $0) }
        guard Double(header.width) * Double(header.height) <= Double(options.maxPixels) else {
            throw RenderError.Reason.tooManyPixels(width: header.width, height: header.height, limit: options.maxPixels)
        }
        let (image, warning) = try jpeg.withUnsafeBytes { try decompressor.decode($0) }
        var output = try reencoded(image.oriented(orientation), icc: icc)
        output.warnings = warning.map { ["libjpeg-turbo: \($0)"] } ?? []
        return output
    }

    /// Encodes (flattening any alpha onto white). The profile goes along only when it describes
    /// RGB: decoders turn CMYK and grayscale into RGB, which a CMYK or gray profile would misstate.
    private func reencoded(_ image: PixelImage, icc: [[UInt8]]) throws -> Output {
        let encoded = try ImageEncoder(options: options).encode(image, as: .jpeg, quality: options.downloadQuality)
        let rgbICC = JPEGSegments.iccColorSpace(JPEGSegments.iccProfile(segments: icc)) == "RGB " ? icc : []
        return Output(bytes: try JPEGSegments.cleaned(encoded, icc: rgbICC), width: image.width, height: image.height,
                      method: .reencoded)
    }

    /// The lossless operation that shows a JPEG stored with EXIF orientation `orientation` upright.
    static func operation(forOrientation orientation: Int) -> JPEGTransformer.Operation {
        switch orientation {
        case 2: .flipHorizontal
        case 3: .rotate180
        case 4: .flipVertical
        case 5: .transpose
        case 6: .rotate90
        case 7: .transverse
        case 8: .rotate270
        default: .none
        }
    }
}
