internal import Foundation
internal import Synchronization

extension MediaProber {
    /// Probes many files on `jobs` threads. Each file runs on its own thread under a watchdog:
    /// a file that exceeds the time limit is reported as timed out and the batch moves on.
    /// - Parameter onResult: called as each file finishes (from a worker thread), with its index.
    /// - Parameter jobs: threads to use; nil for one per core.
    public func probeAll(_ paths: [String], jobs: Int? = nil,
                         onResult: @escaping @Sendable (Int, Result<MediaInfo, ProbeError>) -> Void) {
        let next = Mutex(0)
        let prober = self
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, paths.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index: Int = next.withLock { value in
                    defer { value += 1 }
                    return value
                }
                guard index < paths.count else { return }
                let path = paths[index]
                // A little slack over the limit lets libavformat's own interrupt report first.
                let result = Watchdog.run(timeLimit: prober.options.timeLimit + 1) {
                    Result { () throws(ProbeError) in try prober.probe(path: path) }
                } ?? .failure(ProbeError(path: path, reason: .timedOut(seconds: prober.options.timeLimit)))
                onResult(index, result)
            }
        }
    }
}

/// Runs work on its own thread and waits at most `timeLimit` seconds for it. On timeout the
/// thread is abandoned (C parsers cannot be cancelled) and its eventual result discarded.
enum Watchdog {
    static func run<T: Sendable>(timeLimit: Double, _ work: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let value = work()
            box.value.withLock { $0 = value }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + timeLimit) == .success else { return nil }
        return box.value.withLock { $0 }
    }

    /// Shared between the waiting thread and the worker, which may outlive the wait.
    private final class ResultBox<T: Sendable>: Sendable {
        let value = Mutex<T?>(nil)
    }
}
