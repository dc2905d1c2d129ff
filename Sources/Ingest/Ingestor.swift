public import Catalog
internal import Foundation
internal import MediaProbe
internal import Renditions
internal import Synchronization

/// walk → plan (skip unchanged files unread) → hash in parallel → decide where each asset's
/// bytes went → probe and render in parallel → one writer storing each file's asset and
/// renditions in batched transactions.
public struct Ingestor: Sendable {
    public let catalog: Catalog
    public let options: IngestOptions

    public init(catalog: Catalog, options: IngestOptions) {
        self.catalog = catalog
        self.options = options
    }

    /// Ingests the files under `paths`.
    /// - Parameter onEvent: progress, called from worker threads.
    public func run(_ paths: [String], arguments: String = "",
                    onEvent: @escaping @Sendable (IngestEvent) -> Void = { _ in }) throws -> IngestReport {
        var report = IngestReport()
        report.dryRun = options.dryRun
        let runId = options.dryRun ? nil : try catalog.startRun(arguments: arguments)
        let plan = try IngestPlan.make(paths, catalog: catalog, options: options)
        let total = plan.entries.count + plan.work.count
        onEvent(.planned(total: total, unchanged: plan.entries.filter { $0.action == .unchanged }.count))
        let progress = Progress(done: plan.entries.count, total: total, onEvent: onEvent)
        let writer = BatchedWriter(catalog: catalog, renditionRoot: options.renditionRoot, batchSize: options.batchSize,
                                   dryRun: options.dryRun, runId: runId)
        writer.add(plan.changes + plan.entries.filter { $0.action == .failed }.compactMap { failure($0, runId) })
        var entries = plan.entries
        let stop = StopFlag(options.strict && entries.contains { $0.action == .failed })

        // Hash every file that needs work, then decide for all of them at once.
        let hashes = hash(plan.work, stop: stop)
        var hashed: [HashedItem] = []
        for (item, result) in zip(plan.work, hashes) {
            switch result {
            case .success(let hash): hashed.append(HashedItem(item: item, hash: hash))
            case .failure(let failed):
                entries.append(failed.entry)
                if failed.entry.action == .failed { writer.add(failure(failed.entry, runId).map { [$0] } ?? []) }
                progress.finished(failed.entry)
            }
        }
        let decisions = try IngestDecision.decide(hashed, assetsWithHash: catalog.assets(sha256:)) { asset in
            guard let stat = LibraryWalker.fingerprint(options.libraryRoot.appendingPathComponent(asset.sourcePath)) else { return false }
            return stat.size == asset.fileSize && stat.modifiedAt == asset.modifiedAt
        }
        var quick: [IngestChange] = []
        var moves: [Move] = []
        var toRender: [(HashedItem, Int64?)] = []
        for decision in decisions {
            var entry: IngestReport.Entry
            switch decision {
            case .touch(let h, let id):
                entry = .init(path: h.item.path, action: .unchanged, collection: h.item.collection)
                quick.append(.touch(assetId: id, fileSize: h.item.size, modifiedAt: h.item.modifiedAt))
                if !h.item.description.values.isEmpty { quick.append(.describe(assetId: id, description: h.item.description)) }
            case .move(let h, let asset):
                entry = .init(path: h.item.path, action: .moved, asset: asset.publicId, collection: h.item.collection,
                              detail: "from \(asset.sourcePath)")
                moves.append(Move(assetId: asset.id!, path: h.item.path, fileSize: h.item.size, modifiedAt: h.item.modifiedAt,
                                  collectionSlug: h.item.collection, description: h.item.description))
            case .duplicate(let h, let original):
                entry = .init(path: h.item.path, action: .duplicate, collection: h.item.collection, detail: "same bytes as \(original)")
            case .refuse(let h, let reason):
                entry = .init(path: h.item.path, action: .failed, collection: h.item.collection, detail: reason)
                quick += failure(entry, runId).map { [$0] } ?? []
            case .render(let h, let existing):
                toRender.append((h, existing))
                continue
            }
            entries.append(entry)
            progress.finished(entry)
        }
        // Moves first, all in one change (swaps), before any new asset takes a vacated path.
        writer.add((moves.isEmpty ? [] : [.moves(moves)]) + quick, force: true)
        if options.strict, entries.contains(where: { $0.action == .failed }) { stop.set() }

        let rendered = render(toRender, writer: writer, runId: runId, stop: stop, progress: progress, onEvent: onEvent)
        let outcome = try writer.finish()
        entries += rendered
        report.probed = rendered.filter { $0.action != .skipped }.count
        report.entries = entries.map { entry in
            var entry = entry
            if let failure = outcome.failures.first(where: { $0.path == entry.path }) {
                entry.action = .failed
                entry.detail = failure.reason
            } else if entry.asset == nil {
                entry.asset = outcome.publicIds[entry.path]
            }
            return entry
        }.sorted { $0.path < $1.path }
        report.stoppedEarly = report.count(.skipped) > 0
        if let runId {
            try catalog.finishRun(runId, counts: (report.count(.added), report.count(.updated), report.count(.moved),
                                                  report.count(.unchanged), report.count(.duplicate), report.count(.failed)))
        }
        return report
    }

