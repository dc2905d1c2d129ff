internal import Catalog

extension Publisher {
    /// Every document a static copy holds, by file path below the export folder. The path is
    /// the URL path with ".json" added where the URL has none, so a static host maps one to the
    /// other with a single rule. Collections are exported with the default page size, page by
    /// page, following the same cursors as the server's `next` links. Search needs the server.
    public func exportedDocuments() throws(PublishingError) -> [(path: String, request: DocumentRequest)] {
        var files: [(String, DocumentRequest)] = [
            ("api/v1/collections.json", .collections),
            ("api/v1/feed.json", .feed),
            ("api/v1/openapi.json", .openAPI),
            ("api/v1/schemas/v1.json", .schema),
        ]
        for collection in view.collections {
            let slug = collection.record.slug
            var cursor: String?
            repeat {
                let request = DocumentRequest.collection(slug: slug, cursor: cursor)
                files.append((Self.exportPath(slug: slug, cursor: cursor), request))
                cursor = try collectionPage(slug, cursor: cursor, limit: nil, kind: nil).page.nextCursor
            } while cursor != nil
        }
        for id in view.assets.keys.sorted() {
            files.append(("api/v1/assets/\(id).json", .asset(id: id)))
        }
        return files
    }

    /// "api/v1/collections/parade-1.json" for the first page, "…/parade-1.cursor-<cursor>.json" after.
    static func exportPath(slug: String, cursor: String?) -> String {
        "api/v1/collections/" + slug + (cursor.map { ".cursor-" + $0 } ?? "") + ".json"
    }
}
