internal import CFFmpeg

/// A bitstream parser for one stream: owns the `AVCodecParserContext` from `av_parser_init`
/// (freed by `av_parser_close`) and the `AVCodecContext` it reports into, from
/// `avcodec_alloc_context3` (freed by `avcodec_free_context`). Parsers read sequence headers
/// (SPS, VPS...) and never decode pictures.
final class CodecParser {
    private let parser: UnsafeMutablePointer<AVCodecParserContext>
    private var codec: UnsafeMutablePointer<AVCodecContext>?

    init?(stream: UnsafeMutablePointer<AVStream>) {
        let parameters = stream.pointee.codecpar
        guard let parser = av_parser_init(Int32(parameters!.pointee.codec_id.rawValue)) else { return nil }
        guard let codec = avcodec_alloc_context3(nil) else { av_parser_close(parser); return nil }
        self.parser = parser
        self.codec = codec
        parser.pointee.flags |= PARSER_FLAG_COMPLETE_FRAMES
        // Without the stream's parameters (extradata) the parser cannot work: no parser, and
        // the caller keeps what the header said.
        if avcodec_parameters_to_context(codec, parameters) < 0 { return nil }
    }

    deinit {
        av_parser_close(parser)
        avcodec_free_context(&codec)
    }

    /// Feeds one demuxed packet; returns true once the parser has found the picture format and size.
    func parse(_ packet: UnsafeMutablePointer<AVPacket>) -> Bool {
        var output: UnsafeMutablePointer<UInt8>? = nil
        var outputSize: Int32 = 0
        let consumed = av_parser_parse2(parser, codec, &output, &outputSize, packet.pointee.data, packet.pointee.size,
                                        packet.pointee.pts, packet.pointee.dts, packet.pointee.pos)
        return consumed >= 0 && isComplete
    }

    var isComplete: Bool { parser.pointee.format >= 0 && parser.pointee.width > 0 && parser.pointee.height > 0 }

    /// Copies what the parser found into `parameters`, leaving fields it did not find untouched.
    func fill(_ parameters: inout StreamParameters) {
        if let codec, codec.pointee.color_range == AVCOL_RANGE_JPEG { parameters.fullRange = true }
        if parser.pointee.format >= 0, parameters.pixelFormat == nil {
            parameters.setPixelFormat(parser.pointee.format)
        }
        if parameters.width == 0, parser.pointee.width > 0, parser.pointee.height > 0 {
            parameters.width = Int(parser.pointee.width)
            parameters.height = Int(parser.pointee.height)
        }
        if let codec, parameters.profileName == nil,
           let name = avcodec_profile_name(codec.pointee.codec_id, codec.pointee.profile) {
            parameters.profileName = String(cString: name)
        }
    }
}

extension FormatContext {
    /// The streams, with the pixel format and size of video streams that the header and
    /// `findStreamInfo` left unknown read by bitstream parsers from the first packets.
    /// - Parameter maxPackets: how many packets to read at most before giving up.
    public func streamsCompletedByParsers(maxPackets: Int = 500) throws(FFmpegError) -> [StreamParameters] {
        FFmpegLog.clear()
        var result = streams
        var parsers: [Int: CodecParser] = [:]
        for stream in result where stream.mediaType == .video && !stream.isAttachedPicture
            && (stream.pixelFormat == nil || stream.width == 0) {
            parsers[stream.index] = CodecParser(stream: rawContext.pointee.streams[stream.index]!)
        }
        guard !parsers.isEmpty else { return result }
        var allocated = av_packet_alloc()
        guard let packet = allocated else { throw FFmpegError(function: "av_packet_alloc", code: mc_averror(ENOMEM)) }
        defer { av_packet_free(&allocated) }
        var pending = Set(parsers.keys)
        var read = 0
        while !pending.isEmpty, read < maxPackets {
            let code = av_read_frame(rawContext, packet)
            if code == mc_averror_eof() { break }
            try check(code, "av_read_frame")
            read += 1
            let index = Int(packet.pointee.stream_index)
            if pending.contains(index), let parser = parsers[index], parser.parse(packet) {
                pending.remove(index)
            }
            av_packet_unref(packet)
        }
        for (index, parser) in parsers { parser.fill(&result[index]) }
        return result
    }
}
