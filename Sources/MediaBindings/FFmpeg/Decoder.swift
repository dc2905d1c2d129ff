internal import CFFmpeg

/// A decoder for one stream of an opened container: owns the `AVCodecContext` from
/// `avcodec_alloc_context3` (freed by `avcodec_free_context`) and a reusable `AVPacket`
/// (`av_packet_alloc` / `av_packet_free`). Keeps its `FormatContext` alive.
public final class Decoder {
    private let container: FormatContext
    private var codec: UnsafeMutablePointer<AVCodecContext>?
    private var packet: UnsafeMutablePointer<AVPacket>?
    public let streamIndex: Int
    private let timeBase: AVRational
    /// Pixels decoded so far (frames × width × height): what forward decoding has cost.
    public private(set) var decodedPixels: Double = 0

    /// - Parameters:
    ///   - fast: skip the in-loop deblocking filter; for small tiles where it cannot be seen.
    ///   - threads: decoding threads; 1 when files are decoded in parallel instead, 0 for one
    ///     per core (a transcode, where the decoder must keep pace with the encoder).
    public init(container: FormatContext, streamIndex: Int, fast: Bool = false, threads: Int = 1) throws(FFmpegError) {
        self.container = container
        self.streamIndex = streamIndex
        let stream = container.rawContext.pointee.streams[streamIndex]!
        timeBase = stream.pointee.time_base
        FFmpegLog.clear()
        guard let decoder = avcodec_find_decoder(stream.pointee.codecpar.pointee.codec_id) else {
            throw FFmpegError(function: "avcodec_find_decoder", code: mc_averror(ENOSYS), message: "no decoder for this codec")
        }
        codec = avcodec_alloc_context3(decoder)
        packet = av_packet_alloc()
        guard let codec, packet != nil else { throw FFmpegError(function: "avcodec_alloc_context3", code: mc_averror(ENOMEM)) }
        try check(avcodec_parameters_to_context(codec, stream.pointee.codecpar), "avcodec_parameters_to_context")
        codec.pointee.pkt_timebase = stream.pointee.time_base
        codec.pointee.thread_count = Int32(clamping: threads)
        if fast { codec.pointee.skip_loop_filter = AVDISCARD_ALL }
        try check(avcodec_open2(codec, decoder, nil), "avcodec_open2")
    }

    /// Another decoder for the same stream (sharing the container's read position).
    public func sibling(fast: Bool) throws(FFmpegError) -> Decoder {
        try Decoder(container: container, streamIndex: streamIndex, fast: fast)
    }

    deinit {
        avcodec_free_context(&codec)
        av_packet_free(&packet)
    }

    /// Average frames per second of the stream (30 when it does not say).
    public var frameRate: Double {
        let rate = container.rawContext.pointee.streams[streamIndex]!.pointee.avg_frame_rate
        return rate.den > 0 && rate.num > 0 ? Double(rate.num) / Double(rate.den) : 30
    }

    /// Seconds of a timestamp in this stream's time base.
    func seconds(_ timestamp: Int64) -> Double? {
        guard timestamp != mc_nopts_value(), timeBase.den != 0 else { return nil }
        return Double(timestamp) * Double(timeBase.num) / Double(timeBase.den)
    }

    /// The keyframe at or before `seconds` (the first frame when `seconds` is 0): one seek and
    /// one decoded picture, the cheap way to sample a clip.
    public func keyframe(near seconds: Double) throws(FFmpegError) -> DecodedFrame? {
        try seek(to: seconds)
        while let packet = try nextPacket() {
            try check(avcodec_send_packet(codec, packet), "avcodec_send_packet")
            av_packet_unref(packet)
            // Drain at once: a decoder holding frames back for reordering gives this one now.
            _ = avcodec_send_packet(codec, nil)
            let frame = try receiveFrame()
            avcodec_flush_buffers(codec)
            if let frame { return frame }
        }
        return nil
    }

    /// The time and compressed size of the keyframe at or before `seconds`, without decoding it.
    /// Black, white and flat pictures compress to a fraction of a detailed one's size.
    public func keyframePacket(near seconds: Double) throws(FFmpegError) -> (time: Double, bytes: Int)? {
        try seek(to: seconds)
        guard let packet = try nextPacket() else { return nil }
        defer { av_packet_unref(packet) }
        let stamp = packet.pointee.pts != mc_nopts_value() ? packet.pointee.pts : packet.pointee.dts
        return self.seconds(stamp).map { ($0, Int(packet.pointee.size)) }
    }

