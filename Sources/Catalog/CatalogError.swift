/// What went wrong with a catalog operation, in one line a person can act on.
public enum CatalogError: Error, CustomStringConvertible, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    case notFound(String)
    case invalid(String)
    case conflict(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the catalog \(path): \(reason)"
        case .notFound(let what): "\(what) not found"
        case .invalid(let why): why
        case .conflict(let why): why
        }
    }
}
