internal import CFFmpeg
internal import Foundation

/// How loud a sound track is, by EBU R128 (ITU-R BS.1770): what a normaliser needs to know.
public struct Loudness: Sendable, Equatable {
    /// Integrated loudness over the whole track, LUFS; nil for silence.
    public var integrated: Double?
    /// The highest true peak of any channel, dBTP; nil for silence.
    public var truePeak: Double?

    public init(integrated: Double?, truePeak: Double?) {
        self.integrated = integrated
        self.truePeak = truePeak
    }
}

/// Measures a sound track with libavfilter's `ebur128` scanner, decoding it once.
public enum LoudnessMeter {
    /// - Parameters:
    ///   - stream: the audio stream's index.
    ///   - filter: filters to apply before measuring (the same conversion the encoder will
    ///     get, e.g. "aresample=48000,aformat=channel_layouts=stereo"), or "" for none.
    public static func measure(url: String, stream: Int, filter: String, timeLimit: Double,
                               containerOptions: [String: String]) throws(FFmpegError) -> Loudness {
        let input = try FormatContext(url: url, timeLimit: timeLimit, options: containerOptions)
        input.keepOnly([stream])
        let decoder = try Decoder(container: input, streamIndex: stream)
        let packet = try Packet()
        var graph: FilterGraph?
        var measured = Measured()
        var samples: Int64 = 0
        let chain = (filter.isEmpty ? "" : filter + ",") + "ebur128=peak=true:metadata=1"
        func feed(_ frames: [DecodedFrame]) throws(FFmpegError) {
            for frame in frames {
                if graph == nil {
                    graph = try FilterGraph(description: "[in]\(chain)[out0]", shape: FrameShape(frame),
                                            timeBase: AVRational(num: 1, den: max(frame.frame.pointee.sample_rate, 1)), outputs: 1)
                }
                frame.frame.pointee.pts = samples
                samples += Int64(frame.frame.pointee.nb_samples)
                try graph!.push(frame)
                while let out = try graph!.pull(0) { measured.read(out) }
            }
        }
        while try input.read(into: packet) { try feed(try decoder.decode(packet)) }
        try feed(try decoder.decode(nil))
        if let graph {
            try graph.push(nil)
            while let out = try graph.pull(0) { measured.read(out) }
        }
        return measured.loudness
    }

    /// The scanner's running figures, as it attaches them to the frames it passes on.
    private struct Measured {
        var integrated: Double?
        var peak: Double?

        mutating func read(_ frame: DecodedFrame) {
            if let value = frame.metadata("lavfi.r128.I").flatMap(Double.init), value.isFinite { integrated = value }
            // The running maximum over all channels, as a linear amplitude (1 = full scale).
            if let value = frame.metadata("lavfi.r128.true_peak").flatMap(Double.init), value.isFinite, value > 0 {
                peak = max(peak ?? -.infinity, 20 * log10(value))
            }
        }

        /// Silence measures -70 LUFS (the absolute gate) or less: reported as none.
        var loudness: Loudness {
            guard let integrated, integrated > -70 else { return Loudness(integrated: nil, truePeak: nil) }
            return Loudness(integrated: integrated, truePeak: peak)
        }
    }
}
