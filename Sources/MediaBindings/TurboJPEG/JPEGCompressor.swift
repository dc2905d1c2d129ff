internal import CTurboJPEG

/// Owns a TurboJPEG compressor handle from `tjInitCompress` (freed by `tjDestroy`).
/// Not thread-safe: one per task.
public final class JPEGCompressor {
    private let handle: tjhandle

    public init() throws(TurboJPEGError) {
        guard let handle = tjInitCompress() else {
            throw TurboJPEGError(function: "tjInitCompress", message: String(cString: tjGetErrorStr2(nil)))
        }
        self.handle = handle
    }

    deinit { tjDestroy(handle) }

    /// Encodes RGB pixels as a baseline or progressive JPEG with 4:2:0 chroma and no metadata.
    public func encode(_ image: PixelImage, quality: Int, progressive: Bool = true) throws(TurboJPEGError) -> [UInt8] {
        precondition(image.layout == .rgb, "JPEG has no alpha: composite first")
        // The buffer that tjCompress2 allocates; freed by tjFree on the next line's defer.
        var output: UnsafeMutablePointer<UInt8>? = nil
        defer { tjFree(output) }
        var size: UInt = 0
        let flags = progressive ? Int32(TJFLAG_PROGRESSIVE) : 0
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            tjCompress2(handle, pixels.baseAddress, Int32(image.width), Int32(image.rowBytes), Int32(image.height),
                        Int32(TJPF_RGB.rawValue), &output, &size, Int32(TJSAMP_420.rawValue), Int32(quality), flags)
        }
        guard status == 0, let output else {
            throw TurboJPEGError(function: "tjCompress2", message: String(cString: tjGetErrorStr2(handle)))
        }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }
}
