internal import CFFmpeg

/// What libavformat's muxers can store.
public enum Muxer {
    /// True when the muxer named `format` ("mp4", "webm"...) stores the codec libavcodec calls
    /// `codec` ("h264", "prores"...) at normal compliance.
    public static func accepts(format: String, codec: String) -> Bool {
        guard (try? FFmpegLibrary.load()) != nil, let descriptor = avcodec_descriptor_get_by_name(codec) else { return false }
        return OutputContext.accepts(format: format, codecID: descriptor.pointee.id)
    }
}
