internal import Hummingbird

/// Cross-origin reads for the configured origins (the town website); "*" allows any. Without
/// configured origins, no CORS header is ever sent. With named origins every answer varies by
/// Origin, so a shared cache never hands one origin's answer (with or without the allow header)
/// to another.
struct CORSRules: Sendable {
    let origins: Set<String>

    func allowed(_ origin: String?) -> String? {
        origin.flatMap { origin in origins.contains("*") ? "*" : origins.contains(origin) ? origin : nil }
    }

    /// The headers an answer (not a preflight) to a request from `origin` gains.
    func decorate(_ headers: inout HTTPFields, origin: String?) {
        if let allowed = allowed(origin) {
            headers[.accessControlAllowOrigin] = allowed
            headers[.accessControlExposeHeaders] = "ETag, Content-Length, Content-Range, Accept-Ranges"
        }
        if !origins.contains("*") {
            headers[.vary] = headers[.vary].map { $0 + ", Origin" } ?? "Origin"
        }
    }

    func preflight(origin: String?) -> Response {
        var headers = HTTPFields()
        headers[.allow] = "GET, HEAD, OPTIONS"
        if let allowed = allowed(origin) {
            headers[.accessControlAllowOrigin] = allowed
            headers[.accessControlAllowMethods] = "GET, HEAD, OPTIONS"
            headers[.accessControlAllowHeaders] = "Range, If-None-Match, If-Range"
            headers[.accessControlMaxAge] = "86400"
        }
        if !origins.contains("*") { headers[.vary] = "Origin" }
        return Response(status: .noContent, headers: headers)
    }
}

/// `CORSRules` for every request through the router; preflight requests are answered here.
struct CORSPolicy<Context: RequestContext>: RouterMiddleware {
    let rules: CORSRules

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin]
        if request.method == .options { return rules.preflight(origin: origin) }
        var response = try await next(request, context)
        rules.decorate(&response.headers, origin: origin)
        return response
    }
}
