import Foundation
import Ingest
import MediaProbe
import Renditions
import Synchronization

/// Shows an ingest's progress: on a terminal a bar updated in place (files/s, ETA, current
/// file), otherwise one plain line per file that needed work.
final class IngestProgress: Sendable {
    private struct State {
        var start = Date()
        var lastDraw = Date.distantPast
        var total = 0
        var skipped = 0
        var done = 0
        /// The latest transcode progress, shown after the current file.
        var working: String?
    }

    private let showBar: Bool
    private let state = Mutex(State())
    private let lines = WorkProgress()

    init(showBar: Bool) { self.showBar = showBar }

    func handle(_ event: IngestEvent) {
        switch event {
        case .planned(let total, let unchanged):
            state.withLock { $0.total = total; $0.skipped = unchanged; $0.start = Date() }
            if !showBar { printError("ingest: \(total) files, \(unchanged) unchanged (skipped unread), \(total - unchanged) to look at") }
        case .working(let path, let progress):
            if showBar {
                let (done, total) = state.withLock { s in
                    s.working = WorkProgress.describe(path, progress)
                    return (s.done, s.total)
                }
                draw(done: done, total: total, current: path)
            } else {
                lines.report(path, progress)
            }
        case .finished(let entry, let done, let total):
            state.withLock { $0.done = done; $0.working = nil }
            if showBar {
                draw(done: done, total: total, current: entry.path)
            } else if entry.action != .failed {
                printError("\(entry.action.rawValue) \(printable(entry.path))")
            }
        }
    }

    func end() {
        if showBar { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func draw(done: Int, total: Int, current: String) {
        let line: String? = state.withLock { s in
            let now = Date()
            guard now.timeIntervalSince(s.lastDraw) > 0.1 || done == total else { return nil }
            s.lastDraw = now
            let worked = max(1, done - s.skipped)
            let rate = Double(worked) / max(0.001, now.timeIntervalSince(s.start))
            let eta = Double(total - done) / max(rate, 0.001)
            let width = 24, filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
            let name = current.count > 40 ? "…" + current.suffix(39) : current
            if let working = s.working {
                return String(format: "\r\u{1B}[K[%@] %d/%d · %.1f files/s · %@", bar, done, total, rate, working)
            }
            return String(format: "\r\u{1B}[K[%@] %d/%d · %.1f files/s · ETA %.0f s · %@", bar, done, total, rate, eta, printable(name))
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }
}

/// Control characters escaped: file names come from the file system and may hold anything.
func printable(_ text: String) -> String { ProbeError.printable(text) }
