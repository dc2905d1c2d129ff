internal import CFFmpegLoader

/// FFmpeg's shared libraries, loaded with dlopen the first time a video is probed.
enum FFmpegLibrary {
    private static let outcome: FFmpegError? = {
        var buffer = [CChar](repeating: 0, count: 512)
        guard mc_ffmpeg_load(&buffer, buffer.count) != 0 else { return nil }
        return FFmpegError(function: "dlopen", code: -1, message: "cannot load FFmpeg", detail: String(cBuffer: buffer))
    }()

    /// Loads FFmpeg once per process; every later call returns at once with the same outcome.
    static func load() throws(FFmpegError) {
        if let outcome { throw outcome }
    }
}
