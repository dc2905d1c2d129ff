internal import Hummingbird
internal import Logging

/// One line per request after it is answered: method, path, status and time taken. The query
/// is left out (search text is the reader's business).
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        if context.logger.logLevel <= .info {
            let elapsed = ContinuousClock.now - start
            let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
            context.logger.info("\(request.method) \(request.uri.path.prefix(256)) \(response.status.code) \(micros)µs")
        }
        return response
    }
}
