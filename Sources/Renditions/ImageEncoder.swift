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
            case .vtt: throw RenderError.Reason.encode("WebVTT is text, not an image")
            }
        } catch let reason as RenderError.Reason {
            throw reason
        } catch {
            throw .encode("\(error)")
        }
    }
}

/// Writes renditions to the store and describes them; remembers what it created, so a file
/// that fails half-way leaves nothing behind.
final class RenditionWriter {
    let store: RenditionStore
    let source: String
    private var created: [String] = []

    init(store: RenditionStore, source: String) {
        self.store = store
        self.source = source
    }

    /// Removes every file this writer created (files that already existed stay: they belong
    /// to an earlier, complete run for the same source).
    func discardCreated() {
        for path in created { try? FileManager.default.removeItem(at: store.url(path)) }
        created.removeAll()
    }

    /// Stores `bytes` under `recipe` unless that exact file already exists.
    func write(_ recipe: RenditionRecipe, width: Int?, height: Int?, bytes: () throws -> [UInt8]) throws -> Rendition {
        let path = store.relativePath(source: source, recipe: recipe)
        var size: Int
        if store.contains(path) {
            size = (try? store.url(path).resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        } else {
            let data = try bytes()
            try store.write(data, to: path)
            created.append(path)
            size = data.count
        }
        return Rendition(variant: recipe.variant, format: recipe.format, width: width, height: height, bytes: size, path: path)
    }

    func relativePath(_ recipe: RenditionRecipe) -> String { store.relativePath(source: source, recipe: recipe) }
}
