internal import CFFmpeg

/// Resizing and pixel-format conversion through swscale. Each call owns its `SwsContext`
/// from `sws_getContext`, freed by `sws_freeContext` on the next line's defer.
public enum PixelScaler {
    /// Resizes an RGB or RGBA image: area averaging for large reductions, Lanczos otherwise.
    public static func resize(_ image: PixelImage, to width: Int, _ height: Int) throws(FFmpegError) -> PixelImage {
        try FFmpegLibrary.load()
        if image.width == width, image.height == height { return image }
        let result = image.pixels.withUnsafeBufferPointer { pixels in
            Result { () throws(FFmpegError) in
                try scale(FramePlanes(pointer: pixels.baseAddress!, image: image), to: width, height, layout: image.layout)
            }
        }
        return try result.get()
    }

    static func scale(_ source: FramePlanes, to width: Int, _ height: Int, layout: PixelImage.Layout) throws(FFmpegError) -> PixelImage {
        let format = layout == .rgb ? AV_PIX_FMT_RGB24 : AV_PIX_FMT_RGBA
        let pixels = try convert(source, to: width, height, format: format, bytesPerPixel: layout.bytesPerPixel)
        return PixelImage(width: width, height: height, layout: layout, pixels: pixels)
    }

    static func gray(_ source: FramePlanes, to width: Int, _ height: Int) throws(FFmpegError) -> [UInt8] {
        try convert(source, to: width, height, format: AV_PIX_FMT_GRAY8, bytesPerPixel: 1)
    }

    private static func convert(_ source: FramePlanes, to width: Int, _ height: Int, format: AVPixelFormat,
                                bytesPerPixel: Int) throws(FFmpegError) -> [UInt8] {
        guard width > 0, height > 0, source.width > 0, source.height > 0 else {
            throw FFmpegError(function: "sws_getContext", code: mc_averror(EINVAL), message: "empty image")
        }
        let reduction = min(Double(source.width) / Double(width), Double(source.height) / Double(height))
        let filter = reduction >= 2 ? SWS_AREA : SWS_LANCZOS
        guard let context = sws_getContext(source.width, source.height, source.format, Int32(width), Int32(height), format,
                                           filter | SWS_ACCURATE_RND, nil, nil, nil) else {
            throw FFmpegError(function: "sws_getContext", code: mc_averror(EINVAL),
                              message: "cannot convert \(pixelFormatName(source.format)) at \(source.width)×\(source.height)")
        }
        defer { sws_freeContext(context) }
        if let descriptor = av_pix_fmt_desc_get(source.format), descriptor.pointee.flags & UInt64(AV_PIX_FMT_FLAG_RGB) == 0,
           descriptor.pointee.nb_components >= 3 {
            // YUV: the frame's own matrix and range, to full-range RGB.
            let matrix = source.colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT
            let yuvj = pixelFormatName(source.format).hasPrefix("yuvj")
            _ = sws_setColorspaceDetails(context, sws_getCoefficients(matrix), source.fullRange || yuvj ? 1 : 0,
                                         sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16)
        }
        let rowBytes = width * bytesPerPixel
        // Rows padded to 64 bytes for swscale's SIMD stores, packed afterwards.
        let stride = (rowBytes + 63) & ~63
        var padded = [UInt8](repeating: 0, count: stride * height + 64)
        let lines = padded.withUnsafeMutableBufferPointer { out -> Int32 in
            var destination: [UnsafeMutablePointer<UInt8>?] = [out.baseAddress, nil, nil, nil]
            var destinationStrides: [Int32] = [Int32(stride), 0, 0, 0]
            return source.data.withUnsafeBufferPointer { planes in
                source.strides.withUnsafeBufferPointer { strides in
                    sws_scale(context, planes.baseAddress, strides.baseAddress, 0, source.height,
                              &destination, &destinationStrides)
                }
            }
        }
        guard lines == Int32(height) else {
            throw FFmpegError(function: "sws_scale", code: mc_averror(EINVAL), message: "converted \(lines) of \(height) rows")
        }
        if stride == rowBytes {
            padded.removeLast(padded.count - rowBytes * height)  // in place: no copy
            return padded
        }
        var packed = [UInt8](repeating: 0, count: rowBytes * height)
        for row in 0..<height {
            packed.withUnsafeMutableBufferPointer { out in
                padded.withUnsafeBufferPointer { src in
                    (out.baseAddress! + row * rowBytes).update(from: src.baseAddress! + row * stride, count: rowBytes)
                }
            }
        }
        return packed
    }

    private static func pixelFormatName(_ format: AVPixelFormat) -> String {
        av_pix_fmt_desc_get(format).map { String(cString: $0.pointee.name) } ?? "unknown"
    }
}
