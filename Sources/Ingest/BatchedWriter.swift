internal import Catalog
internal import Foundation
internal import Synchronization

/// The one writer to the catalog: collects changes from the workers and commits them in
/// transactions of `batchSize` changes, or of what arrived in the last half second, whichever
/// comes first. SQLite is never written from two threads, and a crash loses at most the last
/// uncommitted batch (whose renditions are already on disk, so the next run stores them
/// without re-encoding).
final class BatchedWriter: Sendable {
    private struct State {
        var pending: [IngestChange] = []
        var lastCommit = Date()
        var error: (any Error)?
    }

    private let catalog: Catalog
    private let renditionRoot: URL
    private let batchSize: Int
    private let dryRun: Bool
    private let runId: Int64?
    private let state = Mutex(State())
    /// Public ids of assets stored in this run, by source path, for the report.
    let publicIds = Mutex<[String: String]>([:])

    init(catalog: Catalog, renditionRoot: URL, batchSize: Int, dryRun: Bool, runId: Int64?) {
        self.catalog = catalog
        self.renditionRoot = renditionRoot
        self.batchSize = max(1, batchSize)
        self.dryRun = dryRun
        self.runId = runId
    }

    func add(_ result: WorkResult) throws {
        var changes = result.change.map { [$0] } ?? []
        if result.entry.action == .failed, let runId {
            changes.append(.failure(runId: runId, sourcePath: result.entry.path, reason: result.entry.detail ?? "failed"))
        }
        try add(changes)
    }

    func add(_ changes: [IngestChange]) throws {
        guard !dryRun, !changes.isEmpty else { return }
        let batch: [IngestChange]? = state.withLock { state in
            state.pending += changes
            guard state.pending.count >= batchSize || Date().timeIntervalSince(state.lastCommit) >= 0.5 else { return nil }
            defer {
                state.pending.removeAll()
                state.lastCommit = Date()
            }
            return state.pending
        }
        if let batch { try commit(batch) }
    }

    /// Commits what is left; rethrows the first failed commit.
    func finish() throws {
        let rest = state.withLock { state in
            defer { state.pending.removeAll() }
            return state.pending
        }
        if !rest.isEmpty { try commit(rest) }
        if let error = state.withLock({ $0.error }) { throw error }
    }

    /// Serialised by the lock: one transaction at a time.
    private func commit(_ batch: [IngestChange]) throws {
        try state.withLock { state in
            do {
                // Renditions of changed files that nothing refers to any more: after the commit,
                // so a crash before it leaves the old rows pointing at files that still exist.
                for path in try catalog.apply(batch) {
                    try? FileManager.default.removeItem(at: renditionRoot.appendingPathComponent(path))
                }
                let stored = batch.compactMap { change -> String? in
                    if case .store(let path, _, _, _) = change { return path } else { return nil }
                }
                for path in stored {
                    if let asset = try catalog.asset(sourcePath: path) { publicIds.withLock { $0[path] = asset.publicId } }
                }
            } catch {
                if state.error == nil { state.error = error }
                throw error
            }
        }
    }
}
