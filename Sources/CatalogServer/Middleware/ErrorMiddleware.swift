internal import Hummingbird
internal import Logging
internal import Publishing

/// Every failure becomes a JSON error document with the right status. Unexpected errors are a
/// 500 whose cause goes to the log only: no path, type name or stack reaches the client.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
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
            let status = error.status
            let message = status == .notFound ? "not found" : status.reasonPhrase.lowercased()
            return DocumentResponses.error(status, message)
        } catch {
            context.logger.error("request failed: \(String(reflecting: error))")
            return DocumentResponses.error(.internalServerError, "internal error")
        }
    }
}
