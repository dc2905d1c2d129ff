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
        run(count: count, jobs: jobs, timeLimit: timeLimit, order: order, extendableWork: { index, _ in work(index) },
            timedOut: timedOut, onResult: onResult)
    }

    /// The same, where a job may move its own deadline once it knows how much work it holds
    /// (a video's transcode grows with its duration, known only after probing).
    public static func run<T: Sendable>(count: Int, jobs: Int?, timeLimit: Double, order: [Int]? = nil,
                                        extendableWork work: @escaping @Sendable (Int, Deadline) -> T,
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
                onResult(job, Watchdog.run(timeLimit: timeLimit) { deadline in work(job, deadline) } ?? timedOut(job))
            }
        }
    }
}

/// When a job's watchdog gives up on it. The job itself may move it further out.
public final class Deadline: Sendable {
    private let instant: Mutex<DispatchTime>

    init(after seconds: Double) { instant = Mutex(.now() + Watchdog.clamped(seconds)) }

    /// Gives the job `seconds` more than it was first allowed.
    public func extend(by seconds: Double) {
        guard seconds > 0 else { return }
        instant.withLock { $0 = $0 + Watchdog.clamped(seconds) }
    }

    var value: DispatchTime { instant.withLock { $0 } }
}

/// Runs work on its own thread and waits for it until its deadline. On timeout the thread is
/// abandoned and its eventual result discarded.
enum Watchdog {
    static func run<T: Sendable>(timeLimit: Double, _ work: @escaping @Sendable (Deadline) -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let deadline = Deadline(after: timeLimit)
        let thread = Thread {
            let value = work(deadline)
            box.value.withLock { $0 = value }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        // Waits until the deadline as it stands then; a job that moved it gets the wait again.
        while true {
            let until = deadline.value
            if done.wait(timeout: until) == .success { return box.value.withLock { $0 } }
            if deadline.value == until { return nil }
        }
    }

    static func clamped(_ seconds: Double) -> Double {
        seconds.isFinite ? min(max(seconds, 0), 86_400 * 365) : 86_400 * 365
    }

    /// Shared between the waiting thread and the worker, which may outlive the wait.
    private final class ResultBox<T: Sendable>: Sendable {
        let value = Mutex<T?>(nil)
    }
}
