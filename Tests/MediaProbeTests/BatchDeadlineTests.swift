import Foundation
import Synchronization
import Testing
@testable import MediaProbe

/// A job may move its watchdog's deadline (a long clip, once probed); one that does not is given up.
struct BatchDeadlineTests {
    func run(extending seconds: Double) -> [String] {
        let results = Mutex<[String]>([])
        Batch.run(count: 1, jobs: 1, timeLimit: 0.2, extendableWork: { _, deadline in
            deadline.extend(by: seconds)
            Thread.sleep(forTimeInterval: 0.5)
            return "finished"
        }, timedOut: { _ in "gave up" }, onResult: { _, result in results.withLock { $0.append(result) } })
        return results.withLock { $0 }
    }

    @Test func extendedJobFinishes() { #expect(run(extending: 2) == ["finished"]) }
    @Test func jobPastItsDeadlineIsGivenUp() { #expect(run(extending: 0) == ["gave up"]) }
}
