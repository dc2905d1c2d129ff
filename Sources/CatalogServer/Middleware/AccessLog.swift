internal import Dispatch
internal import Hummingbird
internal import Logging
internal import Synchronization

/// One line per request at `info`: method, path (never the query: search text is the reader's
/// business), status and time taken. The router and the fast lane write the same line.
enum AccessLog {
    /// When the line will be written: the start instant to measure from, else nil (nothing to measure).
    static func start(_ logger: Logger) -> ContinuousClock.Instant? {
        logger.logLevel <= .info ? ContinuousClock.now : nil
    }

    static func line(method: HTTPRequest.Method, path: Substring, status: HTTPResponse.Status, since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        return "\(method) \(path.prefix(256)) \(status.code) \(micros)µs"
    }

    static func record(_ logger: Logger, method: HTTPRequest.Method, path: Substring, status: HTTPResponse.Status,
                       since start: ContinuousClock.Instant?) {
        guard let start else { return }
        logger.info("\(line(method: method, path: path, status: status, since: start))")
    }
}

/// Access-log lines from the network threads, written on a queue of their own: a log sink that
/// blocks (a full pipe, a paused terminal) must never stall a connection. Beyond `backlog`
/// unwritten lines, lines are dropped, and the next line written says how many.
final class AccessLogQueue: Sendable {
    static let backlog = 10_000
    let logger: Logger
    private let queue = DispatchQueue(label: "mediacat.access-log")
    private let pending = Atomic<Int>(0)
    private let dropped = Atomic<Int>(0)

    init(logger: Logger) {
        self.logger = logger
    }

    func record(method: HTTPRequest.Method, path: Substring, status: HTTPResponse.Status, since start: ContinuousClock.Instant?) {
        guard let start else { return }
        guard pending.add(1, ordering: .relaxed).newValue <= Self.backlog else {
            pending.subtract(1, ordering: .relaxed)
            dropped.add(1, ordering: .relaxed)
            return
        }
        let line = AccessLog.line(method: method, path: path, status: status, since: start)
        queue.async { [self] in
            let lost = dropped.exchange(0, ordering: .relaxed)
            if lost > 0 { logger.warning("\(lost) access-log lines dropped: the log output is not keeping up") }
            logger.info("\(line)")
            pending.subtract(1, ordering: .relaxed)
        }
    }
}
