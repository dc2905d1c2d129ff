public import Catalog
internal import Foundation

/// Makes the public documents of one published snapshot. Cheap to keep: the server keeps one
/// per catalog change and asks it for documents; the export asks it for all of them.
public struct Publisher: Sendable {
    let view: PublicView
    let options: PublishingOptions
    let urls: PublicURLs
    private let catalog: Catalog?

    /// Reads the catalog's published content now. `catalog` also answers searches. What a
    /// `previous` publisher already decoded of unchanged assets is reused.
    public init(catalog: Catalog, options: PublishingOptions, reusing previous: Publisher? = nil) throws(PublishingError) {
        do {
            self.init(snapshot: try catalog.publishedSnapshot(), options: options, catalog: catalog, reusing: previous)
        } catch {
            throw .unavailable("\(error)")
        }
    }

    /// A publisher of `snapshot`; without a catalog, searches find nothing.
    public init(snapshot: PublishedSnapshot, options: PublishingOptions, catalog: Catalog? = nil, reusing previous: Publisher? = nil) {
        view = PublicView(snapshot, previous: previous?.view)
        self.options = options
        urls = PublicURLs(base: options.baseURL)
        self.catalog = catalog
    }

    /// The catalog change this publisher shows.
    public var changeCounter: Int64 { view.changeCounter }

    /// The files the public may fetch.
    public var files: PublicFiles { view.files }

    public func document(_ request: DocumentRequest) throws(PublishingError) -> PublishedDocument {
        switch request {
        case .collections: .json(collectionsIndex())
        case .collection(let slug, let cursor, let limit, let kind): .json(try collectionPage(slug, cursor: cursor, limit: limit, kind: kind))
        case .asset(let id): .json(try assetDocument(id))
        case .search(let query): .json(try search(query))
        case .feed: PublishedDocument(body: Array(PublishedDocument.encodedJSON(feed())), contentType: "application/feed+json; charset=utf-8")
        case .openAPI: PublishedDocument(body: Array(PublicSchemas.openAPI(serverURL: options.baseURL).utf8))
        case .schema: PublishedDocument(body: Array(PublicSchemas.jsonSchema(id: urls.schema).utf8),
                                        contentType: "application/schema+json")
        }
    }

    /// The body of an error answer, in the documents' style.
    public static func errorDocument(status: Int, message: String) -> PublishedDocument {
        .json(ErrorDocument(error: .init(status: status, message: message)))
    }

    func search(_ query: String) throws(PublishingError) -> SearchDocument {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .badRequest("the search text `q` is empty") }
        guard trimmed.unicodeScalars.count <= DocumentRequest.maxQueryLength else {
            throw .badRequest("the search text is longer than \(DocumentRequest.maxQueryLength) characters")
        }
        let found: [Asset]
        do {
            found = try catalog?.search(trimmed, publishedOnly: true, limit: options.searchLimit) ?? []
        } catch {
            throw .unavailable("\(error)")
        }
        // The snapshot decides what is public: an asset published after it was read waits for the next one.
        let results = found.compactMap { view.assets[$0.publicId] }.map(summary)
        return SearchDocument(query: trimmed, count: results.count, results: results)
    }
}
