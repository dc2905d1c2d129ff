/// Which public document a reader asked for: what a route or an export file stands for.
public enum DocumentRequest: Hashable, Sendable {
    case collections
    /// One page of a collection; nil parts take their defaults.
    case collection(slug: String, cursor: String? = nil, limit: Int? = nil, kind: String? = nil)
    case asset(id: String)
    case search(query: String)
    case feed
    case openAPI
    case schema

    /// The longest search text accepted, in Unicode code points (as JSON Schema counts).
    public static let maxQueryLength = 200
}
