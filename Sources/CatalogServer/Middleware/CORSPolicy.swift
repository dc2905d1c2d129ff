internal import Hummingbird

/// Cross-origin reads for the configured origins (the town website); "*" allows any. Answers
/// preflight requests itself. Without configured origins, no CORS header is ever sent. With
/// named origins every answer varies by Origin, so a shared cache never hands one origin's
/// answer (with or without the allow header) to another.
struct CORSPolicy<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin]
        let allowed = origin.flatMap { origin in origins.contains("*") ? "*" : origins.contains(origin) ? origin : nil }
        if request.method == .options {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD, OPTIONS"
            if let allowed {
                headers[.accessControlAllowOrigin] = allowed
                headers[.accessControlAllowMethods] = "GET, HEAD, OPTIONS"
                headers[.accessControlAllowHeaders] = "Range, If-None-Match, If-Range"
                headers[.accessControlMaxAge] = "86400"
            }
            if !origins.contains("*") { headers[.vary] = "Origin" }
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        if let allowed {
            response.headers[.accessControlAllowOrigin] = allowed
            response.headers[.accessControlExposeHeaders] = "ETag, Content-Length, Content-Range, Accept-Ranges"
        }
        if !origins.contains("*") {
            response.headers[.vary] = response.headers[.vary].map { $0 + ", Origin" } ?? "Origin"
        }
        return response
    }
}