    private func failure(_ entry: IngestReport.Entry, _ runId: Int64?) -> IngestChange? {
        runId.map { .failure(runId: $0, sourcePath: entry.path, reason: entry.detail ?? "failed") }
    }

    /// SHA-256 of every work item, in parallel; failures become report entries.
    private func hash(_ work: [WorkItem], stop: StopFlag) -> [Result<String, IngestEntryFailure>] {
        let table = Table<Result<String, IngestEntryFailure>>(count: work.count)
        let strict = options.strict
        Batch.run(count: work.count, jobs: options.jobs, timeLimit: 600, work: { index in
            let item = work[index]
            if stop.isSet { return .failure(IngestEntryFailure(entry: .init(path: item.path, action: .skipped))) }
            do {
                return .success(try SourceHash.sha256(path: item.url.path))
            } catch {
                if strict { stop.set() }
                return .failure(IngestEntryFailure(entry: .init(path: item.path, action: .failed, collection: item.collection,
                                                                detail: IngestRenderer.reason(error))))
            }
        }, timedOut: { index in
            .failure(IngestEntryFailure(entry: .init(path: work[index].path, action: .failed, detail: "reading the file timed out")))
        }, onResult: { index, result in table.set(index, result) })
        return table.values.map { $0 ?? .failure(IngestEntryFailure(entry: .init(path: "?", action: .failed))) }
    }

    /// Probes and renders in parallel, largest files first; each result goes to the writer as
    /// it arrives.
    private func render(_ items: [(HashedItem, Int64?)], writer: BatchedWriter, runId: Int64?, stop: StopFlag,
                        progress: Progress, onEvent: @escaping @Sendable (IngestEvent) -> Void) -> [IngestReport.Entry] {
        let renderer = IngestRenderer(options: options, prober: MediaProber(options: options.probe))
        let table = Table<IngestReport.Entry>(count: items.count)
        let strict = options.strict
        // Largest first keeps both cores busy to the end; --strict keeps path order, so "the
        // first failure" means the first in the listing.
        let order = strict ? Array(items.indices) : items.indices.sorted { items[$0].0.item.size > items[$1].0.item.size }
        Batch.run(count: items.count, jobs: options.jobs, timeLimit: options.renditions.timeLimit + options.probe.timeLimit + 5,
                  order: order, extendableWork: { index, deadline in
            let (hashed, existing) = items[index]
            if stop.isSet { return RenderResult(entry: .init(path: hashed.item.path, action: .skipped)) }
            return renderer.render(hashed, existing: existing, deadline: deadline, onEvent: onEvent)
        }, timedOut: { index in
            RenderResult(entry: .init(path: items[index].0.item.path, action: .failed, collection: items[index].0.item.collection,
                                      detail: "gave up after the time limit"))
        }, onResult: { index, result in
            if result.entry.action == .failed, strict { stop.set() }
            var changes = result.change.map { [$0] } ?? []
            if result.entry.action == .failed, let runId {
                changes.append(.failure(runId: runId, sourcePath: result.entry.path, reason: result.entry.detail ?? "failed"))
            }
            writer.add(changes)
            table.set(index, result.entry)
            progress.finished(result.entry)
        })
        return table.values.compactMap { $0 }
    }
}

/// Set once to stop a run (`--strict` after a failure).
final class StopFlag: Sendable {
    private let flag: Mutex<Bool>
    init(_ initial: Bool = false) { flag = Mutex(initial) }
    var isSet: Bool { flag.withLock { $0 } }
    func set() { flag.withLock { $0 = true } }
}

/// A report entry carried as an error through `Result`.
struct IngestEntryFailure: Error {
    var entry: IngestReport.Entry
}

/// Values by index, filled from worker threads.
final class Table<Value: Sendable>: Sendable {
    private let storage: Mutex<[Value?]>
    init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }
    func set(_ index: Int, _ value: Value) { storage.withLock { $0[index] = value } }
    var values: [Value?] { storage.withLock { $0 } }
}

/// Counts finished files for progress events.
final class Progress: Sendable {
    private let done: Mutex<Int>
    private let total: Int
    private let onEvent: @Sendable (IngestEvent) -> Void

    init(done: Int, total: Int, onEvent: @escaping @Sendable (IngestEvent) -> Void) {
        self.done = Mutex(done)
        self.total = total
        self.onEvent = onEvent
    }

    func finished(_ entry: IngestReport.Entry) {
        let count = done.withLock { $0 += 1; return $0 }
        onEvent(.finished(entry, done: count, total: total))
    }
}
