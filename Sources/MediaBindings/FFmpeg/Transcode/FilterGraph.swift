internal import CFFmpeg

/// A libavfilter graph with one source and `outputs` sinks: owns the `AVFilterGraph` from
/// `avfilter_graph_alloc` (freed, with every filter in it, by `avfilter_graph_free`).
/// The description names its open pads `[in]` and `[out0]`, `[out1]`...
final class FilterGraph {
    private var graph: UnsafeMutablePointer<AVFilterGraph>?
    private let source: UnsafeMutablePointer<AVFilterContext>
    let sinks: [UnsafeMutablePointer<AVFilterContext>]

    /// - Parameters:
    ///   - description: the filter chain, such as "[in]scale=1280:720,format=yuv420p[out0]".
    ///   - shape: what the frames that go in look like (from the stream's first decoded frame).
    ///   - timeBase: the unit of the incoming frames' timestamps.
    ///   - frameRate: the video's average frame rate (0/1 when unknown or for sound).
    init(description: String, shape: FrameShape, timeBase: AVRational, frameRate: AVRational = AVRational(num: 0, den: 1),
         outputs: Int) throws(FFmpegError) {
        guard let graph = avfilter_graph_alloc() else { throw FFmpegError(function: "avfilter_graph_alloc", code: mc_averror(ENOMEM)) }
        self.graph = graph
        let isVideo = shape.isVideo
        let arguments = shape.sourceArguments(timeBase: timeBase, frameRate: frameRate)
        var created: UnsafeMutablePointer<AVFilterContext>?
        try check(avfilter_graph_create_filter(&created, avfilter_get_by_name(isVideo ? "buffer" : "abuffer"), "in",
                                               arguments, nil, graph), "avfilter_graph_create_filter")
        source = created!
        var sinks: [UnsafeMutablePointer<AVFilterContext>] = []
        for index in 0..<outputs {
            var sink: UnsafeMutablePointer<AVFilterContext>?
            try check(avfilter_graph_create_filter(&sink, avfilter_get_by_name(isVideo ? "buffersink" : "abuffersink"),
                                                   "out\(index)", nil, nil, graph), "avfilter_graph_create_filter")
            sinks.append(sink!)
        }
        self.sinks = sinks
        try link(description)
        try check(avfilter_graph_config(graph, nil), "avfilter_graph_config")
    }

    deinit { avfilter_graph_free(&graph) }

    /// Parses the chain and joins its open pads to the source and sinks by their labels.
    private func link(_ description: String) throws(FFmpegError) {
        // Both lists are allocated by avfilter_graph_parse2 and freed by avfilter_inout_free.
        var inputs: UnsafeMutablePointer<AVFilterInOut>?
        var outputs: UnsafeMutablePointer<AVFilterInOut>?
        defer {
            avfilter_inout_free(&inputs)
            avfilter_inout_free(&outputs)
        }
        try check(avfilter_graph_parse2(graph, description, &inputs, &outputs), "avfilter_graph_parse2")
        var pad = inputs
        while let open = pad {
            guard let name = open.pointee.name, String(cString: name) == "in" else { throw Self.badLabel(open) }
            try check(avfilter_link(source, 0, open.pointee.filter_ctx, UInt32(open.pointee.pad_idx)), "avfilter_link")
            pad = open.pointee.next
        }
        pad = outputs
        while let open = pad {
            let label = open.pointee.name.map { String(cString: $0) } ?? ""
            guard label.hasPrefix("out"), let index = Int(label.dropFirst(3)), sinks.indices.contains(index) else {
                throw Self.badLabel(open)
            }
            try check(avfilter_link(open.pointee.filter_ctx, UInt32(open.pointee.pad_idx), sinks[index], 0), "avfilter_link")
            pad = open.pointee.next
        }
    }

    private static func badLabel(_ pad: UnsafeMutablePointer<AVFilterInOut>) -> FFmpegError {
        let label = pad.pointee.name.map { String(cString: $0) } ?? "(unlabelled)"
        return FFmpegError(function: "avfilter_graph_parse2", code: mc_averror(EINVAL), message: "unexpected open pad \(label)")
    }

    /// Feeds one decoded frame in; nil tells the graph the input has ended.
    func push(_ frame: DecodedFrame?) throws(FFmpegError) {
        try check(av_buffersrc_add_frame_flags(source, frame?.frame, Int32(AV_BUFFERSRC_FLAG_KEEP_REF)), "av_buffersrc_add_frame_flags")
    }

    /// The next frame ready at sink `index`, or nil when it needs more input (or has ended).
    func pull(_ index: Int) throws(FFmpegError) -> DecodedFrame? {
        let frame = try DecodedFrame()
        let code = av_buffersink_get_frame(sinks[index], frame.frame)
        if code == mc_averror(EAGAIN) || code == mc_averror_eof() { return nil }
        try check(code, "av_buffersink_get_frame")
        return frame
    }

    /// Makes sink `index` deliver frames of exactly `samples` samples (an AAC encoder takes 1024).
    func timeBase(ofSink index: Int) -> AVRational { av_buffersink_get_time_base(sinks[index]) }

    func setFrameSize(_ samples: Int, sink index: Int) {
        if samples > 0 { av_buffersink_set_frame_size(sinks[index], UInt32(samples)) }
    }
}
