internal import CHeif

extension HeifContext {
    /// Decodes the primary image to 8-bit RGB (RGBA when it has alpha). libheif applies the
    /// container's rotation, mirroring and crop, so the result is upright: do not apply the
    /// EXIF orientation again. Images over `maxPixels` are refused before decoding.
    public func decodePrimaryImage(maxPixels: Int) throws(HeifError) -> PixelImage {
        var handle: OpaquePointer? = nil
        try check(heif_context_get_primary_image_handle(context, &handle), "heif_context_get_primary_image_handle")
        // Released on the next line's defer, like the decoded image below.
        defer { heif_image_handle_release(handle) }
        let width = Int(heif_image_handle_get_width(handle)), height = Int(heif_image_handle_get_height(handle))
        guard width > 0, height > 0, width * height <= maxPixels else {
            throw HeifError(function: "heif_image_handle_get_width", code: -1,
                            message: "\(width)×\(height) pixels is over the limit of \(maxPixels)")
        }
        let alpha = heif_image_handle_has_alpha_channel(handle) != 0
        var image: OpaquePointer? = nil
        try check(heif_decode_image(handle, &image, heif_colorspace_RGB,
                                    alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, nil),
                  "heif_decode_image")
        defer { heif_image_release(image) }
        var stride: Int32 = 0
        guard let plane = heif_image_get_plane_readonly(image, heif_channel_interleaved, &stride) else {
            throw HeifError(function: "heif_image_get_plane_readonly", code: -1, message: "no interleaved plane")
        }
        let decodedWidth = Int(heif_image_get_width(image, heif_channel_interleaved))
        let decodedHeight = Int(heif_image_get_height(image, heif_channel_interleaved))
        let layout: PixelImage.Layout = alpha ? .rgba : .rgb
        let rowBytes = decodedWidth * layout.bytesPerPixel
        guard decodedWidth > 0, decodedHeight > 0, Int(stride) >= rowBytes else {
            throw HeifError(function: "heif_image_get_plane_readonly", code: -1, message: "unexpected plane layout")
        }
        var pixels = [UInt8](repeating: 0, count: rowBytes * decodedHeight)
        pixels.withUnsafeMutableBufferPointer { out in
            for row in 0..<decodedHeight {
                (out.baseAddress! + row * rowBytes).update(from: plane + row * Int(stride), count: rowBytes)
            }
        }
        return PixelImage(width: decodedWidth, height: decodedHeight, layout: layout, pixels: pixels)
    }
}
