import Synchronization

/// Collects results that finish in any order and hands them to `emit` in input order, as soon
/// as every earlier one has arrived, so output streams while later files are still probed.
final class OrderedPrinter: Sendable {
    private struct State {
        var pending: [Int: ProbeOutcome] = [:]
        var next = 0
        var done: [ProbeOutcome] = []
    }

    private let state = Mutex(State())
    private let emit: @Sendable (ProbeOutcome) -> Void

    init(emit: @escaping @Sendable (ProbeOutcome) -> Void) {
        self.emit = emit
    }

    func deliver(_ index: Int, _ outcome: ProbeOutcome) {
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
    var outcomes: [ProbeOutcome] { state.withLock { $0.done } }
}
