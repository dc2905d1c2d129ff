internal import CFFmpeg

/// Runs a `TranscodeJob` over one source file: one pass that reads every packet once, copies
/// some, decodes the streams that are encoded (once each), filters, encodes and muxes into
/// every output. Outputs are written where the job says; the caller owns those paths (and
/// removes them when this throws: nothing here deletes files).
public final class Transcoder {
    private let url: String
    private let timeLimit: Double
    private let containerOptions: [String: String]
    private let analyzeStreams: Bool

    /// - Parameters:
    ///   - url: "file:" + path.
    ///   - timeLimit: seconds the whole transcode may take, both passes together.
    ///   - analyzeStreams: read the first packets for stream parameters the header does not
    ///     state (MPEG-TS and other containers without a full header).
    public init(url: String, timeLimit: Double, containerOptions: [String: String], analyzeStreams: Bool = false) {
        self.url = url
        self.timeLimit = timeLimit
        self.containerOptions = containerOptions
        self.analyzeStreams = analyzeStreams
    }

    private func open(timeLimit: Double) throws(FFmpegError) -> FormatContext {
        let context = try FormatContext(url: url, timeLimit: timeLimit, options: containerOptions)
        if analyzeStreams { try context.findStreamInfo(decodingPictures: true) }
        return context
    }

    /// - Parameters:
    ///   - progress: called with the seconds of source done, about every half second of media.
    ///   - shouldStop: asked before each packet; true gives up at once (the job was cancelled).
    public func run(_ job: TranscodeJob, progress: (Double) -> Void = { _ in },
                    shouldStop: () -> Bool = { false }) throws(FFmpegError) -> TranscodeResult {
        let started = av_gettime_relative()
        let shapes = try firstFrameShapes(job)
        let remaining = timeLimit - Double(av_gettime_relative() - started) / 1e6
        let input = try open(timeLimit: remaining)
        let pass = try TranscodePass(job: job, input: input, shapes: shapes)
        try pass.run(progress: progress, shouldStop: shouldStop)
        return pass.result()
    }

    /// The look of the first decoded frame of each stream the job encodes, which the filter
    /// graphs and encoders are set up from before the real pass begins (and before any output
    /// header is written). Decodes a few packets of a separately opened copy of the file.
    private func firstFrameShapes(_ job: TranscodeJob) throws(FFmpegError) -> [Int: FrameShape] {
        let sources = [job.video?.source, job.audio?.source].compactMap { $0 }
        guard !sources.isEmpty else { return [:] }
        let input = try open(timeLimit: timeLimit)
        input.keepOnly(Set(sources))
        var decoders: [Int: Decoder] = [:]
        for source in sources { decoders[source] = try Decoder(container: input, streamIndex: source) }
        var shapes: [Int: FrameShape] = [:]
        let packet = try Packet()
        while shapes.count < sources.count, try input.read(into: packet) {
            guard let decoder = decoders[packet.streamIndex], shapes[packet.streamIndex] == nil else { continue }
            if let frame = try decoder.decode(packet).first { shapes[packet.streamIndex] = FrameShape(frame) }
        }
        for source in sources where shapes[source] == nil {
            if let frame = try decoders[source]!.decode(nil).first { shapes[source] = FrameShape(frame); continue }
            throw FFmpegError(function: "decode", code: mc_averror(EINVAL),
                              message: "stream \(source) holds no frame that can be decoded")
        }
        return shapes
    }
}
