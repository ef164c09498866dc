import Synchronization

/// The snapshot every request reads, and the browsers listening for the next one.
final class SiteState: Sendable {
    private struct Storage {
        var snapshot = SiteSnapshot()
        var listeners: [Int: AsyncStream<Update>.Continuation] = [:]
        var nextListener = 0
        var closed = false
    }

    /// What a listener receives: a new state, or a keep-alive (which is also how a listener
    /// whose browser went away is noticed: writing to it fails).
    enum Update: Sendable {
        case state(SiteSnapshot)
        case keepAlive
    }

    /// How often an idle event stream sends a comment line.
    static let keepAliveSeconds = 15

    private let storage = Mutex(Storage())

    var snapshot: SiteSnapshot { storage.withLock { $0.snapshot } }

    /// Replaces the snapshot, with the times of its changes, and tells every listener.
    func publish(_ snapshot: SiteSnapshot) {
        storage.withLock { storage in
            let snapshot = snapshot.stamped(after: storage.snapshot, at: .now)
            storage.snapshot = snapshot
            for listener in storage.listeners.values { listener.yield(.state(snapshot)) }
        }
    }

    /// The states from now on, starting with the current one; finished by `close()`.
    func updates() -> AsyncStream<Update> {
        let (stream, continuation) = AsyncStream.makeStream(of: Update.self, bufferingPolicy: .bufferingNewest(8))
        let keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(Self.keepAliveSeconds))
                continuation.yield(.keepAlive)
            }
        }
        let id: Int? = storage.withLock { storage in
            guard !storage.closed else { return nil }
            let id = storage.nextListener
            storage.nextListener += 1
            storage.listeners[id] = continuation
            continuation.yield(.state(storage.snapshot))
            return id
        }
        continuation.onTermination = { [weak self] _ in
            keepAlive.cancel()
            if let id { self?.storage.withLock { _ = $0.listeners.removeValue(forKey: id) } }
        }
        if id == nil { continuation.finish() }
        return stream
    }

    /// Ends every stream, now and later: the server is stopping.
    func close() {
        let listeners = storage.withLock { storage in
            storage.closed = true
            defer { storage.listeners = [:] }
            return Array(storage.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }
}
