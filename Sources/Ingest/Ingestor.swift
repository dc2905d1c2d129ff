public import Catalog
internal import Foundation
internal import MediaProbe
internal import Renditions
internal import Synchronization

/// walk → plan (skip unchanged files unread) → hash, probe, render in parallel → one writer
/// that stores each file's asset and renditions in batched transactions.
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
        onEvent(.planned(total: plan.entries.count + plan.work.count, unchanged: plan.entries.count))
        report.entries = plan.entries
        let writer = BatchedWriter(catalog: catalog, renditionRoot: options.renditionRoot, batchSize: options.batchSize,
                                   dryRun: options.dryRun, runId: runId)
        try writer.add(plan.changes)
        for entry in plan.entries where entry.action == .failed { try writer.add(WorkResult(entry: entry)) }

        let worker = IngestWorker(catalog: catalog, options: options, prober: MediaProber(options: options.probe),
                                  claimed: SharedClaims())
        let results = ResultTable(count: plan.work.count)
        let stop = Mutex(false)
        let (work, total, alreadyDone, strict) = (plan.work, plan.work.count + plan.entries.count, plan.entries.count, options.strict)
        let done = Mutex(alreadyDone)
        Batch.run(count: work.count, jobs: options.jobs, timeLimit: options.renditions.timeLimit + options.probe.timeLimit + 5,
                  work: { index in
            if stop.withLock({ $0 }) { return WorkResult(entry: .init(path: work[index].path, action: .skipped)) }
            return worker.process(work[index])
        }, timedOut: { index in
            WorkResult(entry: .init(path: work[index].path, action: .failed, collection: work[index].collection,
                                    detail: "gave up after the time limit"))
        }, onResult: { index, result in
            if result.entry.action == .failed, strict { stop.withLock { $0 = true } }
            results.set(index, result)
            try? writer.add(result)  // a write failure surfaces in finish()
            onEvent(.finished(result.entry, done: done.withLock { $0 += 1; return $0 }, total: total))
        })
        try writer.finish()
        for result in results.all.compactMap({ $0 }) {
            var entry = result.entry
            if [.added, .updated].contains(entry.action), entry.asset == nil {
                entry.asset = writer.publicIds.withLock { $0[entry.path] }
            }
            report.entries.append(entry)
            if result.probed { report.probed += 1 }
        }
        report.entries.sort { $0.path < $1.path }
        report.stoppedEarly = report.count(.skipped) > 0
        if let runId {
            try catalog.finishRun(runId, counts: (report.count(.added), report.count(.updated), report.count(.moved),
                                                  report.count(.unchanged), report.count(.duplicate), report.count(.failed)))
        }
        return report
    }
}

/// Results by index, filled from worker threads.
final class ResultTable: Sendable {
    private let values: Mutex<[WorkResult?]>
    init(count: Int) { values = Mutex(Array(repeating: nil, count: count)) }
    func set(_ index: Int, _ value: WorkResult) { values.withLock { $0[index] = value } }
    var all: [WorkResult?] { values.withLock { $0 } }
}
