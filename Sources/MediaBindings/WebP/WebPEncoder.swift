internal import CWebP

/// A libwebp encoding failure, with libwebp's error code.
public struct WebPError: Error, CustomStringConvertible, Sendable, Equatable {
    public let function: String
    public let code: Int32
    public var description: String { "\(function): libwebp error \(code)" }
}

/// Lossy WebP encoding through libwebp's advanced API (for the speed/quality `method`).
public enum WebPEncoder {
    /// - Parameters:
    ///   - quality: 0–100, as cwebp's `-q`.
    ///   - method: 0 (fastest) to 6 (smallest files); libwebp's default is 4.
    public static func encode(_ image: PixelImage, quality: Float, method: Int32 = 4) throws(WebPError) -> [UInt8] {
        var config = WebPConfig()
        guard WebPConfigInit(&config) != 0 else { throw WebPError(function: "WebPConfigInit", code: -1) }
        config.quality = quality
        config.method = method
        guard WebPValidateConfig(&config) != 0 else { throw WebPError(function: "WebPValidateConfig", code: -1) }
        var picture = WebPPicture()
        guard WebPPictureInit(&picture) != 0 else { throw WebPError(function: "WebPPictureInit", code: -1) }
        // The picture's planes are allocated by the import and freed by WebPPictureFree.
        defer { WebPPictureFree(&picture) }
        picture.width = Int32(image.width)
        picture.height = Int32(image.height)
        let imported = image.pixels.withUnsafeBufferPointer { pixels in
            image.layout == .rgb
                ? WebPPictureImportRGB(&picture, pixels.baseAddress, Int32(image.rowBytes))
                : WebPPictureImportRGBA(&picture, pixels.baseAddress, Int32(image.rowBytes))
        }
        guard imported != 0 else { throw WebPError(function: "WebPPictureImportRGB", code: Int32(picture.error_code.rawValue)) }
        var writer = WebPMemoryWriter()
        WebPMemoryWriterInit(&writer)
        // The writer's memory grows inside WebPEncode; freed by WebPMemoryWriterClear.
        defer { WebPMemoryWriterClear(&writer) }
        let encoded = withUnsafeMutablePointer(to: &writer) { writerPointer in
            picture.writer = WebPMemoryWrite
            picture.custom_ptr = UnsafeMutableRawPointer(writerPointer)
            return WebPEncode(&config, &picture)
        }
        guard encoded != 0, let memory = writer.mem else {
            throw WebPError(function: "WebPEncode", code: Int32(picture.error_code.rawValue))
        }
        return Array(UnsafeBufferPointer(start: memory, count: writer.size))
    }
}
