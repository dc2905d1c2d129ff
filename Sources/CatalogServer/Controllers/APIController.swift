internal import Catalog
internal import Hummingbird
internal import Publishing

/// The JSON documents under `/api/v1`.
struct APIController<Context: RequestContext> {
    let cache: DocumentCache

    func endpoints(_ router: Router<Context>) {
        let api = router.group("api/v1")
        api.get("collections") { request, _ in try await answer(.collections, request) }
        api.get("collections/:slug") { request, context in
            let slug = try context.parameters.require("slug")
            guard MediaCollection.isValidSlug(slug) else { throw PublishingError.notFound("no published collection by that name") }
            let query = request.uri.queryParameters
            var limit: Int?
            if let text = query["limit"] {
                guard let value = Int(text) else { throw PublishingError.badRequest("limit must be a whole number") }
                limit = value
            }
            let document = DocumentRequest.collection(slug: slug, cursor: query["cursor"].map(String.init), limit: limit,
                                                      kind: query["kind"].map(String.init))
            return try await answer(document, request)
        }
        api.get("assets/:id") { request, context in
            let id = try context.parameters.require("id")
            guard id.utf8.count == 12, id.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) else {
                throw PublishingError.notFound("no published asset with that id")
            }
            return try await answer(.asset(id: id), request)
        }
        api.get("search") { request, _ in
            guard let query = request.uri.queryParameters["q"] else { throw PublishingError.badRequest("the search text `q` is missing") }
            guard query.unicodeScalars.count <= DocumentRequest.maxQueryLength else {
                throw PublishingError.badRequest("the search text is longer than \(DocumentRequest.maxQueryLength) characters")
            }
            return try await answer(.search(query: String(query)), request)
        }
        api.get("feed.json") { request, _ in try await answer(.feed, request) }
        api.get("openapi.json") { request, _ in try await answer(.openAPI, request) }
        api.get("schemas/v1.json") { request, _ in try await answer(.schema, request) }
    }

    private func answer(_ document: DocumentRequest, _ request: Request) async throws -> Response {
        let entry = try await cache.document(document)
        cache.remember(target: request.uri.string, as: document)
        return DocumentResponses.response(entry, for: request)
    }
}
