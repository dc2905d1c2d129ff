internal import Hummingbird
internal import Logging
internal import Publishing

/// Renditions and clean originals, all from the rendition root. A URL is answered only when its
/// path is a key of the current publisher's `PublicFiles`; the path that reaches the disk is
/// the catalog's, never the URL's.
struct FileController<Context: RequestContext> {
    let cache: DocumentCache
    let renditions: RootedFolder?
    let memory: RenditionMemory
    let fileIO = FileIO()

    func endpoints(_ router: Router<Context>) {
        router.get("renditions/**") { request, context in
            let prefix = "/renditions/"
            let path = request.uri.path
            guard path.hasPrefix(prefix), let file = cache.rendition(String(path.dropFirst(prefix.count))) else {
                throw PublishingError.notFound("no such rendition")
            }
            return try await answer(file, cacheControl: FileAnswers.immutable, request, context)
        }
        router.get("originals/:name") { request, context in
            guard let file = cache.original(try context.parameters.require("name")) else {
                throw PublishingError.notFound("no such original")
            }
            return try await answer(file, cacheControl: FileAnswers.originalCaching, request, context)
        }
    }

    /// The one way a file is answered: 304 for a current ETag, 206 for a satisfiable range (with
    /// `If-Range`), 416 for one outside the file, else the whole file, from memory for small
    /// stills and cue files, streamed from disk for the rest. HEAD gets the same headers.
    private func answer(_ file: PublicFiles.File, cacheControl: String, _ request: Request,
                        _ context: Context) async throws -> Response {
        var headers = FileAnswers.headers(file, cacheControl: cacheControl)
        let ifNoneMatch = request.headers[.ifNoneMatch]
        if let notModified = ReadyAnswer.notModified(headers, etag: file.etag, ifNoneMatch: ifNoneMatch) {
            return notModified.response
        }
        let range = FileAnswers.range(request.headers, etag: file.etag, size: Int64(file.bytes))
        if range == .whole, let kept = memory[file.path] {
            return Response(status: .ok, headers: kept.headers, body: .init(byteBuffer: kept.body))
        }
        guard let disk = renditions?.file(file.path), disk.size == Int64(file.bytes) else {
            context.logger.error("rendition file missing, changed or outside the rendition root: \(file.path)")
            throw PublishingError.notFound("no such file")
        }
        switch range {
        case .whole:
            if let kept = memory.load(file, from: disk, headers: headers) {
                return Response(status: .ok, headers: kept.headers, body: .init(byteBuffer: kept.body))
            }
            guard disk.size > 0 else { return Response(status: .ok, headers: headers, body: .init()) }
            let body = try await fileIO.loadFile(path: disk.path, range: 0...Int(disk.size - 1), context: context)
            return Response(status: .ok, headers: headers, body: body)
        case .partial(let bytes):
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(disk.size)"
            let body = try await fileIO.loadFile(path: disk.path, range: Int(bytes.lowerBound)...Int(bytes.upperBound),
                                                 context: context)
            return Response(status: .partialContent, headers: headers, body: body)
        case .unsatisfiable:
            var failure = DocumentResponses.error(.rangeNotSatisfiable, "the range lies outside the file")
            failure.headers[.contentRange] = "bytes */\(disk.size)"
            return failure
        }
    }
}
