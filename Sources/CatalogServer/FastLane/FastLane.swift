internal import Hummingbird
internal import Logging
internal import NIOCore
internal import Synchronization

/// Answers requests whose answer is already in memory without going through the router: a
/// document the router has answered for the same target (path and query as sent) while it is
/// current, or a whole rendition `RenditionMemory` holds (never a range, never a video). The
/// answer is built by the same functions the router's handlers use, with the same CORS, `Date`,
/// `Server` and access-log line, so a client cannot tell which of the two answered. Everything
/// else, including every first request for a target and every error, goes through the router.
///
/// Why: the router runs each request as a task off the event loop; for answers that are a
/// dictionary lookup, that hop costs more than the answer (see the serving benchmark).
final class FastLane: Sendable {
    let cache: DocumentCache
    let memory: RenditionMemory
    let cors: CORSRules?
    let log: AccessLogQueue
    let serverName: String
    private let dates = HTTPDate()
    private let answeredCount = Atomic<Int>(0)

    init(cache: DocumentCache, memory: RenditionMemory, cors: CORSRules?, logger: Logger, serverName: String) {
        (self.cache, self.memory, self.cors, self.serverName) = (cache, memory, cors, serverName)
        log = AccessLogQueue(logger: logger)
    }

    /// How many requests the lane has answered (the router answered the rest).
    var answered: Int { answeredCount.load(ordering: .relaxed) }

    /// The complete answer to `request`, or nil when the router must answer it.
    func answer(_ request: HTTPRequest) -> ReadyAnswer? {
        let start = AccessLog.start(log.logger)
        guard request.method == .get || request.method == .head, let target = request.path,
              request.headerFields[.connection].map({ $0.lowercased() == "keep-alive" }) ?? true,
              !request.headerFields.contains(.expect),
              // Ranges are the router's: the lane holds whole answers only, and never sends one for a range.
              !request.headerFields.contains(.range), var answer = stored(target, request.headerFields)
        else { return nil }
        cors?.decorate(&answer.headers, origin: request.headerFields[.origin])
        answer.headers[.date] = dates.now
        answer.headers[.server] = serverName
        answeredCount.add(1, ordering: .relaxed)
        if start != nil {
            log.record(method: request.method, path: target.prefix { $0 != "?" }, status: answer.status, since: start)
        }
        return answer
    }

    private func stored(_ target: String, _ headers: HTTPFields) -> ReadyAnswer? {
        let renditions = "/renditions/"
        if target.hasPrefix(renditions) {
            // Rendition names are plain; anything with a query or an escape is the router's to judge.
            guard !target.utf8.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "%") }),
                  let file = cache.rendition(String(Substring(target.utf8.dropFirst(renditions.utf8.count))))
            else { return nil }
            return FileAnswers.fromMemory(file, memory: memory, ifNoneMatch: headers[.ifNoneMatch])
        }
        return cache.document(forTarget: target).map {
            DocumentResponses.answer($0, acceptEncoding: headers[.acceptEncoding], ifNoneMatch: headers[.ifNoneMatch])
        }
    }
}
