internal import Foundation
internal import Synchronization

extension MediaProber {
    /// Probes many files in parallel, each under the time limit (see `Batch`).
    /// - Parameters:
    ///   - jobs: threads to use; nil for one per core.
    ///   - onResult: called as each file finishes (from a worker thread), with its index.
    public func probeAll(_ paths: [String], jobs: Int? = nil,
                         onResult: @escaping @Sendable (Int, Result<MediaInfo, ProbeError>) -> Void) {
        let prober = self
        Batch.run(count: paths.count, jobs: jobs, timeLimit: options.timeLimit + 1, work: { index in
            Result { () throws(ProbeError) in try prober.probe(path: paths[index]) }
        }, timedOut: { index in
            .failure(ProbeError(path: paths[index], reason: .timedOut(seconds: prober.options.timeLimit)))
        }, onResult: onResult)
    }
}

/// Runs many independent jobs on `jobs` threads. Each job runs on its own thread under a
/// watchdog: one that exceeds the time limit is reported through `timedOut` and the batch
/// moves on (C parsers and decoders cannot be cancelled, so its thread is abandoned).
public enum Batch {
    /// - Parameter order: the order to start jobs in (indices); largest first keeps the cores
    ///   busy to the end of a batch. Results still carry their original index.
    public static func run<T: Sendable>(count: Int, jobs: Int?, timeLimit: Double, order: [Int]? = nil,
                                        work: @escaping @Sendable (Int) -> T,
                                        timedOut: @escaping @Sendable (Int) -> T,
                                        onResult: @escaping @Sendable (Int, T) -> Void) {
        let order = order ?? Array(0..<count)
        let next = Mutex(0)
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index: Int = next.withLock { value in
                    defer { value += 1 }
                    return value
                }
                guard index < order.count else { return }
                let job = order[index]
                onResult(job, Watchdog.run(timeLimit: timeLimit) { work(job) } ?? timedOut(job))
            }
        }
    }
}

/// Runs work on its own thread and waits at most `timeLimit` seconds for it. On timeout the
/// thread is abandoned and its eventual result discarded.
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
        let wait = timeLimit.isFinite ? min(max(timeLimit, 0), 86_400 * 365) : 86_400 * 365
        guard done.wait(timeout: .now() + wait) == .success else { return nil }
        return box.value.withLock { $0 }
    }

    /// Shared between the waiting thread and the worker, which may outlive the wait.
    private final class ResultBox<T: Sendable>: Sendable {
        let value = Mutex<T?>(nil)
    }
}
