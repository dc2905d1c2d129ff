internal import CFFmpeg

/// One decoded picture: owns the `AVFrame` from `av_frame_alloc` (freed by `av_frame_free`).
public final class DecodedFrame {
    var frame: UnsafeMutablePointer<AVFrame>
    /// Presentation time in seconds, when the stream says.
    public internal(set) var time: Double?
    var frameRateHint: Double = 30

    init() throws(FFmpegError) {
        guard let frame = av_frame_alloc() else { throw FFmpegError(function: "av_frame_alloc", code: mc_averror(ENOMEM)) }
        self.frame = frame
    }

    deinit {
        var pointer: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&pointer)
    }

    /// A value the filter that made this frame attached to it (ebur128 writes "lavfi.r128.I").
    public func metadata(_ key: String) -> String? {
        av_dict_get(frame.pointee.metadata, key, nil, 0).map { String(cString: $0.pointee.value) }
    }

    public var width: Int { Int(frame.pointee.width) }

    /// True when the picture is two interlaced fields.
    public var isInterlaced: Bool { frame.pointee.interlaced_frame != 0 }
    public var height: Int { Int(frame.pointee.height) }

    /// True when the picture has an alpha channel worth keeping.
    public var hasAlpha: Bool {
        guard let descriptor = av_pix_fmt_desc_get(AVPixelFormat(rawValue: frame.pointee.format)) else { return false }
        return descriptor.pointee.flags & UInt64(AV_PIX_FMT_FLAG_ALPHA) != 0
    }

    /// Converts to 8-bit RGB or RGBA at `width`×`height` with swscale, honouring the frame's
    /// colour matrix (BT.601/709) and range (limited/full).
    public func converted(width: Int, height: Int, layout: PixelImage.Layout) throws(FFmpegError) -> PixelImage {
        let source = FramePlanes(frame)
        return try PixelScaler.scale(source, to: width, height, layout: layout)
    }

    /// 8-bit luma only, for scoring candidate frames without colour conversion costs.
    public func luma(width: Int, height: Int) throws(FFmpegError) -> [UInt8] {
        try PixelScaler.gray(FramePlanes(frame), to: width, height)
    }
}

/// The planes of an `AVFrame` or a `PixelImage`, as swscale reads them.
struct FramePlanes {
    var width: Int32
    var height: Int32
    var format: AVPixelFormat
    var data: [UnsafePointer<UInt8>?]
    var strides: [Int32]
    var colorspace: AVColorSpace
    var fullRange: Bool

    init(_ frame: UnsafeMutablePointer<AVFrame>) {
        width = frame.pointee.width
        height = frame.pointee.height
        format = AVPixelFormat(rawValue: frame.pointee.format)
        data = withUnsafeBytes(of: frame.pointee.data) { raw in
            raw.bindMemory(to: UnsafeMutablePointer<UInt8>?.self).prefix(4).map { UnsafePointer($0) }
        }
        strides = withUnsafeBytes(of: frame.pointee.linesize) { Array($0.bindMemory(to: Int32.self).prefix(4)) }
        colorspace = frame.pointee.colorspace
        fullRange = frame.pointee.color_range == AVCOL_RANGE_JPEG
    }

    init(pointer: UnsafePointer<UInt8>, image: PixelImage) {
        width = Int32(image.width)
        height = Int32(image.height)
        format = image.layout == .rgb ? AV_PIX_FMT_RGB24 : AV_PIX_FMT_RGBA
        data = [pointer, nil, nil, nil]
        strides = [Int32(image.rowBytes), 0, 0, 0]
        colorspace = AVCOL_SPC_RGB
        fullRange = true
    }
}
