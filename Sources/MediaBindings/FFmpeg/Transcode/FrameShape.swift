internal import CFFmpeg

/// What a stream's decoded frames look like, read from its first frame: what a filter graph's
/// source and an encoder must be told before any frame arrives.
struct FrameShape {
    var isVideo: Bool
    var width: Int32 = 0
    var height: Int32 = 0
    var pixelFormat: Int32 = -1
    var sampleAspect = AVRational(num: 1, den: 1)
    var sampleRate: Int32 = 0
    var sampleFormat: Int32 = -1
    var channels: Int32 = 0
    /// libavutil's name of the channel layout ("stereo"), when the stream states one.
    var channelLayout: String?

    init(_ frame: DecodedFrame) {
        let f = frame.frame.pointee
        isVideo = f.width > 0 && f.height > 0
        if isVideo {
            width = f.width
            height = f.height
            pixelFormat = f.format
            if f.sample_aspect_ratio.num > 0, f.sample_aspect_ratio.den > 0 { sampleAspect = f.sample_aspect_ratio }
        } else {
            sampleRate = f.sample_rate
            sampleFormat = f.format
            channels = f.ch_layout.nb_channels
            if f.ch_layout.order != AV_CHANNEL_ORDER_UNSPEC {
                var buffer = [CChar](repeating: 0, count: 128)
                var layout = f.ch_layout
                if av_channel_layout_describe(&layout, &buffer, buffer.count) > 0 { channelLayout = String(cBuffer: buffer) }
            }
        }
    }

    /// The arguments of a `buffer` or `abuffer` source for these frames, timestamps in `timeBase`.
    /// A video's `frameRate` travels through the graph to the encoder, whose rate control and
    /// level depend on it (without it x264 takes the time base, 1/600 or 1/90000, for the rate).
    func sourceArguments(timeBase: AVRational, frameRate: AVRational) -> String {
        let base = "time_base=\(timeBase.num)/\(max(timeBase.den, 1))"
        if isVideo {
            let rate = frameRate.num > 0 && frameRate.den > 0 ? ":frame_rate=\(frameRate.num)/\(frameRate.den)" : ""
            return base + ":video_size=\(width)x\(height):pix_fmt=\(pixelFormat)"
                + ":pixel_aspect=\(sampleAspect.num)/\(sampleAspect.den)" + rate
        }
        let format = av_get_sample_fmt_name(AVSampleFormat(rawValue: sampleFormat)).map { String(cString: $0) } ?? "fltp"
        let layout = channelLayout.map { "channel_layout=" + $0 } ?? "channels=\(channels)"
        return base + ":sample_rate=\(sampleRate):sample_fmt=\(format):" + layout
    }
}
