internal import CTurboJPEG

/// A TurboJPEG call that failed, with `tjGetErrorStr2`'s text.
public struct TurboJPEGError: Error, CustomStringConvertible, Sendable, Equatable {
    public let function: String
    public let message: String
    public var description: String { "\(function): \(message)" }
}

/// What a JPEG's frame header says, read without decoding any scan.
public struct JPEGHeader: Sendable, Equatable {
    public enum ColorSpace: String, Sendable {
        case rgb, ycbcr, gray, cmyk, ycck, unknown
    }
    public var width: Int
    public var height: Int
    public var colorSpace: ColorSpace
    /// TurboJPEG's chroma subsampling code (`TJSAMP_*`); -1 when unknown.
    public var subsampling: Int
}

/// Owns a TurboJPEG decompressor handle from `tjInitDecompress` (freed by `tjDestroy`).
/// A handle is not thread-safe: create one per task.
public final class JPEGDecompressor {
    let handle: tjhandle

    public init() throws(TurboJPEGError) {
        guard let handle = tjInitDecompress() else {
            throw TurboJPEGError(function: "tjInitDecompress", message: String(cString: tjGetErrorStr2(nil)))
        }
        self.handle = handle
    }

    deinit { tjDestroy(handle) }

    /// Reads the frame header (SOF) of the JPEG in `bytes`.
    public func header(of bytes: UnsafeRawBufferPointer) throws(TurboJPEGError) -> JPEGHeader {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            throw TurboJPEGError(function: "tjDecompressHeader3", message: "empty buffer")
        }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = -1, colorSpace: Int32 = -1
        if tjDecompressHeader3(handle, base, UInt(bytes.count), &width, &height, &subsampling, &colorSpace) != 0 {
            throw TurboJPEGError(function: "tjDecompressHeader3", message: String(cString: tjGetErrorStr2(handle)))
        }
        return JPEGHeader(width: Int(width), height: Int(height),
                          colorSpace: Self.colorSpace(colorSpace), subsampling: Int(subsampling))
    }

    private static func colorSpace(_ code: Int32) -> JPEGHeader.ColorSpace {
        switch code {
        case Int32(TJCS_RGB.rawValue): .rgb
        case Int32(TJCS_YCbCr.rawValue): .ycbcr
        case Int32(TJCS_GRAY.rawValue): .gray
        case Int32(TJCS_CMYK.rawValue): .cmyk
        case Int32(TJCS_YCCK.rawValue): .ycck
        default: .unknown
        }
    }
}
