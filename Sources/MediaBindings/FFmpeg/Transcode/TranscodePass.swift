internal import CFFmpeg
internal import Foundation

/// One transcode, set up: decoders, filter graphs, encoders and outputs with their headers
/// written, and where each packet goes.
final class TranscodePass {
    struct Destination {
        let output: OutputContext
        let stream: Int
    }

    /// One decoded stream: its decoder, its filter graph and the encoders after each sink.
    final class Chain {
        let source: Int
        let decoder: Decoder
        let graph: FilterGraph
        let encoders: [EncoderContext]
        let offset: Int64
        let timeBase: AVRational
        var destinations: [[Destination]]
        var lastTimestamp: Int64 = Int64.min

        init(source: Int, decoder: Decoder, graph: FilterGraph, encoders: [EncoderContext], offset: Int64, timeBase: AVRational) {
            self.source = source
            self.decoder = decoder
            self.graph = graph
            self.encoders = encoders
            self.offset = offset
            self.timeBase = timeBase
            destinations = Array(repeating: [], count: encoders.count)
        }
    }

    let job: TranscodeJob
    let input: FormatContext
    var video: Chain?
    var audio: Chain?
    var outputs: [OutputContext] = []
    var copies: [Int: [Destination]] = [:]
    let packet: Packet
    let spare: Packet
    /// Seconds of the source read so far.
    var reached: Double = 0

    init(job: TranscodeJob, input: FormatContext, shapes: [Int: FrameShape]) throws(FFmpegError) {
        self.job = job
        self.input = input
        packet = try Packet()
        spare = try Packet()
        video = try job.video.map { encoding throws(FFmpegError) in try Self.chain(encoding, input: input, shape: shapes[encoding.source]) }
        audio = try job.audio.map { encoding throws(FFmpegError) in try Self.chain(encoding, input: input, shape: shapes[encoding.source]) }
        for spec in job.outputs { try open(spec) }
        var used = Set(copies.keys)
        if let video { used.insert(video.source) }
        if let audio { used.insert(audio.source) }
        input.keepOnly(used)
    }

    private static func chain(_ encoding: TranscodeJob.Encoding, input: FormatContext, shape: FrameShape?) throws(FFmpegError) -> Chain {
        guard let shape else { throw FFmpegError(function: "decode", code: mc_averror(EINVAL), message: "no frame to set up from") }
        let stream = input.stream(encoding.source)
        let timeBase = stream.pointee.time_base
        let decoder = try Decoder(container: input, streamIndex: encoding.source, threads: shape.isVideo ? 0 : 1)
        let rate = stream.pointee.avg_frame_rate.num > 0 ? stream.pointee.avg_frame_rate : stream.pointee.r_frame_rate
        let graph = try FilterGraph(description: encoding.filter, shape: shape, timeBase: timeBase, frameRate: rate,
                                    outputs: encoding.encoders.count)
        var encoders: [EncoderContext] = []
        for (index, settings) in encoding.encoders.enumerated() {
            let encoder = try EncoderContext(settings, sink: graph.sinks[index])
            graph.setFrameSize(encoder.frameSize, sink: index)
            encoders.append(encoder)
        }
        let offset = av_rescale_q(input.startTimeMicroseconds, mc_time_base_q(), timeBase)
        return Chain(source: encoding.source, decoder: decoder, graph: graph, encoders: encoders, offset: offset, timeBase: timeBase)
    }

    /// Creates one output file, adds its streams in the job's order and writes its header.
    private func open(_ spec: TranscodeJob.Output) throws(FFmpegError) {
        let output = try OutputContext(path: spec.path, format: spec.format)
        outputs.append(output)
        for track in spec.tracks {
            switch track {
            case .copy(let source, let keepRotation):
                let index = try output.addStream(copying: input.stream(source), keepRotation: keepRotation)
                copies[source, default: []].append(Destination(output: output, stream: index))
            case .encodedVideo(let rung):
                guard let video, video.encoders.indices.contains(rung) else { throw Self.missing("video encoder \(rung)") }
                video.destinations[rung].append(Destination(output: output, stream: try output.addStream(encodedBy: video.encoders[rung])))
            case .encodedAudio:
                guard let audio, let encoder = audio.encoders.first else { throw Self.missing("audio encoder") }
                audio.destinations[0].append(Destination(output: output, stream: try output.addStream(encodedBy: encoder)))
            }
        }
        try output.writeHeader(options: spec.muxerOptions)
    }

    private static func missing(_ what: String) -> FFmpegError {
        FFmpegError(function: "transcode", code: mc_averror(EINVAL), message: "the job names a \(what) it does not define")
    }

    func run(progress: (Double) -> Void, shouldStop: () -> Bool) throws(FFmpegError) {
        var reported = 0.0
        while try input.read(into: packet) {
            if shouldStop() { throw FFmpegError(function: "transcode", code: mc_averror_exit(), message: "stopped") }
            try route(packet)
            if reached - reported >= 0.5 {
                reported = reached
                progress(reached)
            }
        }
        for chain in [video, audio].compactMap({ $0 }) { try finish(chain) }
        for output in outputs { try output.finish() }
        progress(reached)
    }

    func result() -> TranscodeResult {
        let outputs = zip(job.outputs, self.outputs).map { spec, output in
            TranscodeResult.Output(path: spec.path, bytes: Self.fileSize(spec.path),
                                   streams: (0..<spec.tracks.count).map { output.streamFacts($0) })
        }
        let rejected = (video?.decoder.rejectedPackets ?? 0) + (audio?.decoder.rejectedPackets ?? 0)
        return TranscodeResult(outputs: outputs, duration: reached, rejectedPackets: rejected)
    }

    private static func fileSize(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}
