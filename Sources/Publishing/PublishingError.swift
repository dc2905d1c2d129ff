/// Why a public document cannot be made; each maps to one HTTP status.
public enum PublishingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No such published thing (drafts are "not found", never "forbidden": their existence is private).
    case notFound(String)
    /// The request itself is wrong (bad cursor, limit out of range, empty search).
    case badRequest(String)
    /// The catalog could not be read.
    case unavailable(String)

    public var description: String {
        switch self {
        case .notFound(let what): "not found: \(what)"
        case .badRequest(let why): "bad request: \(why)"
        case .unavailable(let why): "catalog unavailable: \(why)"
        }
    }
}
