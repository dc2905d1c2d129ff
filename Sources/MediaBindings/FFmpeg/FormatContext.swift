internal import CFFmpeg

/// An opened container: owns the `AVFormatContext` that `avformat_open_input` allocates and
/// `avformat_close_input` frees. Reads headers only; every blocking call is bounded by a deadline
/// through libavformat's interrupt callback.
public final class FormatContext {
    private var context: UnsafeMutablePointer<AVFormatContext>?
    /// The deadline in `av_gettime_relative` microseconds, read by the interrupt callback.
    /// Allocated here, freed in `deinit` after the context that points to it.
    private let deadline: UnsafeMutablePointer<Int64>

    /// Opens `url` and reads the container header.
    /// - Parameters:
    ///   - url: a libavformat URL; pass "file:" + path so no file name is read as a protocol.
    ///   - timeLimit: seconds this context may spend in libavformat, from now, over all calls.
    ///   - probeSize: bytes libavformat may read to detect the format and streams.
    ///   - options: AVFormatContext options such as `protocol_whitelist` or `err_detect`.
    public init(url: String, timeLimit: Double, probeSize: Int64 = 5_000_000,
                options: [String: String] = [:]) throws(FFmpegError) {
        try FFmpegLibrary.load()
        deadline = .allocate(capacity: 1)
        // Clamped to a day: the caller's number must not overflow the clock arithmetic.
        let limit = timeLimit.isFinite ? min(max(timeLimit, -1), 86_400) : 86_400
        deadline.initialize(to: av_gettime_relative() + Int64(limit * 1_000_000))
        // From here on every stored property is set, so a throw runs deinit, which frees the
        // deadline (and the context, which stays nil until avformat_open_input succeeds).
        FFmpegLog.install()
        FFmpegLog.clear()
        guard let allocated = avformat_alloc_context() else {
            throw FFmpegError(function: "avformat_alloc_context", code: mc_averror(ENOMEM))
        }
        allocated.pointee.interrupt_callback = AVIOInterruptCB(
            callback: { opaque in
                guard let opaque else { return 0 }
                return av_gettime_relative() > opaque.assumingMemoryBound(to: Int64.self).pointee ? 1 : 0
            },
            opaque: UnsafeMutableRawPointer(deadline))
        allocated.pointee.probesize = probeSize
        var context: UnsafeMutablePointer<AVFormatContext>? = allocated
        var dictionary: OpaquePointer? = nil
        defer { av_dict_free(&dictionary) }
        for (key, value) in options {
            guard av_dict_set(&dictionary, key, value, 0) >= 0 else {
                throw FFmpegError(function: "av_dict_set", code: mc_averror(ENOMEM), message: "out of memory")
            }
        }
        // On failure avformat_open_input frees the context and sets it to NULL.
        let code = avformat_open_input(&context, url, nil, &dictionary)
        if code < 0 { throw FFmpegError(function: "avformat_open_input", code: code) }
        self.context = context
    }

    deinit {
        avformat_close_input(&context)
        deadline.deallocate()
    }

    private var pointer: UnsafeMutablePointer<AVFormatContext> {
        guard let context else { preconditionFailure("FormatContext used after close") }
        return context
    }

    /// Fills in stream parameters the header left out, without decoding pictures: video decoders
    /// run with `skip_frame=all`, and `completeFromParsers` reads what is still missing from the
    /// bitstream headers. `decodingPictures` lets libavformat decode a few pictures instead, so
    /// that the streams' own parameters (which a muxer copying them needs) are complete.
    public func findStreamInfo(decodingPictures: Bool = false) throws(FFmpegError) {
        FFmpegLog.clear()
        let count = Int(pointer.pointee.nb_streams)
        let options = UnsafeMutablePointer<OpaquePointer?>.allocate(capacity: max(count, 1))
        options.initialize(repeating: nil, count: max(count, 1))
        defer {
            for i in 0..<max(count, 1) { av_dict_free(&options[i]) }
            options.deallocate()
        }
        for i in 0..<count where !decodingPictures
            && pointer.pointee.streams[i]!.pointee.codecpar.pointee.codec_type == AVMEDIA_TYPE_VIDEO {
            try check(av_dict_set(&options[i], "skip_frame", "all", 0), "av_dict_set")
        }
        try check(avformat_find_stream_info(pointer, options), "avformat_find_stream_info")
    }

    /// The demuxer's short name, such as "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm".
    public var formatName: String { String(cString: pointer.pointee.iformat.pointee.name) }

    /// Container duration in seconds, when known.
    public var duration: Double? {
        let value = pointer.pointee.duration
        guard value != mc_nopts_value(), value >= 0 else { return nil }
        return Double(value) / Double(AV_TIME_BASE)
    }

    /// Where the first timestamp lies, in seconds (MPEG-TS streams rarely start at 0).
    public var startTime: Double {
        let value = pointer.pointee.start_time
        return value == mc_nopts_value() ? 0 : Double(value) / Double(AV_TIME_BASE)
    }

    /// Overall bit rate in bits per second; 0 when unknown.
    public var bitRate: Int64 { pointer.pointee.bit_rate }

    /// Container-level metadata tags in stored order (keys as libavformat names them).
    public var metadata: [(key: String, value: String)] { dictionaryEntries(pointer.pointee.metadata) }

    public var streams: [StreamParameters] {
        (0..<Int(pointer.pointee.nb_streams)).map { StreamParameters(stream: pointer.pointee.streams[$0]!) }
    }

    /// Throws the timeout error once the deadline has passed; for loops that decode, which
    /// libavformat's interrupt callback does not see.
    func checkDeadline() throws(FFmpegError) {
        if av_gettime_relative() > deadline.pointee {
            throw FFmpegError(function: "decode", code: mc_averror_exit(), message: "time limit reached")
        }
    }

    /// Raw access for the decoder and parsers, in this module only.
    var rawContext: UnsafeMutablePointer<AVFormatContext> { pointer }
}
