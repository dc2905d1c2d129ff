internal import CFFmpeg

/// How one stream is encoded: the encoder's name and its options, as libavcodec names them
/// ("preset", "crf", "profile", "g", "maxrate", "bufsize", "b", "colorspace", "threads"...).
public struct EncoderSettings: Sendable, Equatable {
    public var encoder: String
    public var options: [String: String]

    public init(encoder: String, options: [String: String]) {
        self.encoder = encoder
        self.options = options
    }
}

/// An opened encoder fed from a filter graph's sink: owns the `AVCodecContext` from
/// `avcodec_alloc_context3` (freed by `avcodec_free_context`) and the packet it fills.
final class EncoderContext {
    private var codec: UnsafeMutablePointer<AVCodecContext>?
    private let packet: Packet

    /// Opens `settings.encoder` for the frames `sink` delivers (their size, format, rate and
    /// time base), with a global header as MP4 and Matroska want.
    init(_ settings: EncoderSettings, sink: UnsafeMutablePointer<AVFilterContext>) throws(FFmpegError) {
        packet = try Packet()
        guard let encoder = avcodec_find_encoder_by_name(settings.encoder) else {
            throw FFmpegError(function: "avcodec_find_encoder_by_name", code: mc_averror(ENOSYS),
                              message: "this FFmpeg has no encoder \(settings.encoder)")
        }
        codec = avcodec_alloc_context3(encoder)
        guard let codec else { throw FFmpegError(function: "avcodec_alloc_context3", code: mc_averror(ENOMEM)) }
        let c = codec
        if av_buffersink_get_type(sink) == AVMEDIA_TYPE_VIDEO {
            c.pointee.width = av_buffersink_get_w(sink)
            c.pointee.height = av_buffersink_get_h(sink)
            c.pointee.pix_fmt = AVPixelFormat(rawValue: av_buffersink_get_format(sink))
            c.pointee.sample_aspect_ratio = av_buffersink_get_sample_aspect_ratio(sink)
            c.pointee.time_base = av_buffersink_get_time_base(sink)
            let rate = av_buffersink_get_frame_rate(sink)
            if rate.num > 0, rate.den > 0 { c.pointee.framerate = rate }
        } else {
            c.pointee.sample_rate = av_buffersink_get_sample_rate(sink)
            c.pointee.sample_fmt = AVSampleFormat(rawValue: av_buffersink_get_format(sink))
            try check(av_buffersink_get_ch_layout(sink, &c.pointee.ch_layout), "av_buffersink_get_ch_layout")
            c.pointee.time_base = AVRational(num: 1, den: c.pointee.sample_rate)
        }
        c.pointee.flags |= Int32(AV_CODEC_FLAG_GLOBAL_HEADER)
        var dictionary: OpaquePointer? = nil
        defer { av_dict_free(&dictionary) }
        for (key, value) in settings.options.sorted(by: { $0.key < $1.key }) {
            try check(av_dict_set(&dictionary, key, value, 0), "av_dict_set")
        }
        try check(avcodec_open2(c, encoder, &dictionary), "avcodec_open2")
        if let unused = av_dict_get(dictionary, "", nil, AV_DICT_IGNORE_SUFFIX) {
            throw FFmpegError(function: "avcodec_open2", code: mc_averror(EINVAL),
                              message: "\(settings.encoder) has no option \(String(cString: unused.pointee.key))")
        }
    }

    deinit { avcodec_free_context(&codec) }

    var context: UnsafeMutablePointer<AVCodecContext> { codec! }
    var timeBase: AVRational { codec!.pointee.time_base }

    /// Samples per frame the encoder takes (0: any number).
    var frameSize: Int { Int(codec!.pointee.frame_size) }

    /// Encodes one frame (nil flushes at the end) and hands every packet that is ready to `emit`.
    func encode(_ frame: DecodedFrame?, emit: (Packet) throws(FFmpegError) -> Void) throws(FFmpegError) {
        if let frame { frame.frame.pointee.pict_type = AV_PICTURE_TYPE_NONE }
        let sent = avcodec_send_frame(codec, frame?.frame)
        if sent != mc_averror_eof() { try check(sent, "avcodec_send_frame") }
        while true {
            packet.release()
            let code = avcodec_receive_packet(codec, packet.pointer)
            if code == mc_averror(EAGAIN) || code == mc_averror_eof() { return }
            try check(code, "avcodec_receive_packet")
            try emit(packet)
        }
    }
}
