internal import Catalog
internal import Foundation
internal import Synchronization

/// The one writer to the catalog: collects changes from the workers and commits them in
/// transactions of `batchSize` changes, or of what arrived in the last half second, whichever
/// comes first. SQLite is never written from two threads, and a crash loses at most the last
/// uncommitted batch (whose renditions are already on disk, so the next run stores them
/// without re-encoding). Rendition files that changed files no longer use are deleted only
/// at the end, once no row refers to them: a worker may be about to reuse one.
final class BatchedWriter: Sendable {
    private struct State {
        var pending: [IngestChange] = []
        var lastCommit = Date()
        var error: (any Error)?
        var outcome = ApplyOutcome()
    }

    private let catalog: Catalog
    private let renditionRoot: URL
    private let batchSize: Int
    private let dryRun: Bool
    private let runId: Int64?
    private let state = Mutex(State())

    init(catalog: Catalog, renditionRoot: URL, batchSize: Int, dryRun: Bool, runId: Int64?) {
        self.catalog = catalog
        self.renditionRoot = renditionRoot
        self.batchSize = max(1, batchSize)
        self.dryRun = dryRun
        self.runId = runId
    }

    /// Queues changes; commits when the batch is full or old enough. Commits happen under the
    /// lock, one at a time, in arrival order.
    func add(_ changes: [IngestChange], force: Bool = false) {
        guard !dryRun else { return }
        state.withLock { state in
            state.pending += changes
            guard force || state.pending.count >= batchSize || Date().timeIntervalSince(state.lastCommit) >= 0.5,
                  !state.pending.isEmpty, state.error == nil else { return }
            let batch = state.pending
            state.pending.removeAll()
            state.lastCommit = Date()
            do {
                let outcome = try catalog.apply(batch, runId: runId)
                state.outcome.released += outcome.released
                state.outcome.failures += outcome.failures
                state.outcome.publicIds.merge(outcome.publicIds) { $1 }
            } catch {
                state.error = error
            }
        }
    }

    /// Commits what is left, deletes rendition files nothing refers to, and returns what the
    /// commits reported; rethrows the first failed commit.
    func finish() throws -> ApplyOutcome {
        add([], force: true)
        let (outcome, error) = state.withLock { ($0.outcome, $0.error) }
        if let error { throw error }
        for path in try catalog.unreferenced(outcome.released) {
            try? FileManager.default.removeItem(at: renditionRoot.appendingPathComponent(path))
        }
        return outcome
    }
}
