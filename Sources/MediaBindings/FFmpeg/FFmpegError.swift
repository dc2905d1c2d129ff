internal import CFFmpeg

/// An FFmpeg call that failed: the function, its return code and FFmpeg's own message.
public struct FFmpegError: Error, CustomStringConvertible, Sendable, Equatable {
    public let function: String
    public let code: Int32
    /// `av_strerror`'s text for the code ("Invalid data found when processing input").
    public let message: String
    /// The last error (or warning) FFmpeg logged on this thread, which usually says what
    /// exactly was wrong ("moov atom not found").
    public let detail: String?

    public init(function: String, code: Int32, message: String, detail: String? = nil) {
        self.function = function
        self.code = code
        self.message = message
        self.detail = detail
    }

    /// Builds the error for a negative FFmpeg return code.
    init(function: String, code: Int32) {
        var buffer = [CChar](repeating: 0, count: 256)
        let message = av_strerror(code, &buffer, buffer.count) < 0 ? "error code \(code)" : String(cBuffer: buffer)
        self.init(function: function, code: code, message: message, detail: FFmpegLog.takeLastError())
    }

    /// The message with its detail: "Invalid data found when processing input (moov atom not found)".
    public var explanation: String { detail.map { "\(message) (\($0))" } ?? message }

    /// True when the call was interrupted because the time limit ran out.
    public var isTimeout: Bool { code == mc_averror_exit() }

    public var description: String { "\(function): \(explanation)" }
}

/// Passes every FFmpeg return code through one place, so no failure loses its reason.
@discardableResult
func check(_ code: Int32, _ function: String) throws(FFmpegError) -> Int32 {
    if code < 0 { throw FFmpegError(function: function, code: code) }
    return code
}