    /// The frame shown at `seconds`: seeks to the keyframe before it and decodes forward.
    public func frame(at seconds: Double) throws(FFmpegError) -> DecodedFrame? {
        try seek(to: seconds)
        var last: DecodedFrame?
        var draining = false
        while true {
            if !draining {
                if let packet = try nextPacket() {
                    let sent = avcodec_send_packet(codec, packet)
                    av_packet_unref(packet)
                    if sent < 0, sent != mc_averror(EAGAIN) { try check(sent, "avcodec_send_packet") }
                } else {
                    _ = avcodec_send_packet(codec, nil)
                    draining = true
                }
            }
            while let frame = try receiveFrame() {
                // Within half a frame of the target counts as the target.
                if let time = frame.time, time + 0.5 / max(frame.frameRateHint, 1) >= seconds {
                    avcodec_flush_buffers(codec)
                    return frame
                }
                last = frame
            }
            if draining {
                avcodec_flush_buffers(codec)
                return last  // the target lies past the last frame: the last one it is
            }
        }
    }

    private func seek(to seconds: Double) throws(FFmpegError) {
        let target = timeBase.num > 0 ? seconds * Double(timeBase.den) / Double(timeBase.num) : 0
        let timestamp = target.isFinite ? Int64(max(0, min(target, 9e18))) : 0
        // From the start of an unseekable file, rather than failing.
        if av_seek_frame(container.rawContext, Int32(streamIndex), timestamp, AVSEEK_FLAG_BACKWARD) < 0 {
            _ = av_seek_frame(container.rawContext, -1, 0, AVSEEK_FLAG_BACKWARD | AVSEEK_FLAG_BYTE)
        }
        avcodec_flush_buffers(codec)
    }

    /// The next packet of this stream, or nil at the end of the file.
    private func nextPacket() throws(FFmpegError) -> UnsafeMutablePointer<AVPacket>? {
        guard let packet else { return nil }
        while true {
            try container.checkDeadline()
            let code = av_read_frame(container.rawContext, packet)
            if code == mc_averror_eof() { return nil }
            try check(code, "av_read_frame")
            if Int(packet.pointee.stream_index) == streamIndex { return packet }
            av_packet_unref(packet)
        }
    }

    /// Decodes one packet of this stream (nil drains the decoder at the end) and returns the
    /// frames that are ready. A packet the decoder rejects as damaged returns no frames and
    /// counts in `rejectedPackets`; the caller decides how many it tolerates.
    public func decode(_ packet: Packet?) throws(FFmpegError) -> [DecodedFrame] {
        let sent = avcodec_send_packet(codec, packet?.pointer)
        if sent < 0, sent != mc_averror(EAGAIN), sent != mc_averror_eof() {
            if sent == mc_averror(ENOMEM) { try check(sent, "avcodec_send_packet") }
            rejectedPackets += 1
            return []
        }
        var frames: [DecodedFrame] = []
        while true {
            do {
                guard let frame = try receiveFrame() else { break }
                frames.append(frame)
            } catch {
                if error.code == mc_averror(ENOMEM) { throw error }
                rejectedPackets += 1
                break
            }
        }
        return frames
    }

    /// Packets or frames the decoder refused as damaged, over this decoder's life.
    public private(set) var rejectedPackets = 0

    /// What the decoder was opened with, for the filters that take its pictures.
    var context: UnsafeMutablePointer<AVCodecContext> { codec! }

    private func receiveFrame() throws(FFmpegError) -> DecodedFrame? {
        let frame = try DecodedFrame()
        let code = avcodec_receive_frame(codec, frame.frame)
        if code == mc_averror(EAGAIN) || code == mc_averror_eof() { return nil }
        try check(code, "avcodec_receive_frame")
        frame.time = seconds(frame.frame.pointee.best_effort_timestamp)
        decodedPixels += Double(frame.width) * Double(frame.height)
        frame.frameRateHint = frameRate
        return frame
    }
}
