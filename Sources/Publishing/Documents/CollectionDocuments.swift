/// `GET /api/v1/collections`: every published collection.
struct CollectionsIndexDocument: Encodable {
    struct Entry: Encodable, Equatable {
        var slug: String
        var title: String
        var kind: String
        var description: String?
        var url: String
        var counts: AssetCounts
        var cover: CoverDocument?
        var publishedDate: String?
        var updated: String
    }

    var schemaVersion = publicSchemaVersion
    var collections: [Entry]
}

/// `GET /api/v1/collections/{slug}`: one collection and one page of its assets in order.
struct CollectionDocument: Encodable {
    struct Page: Encodable {
        var limit: Int
        var kind: String?
        var count: Int
        /// Pass back as `cursor` for the next page; absent on the last page.
        var nextCursor: String?
        var next: String?
    }

    var schemaVersion = publicSchemaVersion
    var collection: CollectionsIndexDocument.Entry
    var assets: [AssetSummary]
    var page: Page
}

/// `GET /api/v1/search?q=`: published assets matching the words, best first.
struct SearchDocument: Encodable {
    var schemaVersion = publicSchemaVersion
    var query: String
    var count: Int
    var results: [AssetSummary]
}
