internal import Hummingbird
internal import Logging
internal import Publishing

/// What every request passes through, in one step (each middleware layer costs a little on
/// every request): refusing what no reader sends, turning every failure into a JSON error
/// document, and one access-log line per request.
///
/// Refused: methods other than GET/HEAD/OPTIONS, very long URLs, and paths with NUL bytes,
/// backslashes or dot segments, plain or percent-encoded. Such paths would find nothing anyway;
/// refusing them early keeps them out of every later step. Unexpected errors are a 500 whose
/// cause goes to the log only: no path, type name or stack reaches the client.
struct ServingMiddleware<Context: RequestContext>: RouterMiddleware {
    static var maxURILength: Int { 2048 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = AccessLog.start(context.logger)
        let response = await answer(request, context: context, next: next)
        AccessLog.record(context.logger, method: request.method, path: Substring(request.uri.path), status: response.status, since: start)
        return response
    }

    private func answer(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async -> Response {
        guard request.method == .get || request.method == .head || request.method == .options else {
            var response = DocumentResponses.error(.methodNotAllowed, "only GET and HEAD are served")
            response.headers[.allow] = "GET, HEAD, OPTIONS"
            return response
        }
        guard request.uri.string.utf8.count <= Self.maxURILength else { return DocumentResponses.error(.uriTooLong, "the URL is too long") }
        guard Self.isPlainPath(request.uri.path) else { return DocumentResponses.error(.badRequest, "the path is not allowed") }
        do {
            return try await next(request, context)
        } catch let error as PublishingError {
            switch error {
            case .notFound(let what): return DocumentResponses.error(.notFound, what)
            case .badRequest(let why): return DocumentResponses.error(.badRequest, why)
            case .unavailable(let why):
                context.logger.error("catalog unavailable: \(why)")
                return DocumentResponses.error(.serviceUnavailable, "the catalog cannot be read right now")
            }
        } catch let error as HTTPError {
            return DocumentResponses.error(error.status, error.status == .notFound ? "not found" : error.status.reasonPhrase.lowercased())
        } catch {
            context.logger.error("request failed: \(String(reflecting: error))")
            return DocumentResponses.error(.internalServerError, "internal error")
        }
    }

    /// No NUL, no backslash, no "." or ".." segment; no percent-encoded slash, backslash, dot or NUL.
    static func isPlainPath(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return false }
        var segmentStart = 1
        for index in 1..<bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0, UInt8(ascii: "\\"): return false
            case UInt8(ascii: "%"):
                guard index + 2 < bytes.count else { return false }
                switch (bytes[index + 1], bytes[index + 2] | 0x20) {  // lowercase hex digit second
                case (UInt8(ascii: "0"), UInt8(ascii: "0")), (UInt8(ascii: "2"), UInt8(ascii: "f")),
                     (UInt8(ascii: "5"), UInt8(ascii: "c")), (UInt8(ascii: "2"), UInt8(ascii: "e")):
                    return false
                default: break
                }
            case UInt8(ascii: "/"):
                if isDotSegment(bytes[segmentStart..<index]) { return false }
                segmentStart = index + 1
            default: break
            }
        }
        return !isDotSegment(bytes[segmentStart...])
    }

    private static func isDotSegment(_ segment: ArraySlice<UInt8>) -> Bool {
        (segment.count == 1 || segment.count == 2) && segment.allSatisfy { $0 == UInt8(ascii: ".") }
    }
}
