internal import CFFmpeg

extension FormatContext {
    /// How far the media data really reaches.
    public struct Extent: Sendable, Equatable {
        /// End of the furthest packet read, in seconds from the start of the timeline; nil when
        /// no packet could be read at all.
        public var reached: Double?
        /// False when the packet budget ran out before the end of the file: no verdict.
        public var readToEnd: Bool
        /// FFmpeg's reason when demuxing stopped at damaged data.
        public var stoppedBy: String?
    }

    /// Seeks to `lookback` seconds before the declared end and demuxes (without decoding) to the
    /// end of the file. A truncated or damaged file stops well short of its declared duration.
    /// When the container cannot seek there, it demuxes on from where it is.
    public func extent(declaredDuration: Double, lookback: Double = 1.5, maxPackets: Int = 5000) throws(FFmpegError) -> Extent {
        let context = rawContext
        FFmpegLog.clear()
        let target = (startTime + declaredDuration - lookback) * Double(AV_TIME_BASE)
        guard target.isFinite, target < 9e18 else { return Extent(reached: nil, readToEnd: false) }
        // A container that cannot seek there is demuxed on from where it is: no error.
        _ = av_seek_frame(context, -1, Int64(max(0, target)), AVSEEK_FLAG_BACKWARD)
        var packet = av_packet_alloc()
        guard let current = packet else { throw FFmpegError(function: "av_packet_alloc", code: mc_averror(ENOMEM)) }
        defer { av_packet_free(&packet) }
        var furthest: Double?
        var extent = Extent(reached: nil, readToEnd: false)
        for _ in 0..<maxPackets {
            let code = av_read_frame(context, current)
            if code == mc_averror_eof() {
                extent.readToEnd = true
                break
            }
            if code < 0 {
                let error = FFmpegError(function: "av_read_frame", code: code)
                if error.isTimeout { throw error }
                extent.readToEnd = true  // damaged data ends the usable media here
                extent.stoppedBy = error.explanation
                break
            }
            let stream = context.pointee.streams[Int(current.pointee.stream_index)]!.pointee
            let timestamp = current.pointee.pts != mc_nopts_value() ? current.pointee.pts : current.pointee.dts
            if timestamp != mc_nopts_value(), stream.time_base.den != 0 {
                // In Double: timestamps and durations come from the file and may be near Int64.max.
                let ticks = Double(timestamp) + Double(max(current.pointee.duration, 0))
                let end = ticks * Double(stream.time_base.num) / Double(stream.time_base.den)
                if end.isFinite { furthest = max(furthest ?? end, end) }
            }
            av_packet_unref(current)
        }
        extent.reached = furthest.map { $0 - startTime }
        return extent
    }
}
