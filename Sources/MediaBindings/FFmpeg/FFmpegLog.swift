internal import CFFmpeg
internal import Foundation
internal import Synchronization

/// Routes FFmpeg's log away from the terminal and keeps the most severe recent message of each
/// thread, so a failing call can report FFmpeg's own explanation ("File ended prematurely at
/// pos. 507") rather than only the return code's generic text.
enum FFmpegLog {
    private struct Message {
        var level: Int32
        var text: String
    }

    private static let lastMessages = Mutex<[UInt: Message]>([:])

    private static let installation: Void = {
        av_log_set_callback { context, level, format, arguments in
            guard level <= AV_LOG_WARNING, let format, let arguments else { return }
            var buffer = [CChar](repeating: 0, count: 512)
            _ = vsnprintf(&buffer, buffer.count, format, arguments)
            var text = String(cBuffer: buffer).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return }
            if text.hasPrefix("Format not on whitelist") {
                text = "'\(FFmpegLog.itemName(context) ?? "?")' is not a container format mediacat opens"
            }
            FFmpegLog.lastMessages.withLock { messages in
                // An error outranks any warning; among equals the latest wins.
                if let kept = messages[FFmpegLog.currentThread], kept.level < level { return }
                messages[FFmpegLog.currentThread] = Message(level: level, text: text)
            }
        }
    }()

    /// The name FFmpeg prints in brackets before a message: the demuxer or codec name.
    private static func itemName(_ context: UnsafeMutableRawPointer?) -> String? {
        guard let context, let cls = context.assumingMemoryBound(to: UnsafePointer<AVClass>?.self).pointee,
              let name = cls.pointee.item_name?(context) else { return nil }
        return String(cString: name)
    }

    /// Installs the callback once per process.
    static func install() { _ = installation }

    private static var currentThread: UInt { UInt(pthread_self()) }

    /// Forgets this thread's last message, before a new file.
    static func clear() { _ = lastMessages.withLock { $0.removeValue(forKey: currentThread) } }

    /// This thread's most severe recent message, removed as it is read.
    static func takeLastError() -> String? { lastMessages.withLock { $0.removeValue(forKey: currentThread)?.text } }
}
