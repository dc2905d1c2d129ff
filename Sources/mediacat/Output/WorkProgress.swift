import Foundation
import Renditions
import Synchronization

/// Shows how long transcodes are going, on standard error: "web video westport-united-2.mp4
/// 40% · 3.2× realtime". Lines for one file come at most every few seconds, and only once it has
/// run a while, so short clips stay quiet. On a terminal the caller draws it in place instead.
final class WorkProgress: Sendable {
    private struct Shown {
        var started: Date
        var last: Date
    }

    private let state = Mutex<[String: Shown]>([:])
    private let interval: TimeInterval

    init(interval: TimeInterval = 5) { self.interval = interval }

    /// The text for one file's progress.
    static func describe(_ path: String, _ progress: RenderProgress) -> String {
        let percent = Int((progress.fraction * 100).rounded(.down))
        return String(format: "%@ %@ %d%% · %.1f× realtime", progress.stage, printable(path), percent, progress.speed)
    }

    /// Prints a line when this file has worked for `interval` seconds since its last one.
    func report(_ path: String, _ progress: RenderProgress) {
        let now = Date()
        let due: Bool = state.withLock { shown in
            guard let seen = shown[path] else {
                shown[path] = Shown(started: now, last: now)
                return false
            }
            guard now.timeIntervalSince(seen.last) >= interval || (progress.fraction >= 1 && now.timeIntervalSince(seen.started) >= interval)
            else { return false }
            shown[path]?.last = now
            return true
        }
        if due { printError(Self.describe(path, progress)) }
    }
}
