internal import CFFmpeg

/// A file being written by a libavformat muxer: owns the output `AVFormatContext` from
/// `avformat_alloc_output_context2` (freed by `avformat_free_context`) and the `AVIOContext`
/// from `avio_open` (closed by `avio_closep`). Nothing of the source's metadata is carried
/// over: streams get parameters only, and the muxer runs bit-exact, so it writes no encoder
/// name or date of its own.
final class OutputContext {
    private var context: UnsafeMutablePointer<AVFormatContext>?
    let path: String
    private let format: String
    private var finished = false

    init(path: String, format: String) throws(FFmpegError) {
        self.path = path
        self.format = format
        var allocated: UnsafeMutablePointer<AVFormatContext>?
        try check(avformat_alloc_output_context2(&allocated, nil, format, "file:" + path), "avformat_alloc_output_context2")
        guard let allocated else { throw FFmpegError(function: "avformat_alloc_output_context2", code: mc_averror(ENOMEM)) }
        context = allocated
        allocated.pointee.flags |= AVFMT_FLAG_BITEXACT
        try check(avio_open(&allocated.pointee.pb, "file:" + path, AVIO_FLAG_WRITE), "avio_open")
    }

    deinit {
        if let context {
            avio_closep(&context.pointee.pb)
            avformat_free_context(context)
        }
    }

    private var pointer: UnsafeMutablePointer<AVFormatContext> { context! }

    /// True when the muxer can store `codec` (by libavcodec's id) at normal compliance.
    static func accepts(format: String, codecID: AVCodecID) -> Bool {
        guard let muxer = av_guess_format(format, nil, nil) else { return false }
        return avformat_query_codec(muxer, codecID, FF_COMPLIANCE_NORMAL) == 1
    }

    /// Adds a stream that copies `source`'s packets: its codec parameters only (no tags, no
    /// disposition), plus the display matrix when `keepRotation` (a remux keeps the rotation).
    func addStream(copying source: UnsafeMutablePointer<AVStream>, keepRotation: Bool) throws(FFmpegError) -> Int {
        guard let stream = avformat_new_stream(pointer, nil) else { throw FFmpegError(function: "avformat_new_stream", code: mc_averror(ENOMEM)) }
        try check(avcodec_parameters_copy(stream.pointee.codecpar, source.pointee.codecpar), "avcodec_parameters_copy")
        // A codec tag of one container means nothing in another; the muxer picks its own. But
        // Safari plays HEVC in MP4 only as 'hvc1' (the muxer's default is 'hev1'): kept.
        let tag = source.pointee.codecpar.pointee.codec_tag
        let hvc1 = UInt32(0x68) | UInt32(0x76) << 8 | UInt32(0x63) << 16 | UInt32(0x31) << 24
        let keepsTag = ["mp4", "mov"].contains(format) && source.pointee.codecpar.pointee.codec_id == AV_CODEC_ID_HEVC && tag == hvc1
        stream.pointee.codecpar.pointee.codec_tag = keepsTag ? tag : 0
        stream.pointee.time_base = source.pointee.time_base
        stream.pointee.sample_aspect_ratio = source.pointee.codecpar.pointee.sample_aspect_ratio
        stream.pointee.avg_frame_rate = source.pointee.avg_frame_rate
        if keepRotation { try copyDisplayMatrix(from: source, to: stream) }
        return Int(stream.pointee.index)
    }

    /// Adds a stream for an opened encoder's packets.
    func addStream(encodedBy encoder: EncoderContext) throws(FFmpegError) -> Int {
        guard let stream = avformat_new_stream(pointer, nil) else { throw FFmpegError(function: "avformat_new_stream", code: mc_averror(ENOMEM)) }
        try check(avcodec_parameters_from_context(stream.pointee.codecpar, encoder.context), "avcodec_parameters_from_context")
        stream.pointee.time_base = encoder.timeBase
        stream.pointee.sample_aspect_ratio = encoder.context.pointee.sample_aspect_ratio
        stream.pointee.avg_frame_rate = encoder.context.pointee.framerate
        return Int(stream.pointee.index)
    }

    /// The one place that copies stream side data; FFmpeg 6.1+ moves it to `codecpar->coded_side_data`.
    private func copyDisplayMatrix(from source: UnsafeMutablePointer<AVStream>, to stream: UnsafeMutablePointer<AVStream>) throws(FFmpegError) {
        var size: Int = 0
        guard let matrix = av_stream_get_side_data(source, AV_PKT_DATA_DISPLAYMATRIX, &size), size >= 36 else { return }
        guard let copy = av_stream_new_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, size) else {
            throw FFmpegError(function: "av_stream_new_side_data", code: mc_averror(ENOMEM))
        }
        copy.update(from: matrix, count: size)
    }

    /// Writes the header with the muxer's options ("movflags": "+faststart").
    func writeHeader(options: [String: String]) throws(FFmpegError) {
        var dictionary: OpaquePointer? = nil
        defer { av_dict_free(&dictionary) }
        for (key, value) in options { try check(av_dict_set(&dictionary, key, value, 0), "av_dict_set") }
        try check(avformat_write_header(pointer, &dictionary), "avformat_write_header")
    }

    /// The time base the muxer chose for stream `index` (known once the header is written).
    func timeBase(ofStream index: Int) -> AVRational { pointer.pointee.streams[index]!.pointee.time_base }

    /// Writes `packet` (timestamps in `timeBase`) to stream `index`. The muxer takes the
    /// payload's reference, leaving `packet` empty.
    func write(_ packet: Packet, stream index: Int, timeBase: AVRational) throws(FFmpegError) {
        packet.pointer.pointee.stream_index = Int32(index)
        packet.pointer.pointee.pos = -1
        av_packet_rescale_ts(packet.pointer, timeBase, self.timeBase(ofStream: index))
        try check(av_interleaved_write_frame(pointer, packet.pointer), "av_interleaved_write_frame")
    }

    /// Writes the trailer (for MP4 with fast start: the index, moved before the media data)
    /// and closes the file.
    func finish() throws(FFmpegError) {
        guard !finished else { return }
        finished = true
        try check(av_write_trailer(pointer), "av_write_trailer")
        try check(avio_closep(&pointer.pointee.pb), "avio_closep")
    }

    /// Codec facts of the finished file's stream `index`, for describing it.
    func streamFacts(_ index: Int) -> StreamParameters { StreamParameters(stream: pointer.pointee.streams[index]!) }
}
