internal import Foundation

/// Collects results that batch runners deliver from worker threads, by index.
public final class ResultCollector<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [T?]

    public init(count: Int) { values = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: T) { lock.withLock { values[index] = value } }

    public var all: [T?] { lock.withLock { values } }
}
