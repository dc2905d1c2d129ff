internal import Logging
internal import ServiceLifecycle

/// Polls the catalog's change counter while the server runs, so an ingest or an edit in another
/// process shows within one interval and requests never wait for the check. While changes keep
/// coming (an ingest commits every half second), documents are rebuilt at most once a second.
struct CatalogWatcher: Service {
    let cache: DocumentCache
    let interval: Duration
    let logger: Logger
    var rebuildGap: Duration = .seconds(1)

    func run() async throws {
        // Sleeping ends with a cancellation error when the server shuts down: that is the way out.
        try? await cancelWhenGracefulShutdown {
            var failing = false
            while !Task.isCancelled {
                var rebuilt = false
                do {
                    rebuilt = try await cache.refresh()
                    if rebuilt { logger.info("catalog changed: documents refreshed") }
                    if failing { logger.info("catalog readable again") }
                    failing = false
                } catch {
                    // A locked or briefly unreadable catalog: keep serving what we have.
                    if !failing { logger.warning("cannot read the catalog, serving the last documents: \(error)") }
                    failing = true
                }
                try await Task.sleep(for: rebuilt ? max(interval, rebuildGap) : interval)
            }
        }
    }
}
