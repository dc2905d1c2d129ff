internal import CFFmpeg

extension TranscodePass {
    /// Sends one source packet where it goes: through its stream's decoder and encoders, and
    /// (timestamps moved so the file starts at zero, payload filtered) to every copy of it.
    func route(_ packet: Packet) throws(FFmpegError) {
        let source = packet.streamIndex
        let timeBase = input.timeBase(ofStream: source)
        let raw = packet.pointer
        if raw.pointee.dts != mc_nopts_value(), timeBase.den > 0 {
            reached = max(reached, Double(raw.pointee.dts) * Double(timeBase.num) / Double(timeBase.den) - input.startTime)
        }
        if let video, video.source == source { try decode(packet, chain: video) }
        if let audio, audio.source == source { try decode(packet, chain: audio) }
        guard let destinations = copies[source], !destinations.isEmpty else { return }
        if let filter = job.packetFilters[source], let replaced = packet.withBytes(filter) { try packet.shrink(to: replaced) }
        let offset = av_rescale_q(input.startTimeMicroseconds, mc_time_base_q(), AVRational(num: timeBase.num, den: timeBase.den))
        if raw.pointee.pts != mc_nopts_value() { raw.pointee.pts -= offset }
        if raw.pointee.dts != mc_nopts_value() { raw.pointee.dts -= offset }
        try write(packet, to: destinations, timeBase: AVRational(num: timeBase.num, den: timeBase.den))
    }

    /// Writes `packet` to each destination; the muxer takes a reference, so every destination
    /// but the last gets its own.
    func write(_ packet: Packet, to destinations: [Destination], timeBase: AVRational) throws(FFmpegError) {
        for (index, destination) in destinations.enumerated() {
            if index == destinations.count - 1 {
                try destination.output.write(packet, stream: destination.stream, timeBase: timeBase)
            } else {
                spare.release()
                try check(av_packet_ref(spare.pointer, packet.pointer), "av_packet_ref")
                try destination.output.write(spare, stream: destination.stream, timeBase: timeBase)
            }
        }
    }

    private func decode(_ packet: Packet, chain: Chain) throws(FFmpegError) {
        for frame in try chain.decoder.decode(packet) { try filter(frame, chain: chain) }
    }

    /// Gives a decoded frame a timestamp from the file's start and passes it through the graph.
    private func filter(_ frame: DecodedFrame, chain: Chain) throws(FFmpegError) {
        let raw = frame.frame
        var stamp = raw.pointee.best_effort_timestamp
        if stamp == mc_nopts_value() {
            stamp = chain.lastTimestamp == Int64.min ? chain.offset : chain.lastTimestamp + max(raw.pointee.pkt_duration, 1)
        }
        // A timestamp going backwards (a damaged stream) would stall the filters: nudge it on.
        if chain.lastTimestamp != Int64.min, stamp <= chain.lastTimestamp { stamp = chain.lastTimestamp + 1 }
        chain.lastTimestamp = stamp
        raw.pointee.pts = stamp - chain.offset
        try chain.graph.push(frame)
        try drain(chain)
    }

    /// Moves every frame the graph has ready into its encoder, and every packet out to the files.
    private func drain(_ chain: Chain) throws(FFmpegError) {
        for (index, encoder) in chain.encoders.enumerated() {
            let sinkBase = chain.graph.timeBase(ofSink: index)
            while let frame = try chain.graph.pull(index) {
                let raw = frame.frame
                if raw.pointee.pts != mc_nopts_value() { raw.pointee.pts = av_rescale_q(raw.pointee.pts, sinkBase, encoder.timeBase) }
                try encoder.encode(frame) { packet throws(FFmpegError) in
                    try write(packet, to: chain.destinations[index], timeBase: encoder.timeBase)
                }
            }
        }
    }

    /// At the end of the file: drains the decoder, closes the graph's input, flushes encoders.
    func finish(_ chain: Chain) throws(FFmpegError) {
        for frame in try chain.decoder.decode(nil) { try filter(frame, chain: chain) }
        try chain.graph.push(nil)
        try drain(chain)
        for (index, encoder) in chain.encoders.enumerated() {
            try encoder.encode(nil) { packet throws(FFmpegError) in
                try write(packet, to: chain.destinations[index], timeBase: encoder.timeBase)
            }
        }
    }
}
