internal import Foundation
internal import MediaBindings

/// Encodes finished pixels to the output formats. Holds one TurboJPEG handle, so one per job.
final class ImageEncoder {
    private let jpeg: JPEGCompressor
    private let options: RenditionOptions

    init(options: RenditionOptions) throws(RenderError.Reason) {
        self.options = options
        do { jpeg = try JPEGCompressor() } catch { throw .encode(error.description) }
    }

    func encode(_ image: PixelImage, as format: Rendition.Format, quality: Int? = nil) throws(RenderError.Reason) -> [UInt8] {
        do {
            switch format {
            case .jpeg: return try jpeg.encode(image.flattened(), quality: quality ?? options.jpegQuality, progressive: true)
            case .webp: return try WebPEncoder.encode(image, quality: options.webpQuality, method: options.webpMethod)
            default: throw RenderError.Reason.encode("\(format.rawValue) is not an image format")
            }
        } catch let reason as RenderError.Reason {
            throw reason
        } catch {
            throw .encode("\(error)")
        }
    }
}
