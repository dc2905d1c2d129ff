internal import Hummingbird
internal import Logging
internal import Publishing

/// Renditions and originals. A URL is answered only when its path is a key of the current
/// publisher's `PublicFiles`; the path that reaches the disk is the catalog's, never the URL's.
struct FileController<Context: RequestContext> {
    let cache: DocumentCache
    let renditions: RootedFolder?
    let library: RootedFolder?
    let memory: RenditionMemory
    let fileIO = FileIO()

    func endpoints(_ router: Router<Context>) {
        router.get("renditions/**") { request, context in try await rendition(request, context) }
        router.get("originals/:name") { request, context in try await original(request, context, name: try context.parameters.require("name")) }
    }

    private func rendition(_ request: Request, _ context: Context) async throws -> Response {
        let prefix = "/renditions/"
        let path = request.uri.path
        guard path.hasPrefix(prefix), let rendition = cache.rendition(String(path.dropFirst(prefix.count))) else {
            throw PublishingError.notFound("no such rendition")
        }
        let ifNoneMatch = request.headers[.ifNoneMatch]
        if let answer = RenditionAnswers.fromMemory(rendition, memory: memory, ifNoneMatch: ifNoneMatch) { return answer.response }
        guard let file = renditions?.file(rendition.path), file.size == Int64(rendition.bytes) else {
            context.logger.error("rendition file missing or changed: \(rendition.path)")
            throw PublishingError.notFound("no such rendition")
        }
        let headers = RenditionAnswers.headers(rendition)
        if let kept = memory.load(rendition.path, from: file, headers: headers) {
            return Response(status: .ok, headers: kept.headers, body: .init(byteBuffer: kept.body))
        }
        return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: file.path, context: context))
    }

    private func original(_ request: Request, _ context: Context, name: String) async throws -> Response {
        guard let original = cache.original(name) else { throw PublishingError.notFound("no such original") }
        guard let file = library?.file(original.sourcePath), original.isIngested(file) else {
            context.logger.warning("original not served: missing, outside the library or changed since ingest: \(original.sourcePath)")
            throw PublishingError.notFound("no such original")
        }
        let etag = "\"" + original.sha256.prefix(32) + "\""
        var headers = HTTPFields()
        headers[.contentType] = original.mimeType
        headers[.acceptRanges] = "bytes"
        headers[.cacheControl] = "public, max-age=3600"
        headers[.eTag] = etag
        if let notModified = ReadyAnswer.notModified(headers, etag: etag, ifNoneMatch: request.headers[.ifNoneMatch]) {
            return notModified.response
        }
        // If-Range: a range only applies to the version the client already has part of.
        let rangeApplies = request.headers[.ifRange].map { $0.trimmingSpaces == etag } ?? true
        let rangeHeader = rangeApplies ? request.headers[.range] : nil
        switch ByteRange(header: rangeHeader, size: file.size) {
        case .whole:
            guard file.size > 0 else { return Response(status: .ok, headers: headers, body: .init()) }
            return Response(status: .ok, headers: headers,
                            body: try await fileIO.loadFile(path: file.path, range: 0...Int(file.size - 1), context: context))
        case .partial(let range):
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(file.size)"
            return Response(status: .partialContent, headers: headers,
                            body: try await fileIO.loadFile(path: file.path, range: Int(range.lowerBound)...Int(range.upperBound), context: context))
        case .unsatisfiable:
            var failure = DocumentResponses.error(.rangeNotSatisfiable, "the range lies outside the file")
            failure.headers[.contentRange] = "bytes */\(file.size)"
            return failure
        }
    }
}
