internal import Hummingbird

/// Refuses what no reader of a catalog sends: methods other than GET/HEAD/OPTIONS, very long
/// URLs, and paths with NUL bytes, backslashes or dot segments (plain or percent-encoded). These
/// would find nothing anyway; refusing them early keeps them out of every later step.
struct RequestLimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    static var maxURILength: Int { 2048 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head || request.method == .options else {
            var response = DocumentResponses.error(.methodNotAllowed, "only GET and HEAD are served")
            response.headers[.allow] = "GET, HEAD, OPTIONS"
            return response
        }
        let uri = request.uri.string
        guard uri.utf8.count <= Self.maxURILength else { return DocumentResponses.error(.uriTooLong, "the URL is too long") }
        guard Self.isPlainPath(request.uri.path) else { return DocumentResponses.error(.badRequest, "the path is not allowed") }
        return try await next(request, context)
    }

    /// No NUL, no backslash, no "." or ".." segment, no encoded slash, backslash, dot or NUL.
    static func isPlainPath(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        let lowered = path.lowercased()
        for banned in ["%00", "%2f", "%5c", "%2e", "\\", "\0"] where lowered.contains(banned) { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().contains { $0 == "." || $0 == ".." }
    }
}
