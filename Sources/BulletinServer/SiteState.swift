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

    /// The states from now on, starting with the current one; finished by `close()`. A
    /// stream asked for after `close()` has the current state alone: a page that connects
    /// while the server stops still checks it once.
    func updates() -> AsyncStream<Update> {
        let (stream, continuation) = AsyncStream.makeStream(of: Update.self, bufferingPolicy: .bufferingNewest(8))
        let id = storage.withLock { storage in
            defer { storage.nextListener += 1 }
            return storage.nextListener
        }
        let keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(Self.keepAliveSeconds))
                continuation.yield(.keepAlive)
            }
        }
        // Set before the stream is listed, so that however it ends, `close()` or the browser
        // going away, the keep-alive stops and the listing goes.
        continuation.onTermination = { [weak self] _ in
            keepAlive.cancel()
            self?.storage.withLock { _ = $0.listeners.removeValue(forKey: id) }
        }
        let listed = storage.withLock { storage in
            continuation.yield(.state(storage.snapshot))
            guard !storage.closed else { return false }
            storage.listeners[id] = continuation
            return true
        }
        if !listed { continuation.finish() }
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
