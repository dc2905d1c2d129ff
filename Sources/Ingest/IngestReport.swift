public import Renditions
/// What an ingest did with each file, and the totals staff see.
public struct IngestReport: Sendable, Codable, Equatable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case added, updated, moved, unchanged, duplicate, failed
        /// Not looked at: `--strict` stopped the run first.
        case skipped
    }

    public struct Entry: Sendable, Codable, Equatable {
        public var path: String
        public var action: Action
        /// The asset's public id, when it has one.
        public var asset: String?
        public var collection: String?
        /// The failure's reason, the duplicate's original, the move's old path.
        public var detail: String?
    }

    public var entries: [Entry] = []
    /// Files probed (and rendered): zero when nothing changed.
    public var probed = 0
    public var dryRun = false
    public var stoppedEarly = false

    public func count(_ action: Action) -> Int { entries.filter { $0.action == action }.count }

    public var hasFailures: Bool { entries.contains { $0.action == .failed } }

    /// "12 added, 0 updated, 1 moved, 40 unchanged, 2 duplicates, 1 failed".
    public var summary: String {
        let parts = [(Action.added, "added"), (.updated, "updated"), (.moved, "moved"), (.unchanged, "unchanged"),
                     (.duplicate, "duplicates"), (.failed, "failed")].map { "\(count($0.0)) \($0.1)" }
        var text = parts.joined(separator: ", ")
        if count(.skipped) > 0 { text += ", \(count(.skipped)) not looked at (--strict stopped at the first failure)" }
        if dryRun { text += " (dry run: nothing written)" }
        return text
    }
}

/// What ingest tells its caller while it runs, for a progress display.
public enum IngestEvent: Sendable {
    /// The planning pass found `total` files, `unchanged` of them skipped without reading.
    case planned(total: Int, unchanged: Int)
    /// One more file finished.
    case finished(IngestReport.Entry, done: Int, total: Int)
    /// A long piece of work on one file (a transcode) has come this far.
    case working(path: String, RenderProgress)
}
