internal import Hummingbird
internal import Logging

/// One line per request at `info`: method, path (never the query: search text is the reader's
/// business), status and time taken. The router and the fast lane write the same line.
enum AccessLog {
    /// When the line will be written: the start instant to measure from, else nil (nothing to measure).
    static func start(_ logger: Logger) -> ContinuousClock.Instant? {
        logger.logLevel <= .info ? ContinuousClock.now : nil
    }

    static func record(_ logger: Logger, method: HTTPRequest.Method, path: Substring, status: HTTPResponse.Status,
                       since start: ContinuousClock.Instant?) {
        guard let start else { return }
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        logger.info("\(method) \(path.prefix(256)) \(status.code) \(micros)µs")
    }
}
