internal import CFFmpeg

extension FormatContext {
    /// Reads the next packet of any stream not discarded into `packet`; false at the end of the
    /// file. Bounded by the context's deadline like every other call.
    public func read(into packet: Packet) throws(FFmpegError) -> Bool {
        packet.release()
        try checkDeadline()
        let code = av_read_frame(rawContext, packet.pointer)
        if code == mc_averror_eof() { return false }
        try check(code, "av_read_frame")
        return true
    }

    /// Tells the demuxer to skip every stream but `kept`: their packets are never returned
    /// (and, for most containers, never read).
    public func keepOnly(_ kept: Set<Int>) {
        for index in 0..<Int(rawContext.pointee.nb_streams) {
            rawContext.pointee.streams[index]!.pointee.discard = kept.contains(index) ? AVDISCARD_DEFAULT : AVDISCARD_ALL
        }
    }

    /// The stream's time base: the unit of its packets' timestamps.
    public func timeBase(ofStream index: Int) -> Rational { Rational(rawContext.pointee.streams[index]!.pointee.time_base) }

    /// Where the first timestamp of the file lies, in microseconds (0 when unknown).
    var startTimeMicroseconds: Int64 {
        let value = rawContext.pointee.start_time
        return value == mc_nopts_value() ? 0 : value
    }

    func stream(_ index: Int) -> UnsafeMutablePointer<AVStream> { rawContext.pointee.streams[index]! }
}
