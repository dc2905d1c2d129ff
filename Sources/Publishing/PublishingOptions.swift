/// How public documents are made: where their links point and how they page.
public struct PublishingOptions: Sendable, Equatable {
    /// Prefix of every link in the documents, e.g. "https://media.westportct.gov". Empty: links
    /// are root-relative ("/renditions/…"), which works wherever the documents are served from.
    public var baseURL: String
    /// The feed's title.
    public var siteTitle: String
    /// Assets per collection page when the request names no limit.
    public var defaultPageSize: Int
    /// The most assets one collection page may hold.
    public var maxPageSize: Int
    /// The most results a search returns.
    public var searchLimit: Int

    public init(baseURL: String = "", siteTitle: String = "mediacat", defaultPageSize: Int = 50, maxPageSize: Int = 200,
                searchLimit: Int = 50) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.siteTitle = siteTitle
        self.defaultPageSize = defaultPageSize
        self.maxPageSize = maxPageSize
        self.searchLimit = searchLimit
    }

    /// True when `url` can prefix public links: http(s), a host, no query, fragment or spaces.
    public static func isValidBaseURL(_ url: String) -> Bool {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return false }
        let rest = url.drop(while: { $0 != "/" }).dropFirst(2)
        guard let host = rest.split(separator: "/").first, !host.isEmpty else { return false }
        return !url.contains { $0 == "?" || $0 == "#" || $0 == "\"" || $0 == "\\" || $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } ?? false }
    }
}
