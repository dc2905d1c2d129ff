public import MediaProbe

/// Why renditions could not be made for a file: one line that names the file and the reason.
public struct RenderError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Error, Sendable, Equatable, CustomStringConvertible {
        case probe(ProbeError.Reason)
        case tooManyPixels(width: Int, height: Int, limit: Int)
        case decode(String)
        case encode(String)
        case transcode(String)
        case write(String)
        case timedOut(seconds: Double)

        public var description: String {
            switch self {
            case .probe(let reason): reason.description
            case .tooManyPixels(let w, let h, let limit):
                "\(w)×\(h) is \(Int((Double(w) * Double(h) / 1e6).rounded())) MP, over the \(limit / 1_000_000) MP limit (refused before decoding)"
            case .decode(let why): "cannot decode: \(why)"
            case .encode(let why): "cannot encode: \(why)"
            case .transcode(let why): "cannot make the web video or clean original: \(why)"
            case .write(let why): "cannot write renditions: \(why)"
            case .timedOut(let seconds): "gave up after \(Int(min(seconds, 1e9))) s (time limit per file)"
            }
        }
    }

    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(ProbeError.printable(path)): \(ProbeError.printable(reason.description))" }
}
