internal import CTurboJPEG

/// Owns a TurboJPEG transform handle from `tjInitTransform` (freed by `tjDestroy`): lossless
/// rotations and flips that move a JPEG's DCT coefficients without decoding a pixel.
/// A handle is not thread-safe: create one per task.
public final class JPEGTransformer {
    /// TurboJPEG's lossless operations (`TJXOP_*`, in the library's order).
    public enum Operation: Int32, Sendable, CaseIterable {
        case none, flipHorizontal, flipVertical, transpose, transverse, rotate90, rotate180, rotate270

        /// True when the output's width is the input's height.
        public var swapsAxes: Bool { rawValue >= Operation.transpose.rawValue && self != .rotate180 }
    }

    /// A transformed JPEG: its bytes (with no marker copied from the source), its size, and
    /// libjpeg-turbo's warning when the source was damaged but readable.
    public struct Output: Sendable {
        public var bytes: [UInt8]
        public var width: Int
        public var height: Int
        public var warning: String?
    }

    private let handle: tjhandle

    public init() throws(TurboJPEGError) {
        guard let handle = tjInitTransform() else {
            throw TurboJPEGError(function: "tjInitTransform", message: String(cString: tjGetErrorStr2(nil)))
        }
        self.handle = handle
    }

    deinit { tjDestroy(handle) }

    /// Whether `operation` keeps every pixel: libjpeg moves whole MCU blocks, and a partial
    /// block on the right or bottom edge cannot become the left or top one. This is transupp's
    /// `jtransform_perfect_transform` over TurboJPEG's own MCU sizes (`tjMCUWidth`/`tjMCUHeight`).
    public static func isPerfect(_ operation: Operation, width: Int, height: Int, subsampling: Int) -> Bool {
        guard (0..<Int(TJ_NUMSAMP)).contains(subsampling) else { return false }
        // tjMCUWidth and tjMCUHeight are C arrays, imported as tuples of Int32.
        let offset = subsampling * MemoryLayout<Int32>.stride
        let mcuWidth = withUnsafeBytes(of: tjMCUWidth) { Int($0.load(fromByteOffset: offset, as: Int32.self)) }
        let mcuHeight = withUnsafeBytes(of: tjMCUHeight) { Int($0.load(fromByteOffset: offset, as: Int32.self)) }
        let wholeColumns = width % mcuWidth == 0, wholeRows = height % mcuHeight == 0
        switch operation {
        case .none, .transpose: return true
        case .flipHorizontal, .rotate270: return wholeColumns
        case .flipVertical, .rotate90: return wholeRows
        case .transverse, .rotate180: return wholeColumns && wholeRows
        }
    }

    /// Applies `operation` to the JPEG in `jpeg` (`TJXOPT_PERFECT | TJXOPT_COPYNONE`): the
    /// output is baseline, carries no APPn or COM segment of the source, and holds only the
    /// JFIF or Adobe marker libjpeg writes itself.
    /// - Returns: nil when the operation is not perfect for this image (see `isPerfect`).
    public func transform(_ jpeg: UnsafeRawBufferPointer, _ operation: Operation) throws(TurboJPEGError) -> Output? {
        guard let base = jpeg.baseAddress?.assumingMemoryBound(to: UInt8.self), !jpeg.isEmpty else {
            throw TurboJPEGError(function: "tjTransform", message: "empty buffer")
        }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = -1, colorSpace: Int32 = -1
        if tjDecompressHeader3(handle, base, UInt(jpeg.count), &width, &height, &subsampling, &colorSpace) != 0 {
            throw TurboJPEGError(function: "tjDecompressHeader3", message: String(cString: tjGetErrorStr2(handle)))
        }
        guard Self.isPerfect(operation, width: Int(width), height: Int(height), subsampling: Int(subsampling)) else {
            return nil
        }
        var transform = tjtransform()
        transform.op = operation.rawValue
        transform.options = TJXOPT_PERFECT | TJXOPT_COPYNONE
        // The buffer that tjTransform allocates; freed by tjFree on the next line's defer.
        var output: UnsafeMutablePointer<UInt8>? = nil
        defer { tjFree(output) }
        var size: UInt = 0
        let status = tjTransform(handle, base, UInt(jpeg.count), 1, &output, &size, &transform, 0)
        var warning: String?
        if status != 0 {
            let message = String(cString: tjGetErrorStr2(handle))
            guard tjGetErrorCode(handle) == Int32(TJERR_WARNING.rawValue), output != nil, size > 0 else {
                throw TurboJPEGError(function: "tjTransform", message: message)
            }
            warning = message
        }
        guard let output, size > 0 else { throw TurboJPEGError(function: "tjTransform", message: "no output") }
        let swapped = operation.swapsAxes
        return Output(bytes: Array(UnsafeBufferPointer(start: output, count: Int(size))),
                      width: Int(swapped ? height : width), height: Int(swapped ? width : height), warning: warning)
    }
}
