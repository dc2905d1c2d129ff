internal import Foundation

/// Why a file could not be probed: one line that names the file and says what is wrong.
public struct ProbeError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Error, Sendable, Equatable, CustomStringConvertible {
        case notFound
        case notRegularFile
        case unreadable(String)
        case empty
        case tooLarge(bytes: Int64, limit: Int64)
        case unrecognized(String)
        case corrupt(format: String, detail: String)
        case noMediaStreams
        case timedOut(seconds: Double)

        public var description: String {
            switch self {
            case .notFound: "no such file"
            case .notRegularFile: "not a regular file"
            case .unreadable(let why): "cannot read the file (\(why))"
            case .empty: "empty file (0 bytes)"
            case .tooLarge(let bytes, let limit):
                "file is \(ByteCount(bytes)), over the \(ByteCount(limit)) limit for photos"
            case .unrecognized(let detail): "not a recognized image, video or audio format (\(detail))"
            case .corrupt(let format, let detail): "corrupt \(format): \(detail)"
            case .noMediaStreams: "the container holds no video or audio stream"
            case .timedOut(let seconds): "gave up after \(ByteCount.trim(seconds)) s (time limit per file)"
            }
        }
    }

    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// One line: the path and the reason, both with control characters escaped.
    public var description: String { "\(ProbeError.printable(path)): \(ProbeError.printable(reason.description))" }

    /// `text` with control characters escaped, so a hostile file name, or bytes from inside a
    /// file that end up in a message (a chunk name, a library's complaint), cannot break the
    /// one-line-per-file output or forge extra lines.
    public static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Human-readable byte counts for messages.
struct ByteCount: CustomStringConvertible {
    let bytes: Int64
    init(_ bytes: Int64) { self.bytes = bytes }

    var description: String {
        let units = ["bytes", "KB", "MB", "GB", "TB"]
        var value = Double(bytes), unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(bytes) bytes" : "\(Self.trim(value)) \(units[unit])"
    }

    /// One decimal place, without a trailing ".0".
    static func trim(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
