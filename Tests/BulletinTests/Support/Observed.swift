import Synchronization

/// A value that something else changes (a child process's output, the states a preview
/// published) and a test waits on. `wait` returns as soon as a change makes the value meet
/// the condition: the change itself wakes it, nothing is polled, and no test depends on how
/// fast the machine is. The deadline only decides when to give up and fail.
final class Observed<Value: Sendable>: Sendable {
    private struct Waiter {
        let condition: @Sendable (Value) -> Bool
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var value: Value
        var waiters: [Int: Waiter] = [:]
        var nextWaiter = 0
        /// Waits given up (deadline or cancellation) before they were listed.
        var abandoned: Set<Int> = []
    }

    private let state: Mutex<State>

    init(_ value: Value) {
        state = Mutex(State(value: value))
    }

    var value: Value { state.withLock { $0.value } }

    /// Changes the value, and wakes every wait whose condition it now meets.
    func update(_ change: (inout Value) -> Void) {
        let met = state.withLock { state in
            change(&state.value)
            let ready = state.waiters.filter { $0.value.condition(state.value) }.map(\.key)
            return ready.compactMap { state.waiters.removeValue(forKey: $0)?.continuation }
        }
        for continuation in met { continuation.resume(returning: true) }
    }

    /// Whether the value meets `condition`, now or after a change within `seconds`.
    func wait(seconds: Double = 30, until condition: @escaping @Sendable (Value) -> Bool) async -> Bool {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        let deadline = Task { [self] in
            try? await Task.sleep(for: .seconds(seconds))
            if !Task.isCancelled { abandon(id) }
        }
        defer { deadline.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let now: Bool? = state.withLock { state in
                    if condition(state.value) { return true }
                    if state.abandoned.remove(id) != nil { return false }
                    state.waiters[id] = Waiter(condition: condition, continuation: continuation)
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            abandon(id)
        }
    }

    private func abandon(_ id: Int) {
        let waiter = state.withLock { state in
            guard let waiter = state.waiters.removeValue(forKey: id) else {
                state.abandoned.insert(id)
                return nil as Waiter?
            }
            return waiter
        }
        waiter?.continuation.resume(returning: false)
    }
}
