internal import Foundation
internal import MediaBindings
internal import MediaProbe

/// A decoded still image, ready to be scaled to each output size.
struct PhotoSource {
    /// Scales to a stored-orientation size; the result is RGB or RGBA.
    let scaled: (_ width: Int, _ height: Int) throws -> PixelImage
    /// The orientation still to apply (1 when the decoder already applied it).
    let orientation: Int
    let warnings: [String]
    /// The display size when it is smaller than the file's own (a raw's embedded preview).
    var displaySize: (width: Int, height: Int)? = nil
    /// The ICC profile, where the decoder hands it over cheaply (HEIC/AVIF; a JPEG's is read
    /// from its APP2 segments by whoever needs it).
    var iccProfile: [UInt8]? = nil

    /// Decodes `path` as `info` describes it, as cheaply as the largest output allows:
    /// JPEG in the DCT domain at the smallest scale that covers `cover` (stored orientation),
    /// HEIC/AVIF with libheif (upright already), everything else with libavcodec.
    static func decode(path: String, info: MediaInfo, cover: (width: Int, height: Int), options: RenditionOptions)
        throws(RenderError.Reason) -> PhotoSource {
        if let w = info.width, let h = info.height, Double(w) * Double(h) > Double(options.maxPixels) {
            throw .tooManyPixels(width: w, height: h, limit: options.maxPixels)
        }
        do {
            switch info.format {
            case "jpeg": return try jpeg(path: path, info: info, cover: cover)
            case "dng":
                return try rawPreview(path: path, info: info, cover: cover)
            case "heic", "heif", "avif":
                let context = try HeifContext(path: path)
                let image = try context.decodePrimaryImage(maxPixels: options.maxPixels)
                return PhotoSource(scaled: { w, h in try PixelScaler.resize(image, to: w, h) }, orientation: 1,
                                   warnings: [], iccProfile: try context.primaryICCProfile())
            default:
                return try libavcodec(path: path, info: info, options: options)
            }
        } catch let reason as RenderError.Reason {
            throw reason
        } catch let error as FFmpegError where error.isTimeout {
            throw .timedOut(seconds: options.timeLimit)
        } catch {
            throw .decode("\(error)")
        }
    }

    /// Raw files are shown through the JPEG preview the camera embedded: rendering the sensor
    /// data itself would need demosaicing and a colour pipeline.
    private static func rawPreview(path: String, info: MediaInfo, cover: (width: Int, height: Int)) throws -> PhotoSource {
        let preview = try rawPreviewJPEG(path: path)
        var source = try jpeg(data: preview.data, orientation: info.orientation ?? 1, cover: cover)
        let orientation = info.orientation ?? 1
        source.displaySize = orientation >= 5 ? (preview.height, preview.width) : (preview.width, preview.height)
        return source
    }

    /// The JPEG preview a raw file embeds, as stored, with the size its TIFF entry gives.
    static func rawPreviewJPEG(path: String) throws -> (data: Data, width: Int, height: Int) {
        guard let preview = try MediaProber().embeddedJPEG(path: path) else {
            throw RenderError.Reason.decode("this raw file has no embedded JPEG preview to show")
        }
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(preview.offset))
        return (try handle.read(upToCount: preview.length) ?? Data(), preview.width, preview.height)
    }

    private static func jpeg(path: String, info: MediaInfo, cover: (width: Int, height: Int)) throws -> PhotoSource {
        try jpeg(data: try Data(contentsOf: URL(fileURLWithPath: path)), orientation: info.orientation ?? 1, cover: cover)
    }

    private static func jpeg(data: Data, orientation: Int, cover: (width: Int, height: Int)) throws -> PhotoSource {
        let decompressor = try JPEGDecompressor()
        let header = try data.withUnsafeBytes { try decompressor.header(of: $0) }
        let factor = SizePlanner.jpegFactor(width: header.width, height: header.height, covering: cover,
                                            factors: JPEGDecompressor.scaleFactors, scaled: JPEGDecompressor.scaled)
        let (image, warning) = try data.withUnsafeBytes { try decompressor.decode($0, factor: factor) }
        return PhotoSource(scaled: { w, h in try PixelScaler.resize(image, to: w, h) }, orientation: orientation,
                           warnings: warning.map { ["libjpeg-turbo: \($0)"] } ?? [])
    }

    /// PNG, WebP, TIFF, GIF (first frame) and the rest: libavcodec decodes once, swscale
    /// converts and scales straight from the decoded planes to each size.
    private static func libavcodec(path: String, info: MediaInfo, options: RenditionOptions) throws -> PhotoSource {
        let context = try FormatContext(url: "file:" + path, timeLimit: options.timeLimit, options: MediaProber.containerOptions)
        try context.findStreamInfo()
        guard let stream = context.streams.first(where: { $0.mediaType == .video }) else {
            throw RenderError.Reason.decode("no picture stream")
        }
        guard let frame = try Decoder(container: context, streamIndex: stream.index).keyframe(near: 0) else {
            throw RenderError.Reason.decode("the image data holds no picture")
        }
        let layout: PixelImage.Layout = frame.hasAlpha ? .rgba : .rgb
        return PhotoSource(scaled: { w, h in try frame.converted(width: w, height: h, layout: layout) },
                           orientation: info.orientation ?? 1, warnings: [])
    }
}
