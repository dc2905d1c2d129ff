import Synchronization

/// Collects results that finish in any order and hands them to `emit` in input order, as soon
/// as every earlier one has arrived, so output streams while later files are still probed.
final class OrderedPrinter<Outcome: Sendable>: Sendable {
    private struct State {
        var pending: [Int: Outcome] = [:]
        var next = 0
        var done: [Outcome] = []
    }

    private let state = Mutex(State())
    private let emit: @Sendable (Outcome) -> Void

    init(emit: @escaping @Sendable (Outcome) -> Void) {
        self.emit = emit
    }

    func deliver(_ index: Int, _ outcome: Outcome) {
        state.withLock { state in
            state.pending[index] = outcome
            while let ready = state.pending.removeValue(forKey: state.next) {
                emit(ready)
                state.done.append(ready)
                state.next += 1
            }
        }
    }

    /// Everything delivered so far, in input order.
    var outcomes: [Outcome] { state.withLock { $0.done } }
}
