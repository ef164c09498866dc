#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ServiceLifecycle
import Synchronization

/// Watches the content and templates folders with inotify, every folder below them too,
/// and hands out what changed in batches (`batches`): the events of one save (an editor's
/// write, rename and delete) arrive together, after a short quiet spell.
///
/// A `Service`. Watching starts when it is made, so that nothing saved during the first build
/// is missed; `run()` then reads the kernel's queue on a thread of its own, because reading
/// blocks in `poll` for as long as the server runs, which would take one of the few threads
/// of the cooperative pool (two on a two-core machine) away from the requests. Graceful
/// shutdown or cancellation wakes that thread through a pipe; `batches` ends, and `run()`
/// returns once the thread has.
final class FileWatcher: Service {
    /// One of the two watched folders.
    enum Root: Hashable, Sendable {
        case content
        case templates
    }

    /// Something happened to a file or folder at `path`, relative to its root.
    struct Touch: Hashable, Sendable {
        var root: Root
        var path: String
        /// Whether it is (or was) a folder: a folder's arrival or departure changes the tree.
        var isFolder: Bool
    }

    /// What changed since the last batch.
    struct Batch: Sendable, Equatable {
        var touches: Set<Touch> = []
        /// The kernel's queue overflowed (or a watched folder moved): anything may have changed.
        var overflowed = false

        /// This batch and a later one as one: what either touched.
        func merged(with later: Batch) -> Batch {
            Batch(touches: touches.union(later.touches), overflowed: overflowed || later.overflowed)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// How long the folders must stay quiet before a batch is handed out. A save is a burst
    /// of events microseconds apart; this is well under what a person notices.
    static let quietMilliseconds: Int32 = 8
    /// A batch is handed out after this long even if events keep coming (a `git checkout`).
    static let longestWait = Duration.milliseconds(300)

    /// The folders watched, as absolute paths.
    let roots: [Root: String]
    /// The pipe that wakes the reading thread: written once to stop it, never read.
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// The kernel's queue, from `init` until the thread `run()` starts takes it: one thread
    /// at a time holds it, and only that thread ever reads it.
    private let queue: Mutex<InotifyQueue?>
    /// What the thread read and `batches` has not handed out yet, as one batch.
    private let pending = Mutex<Batch?>(nil)
    /// An element whenever `pending` got something (at most one waits: they say the same).
    private let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    /// Starts watching `content` and `templates` (absolute paths of folders).
    init(content: String, templates: String) throws(Failure) {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw Failure(description: "cannot watch files: \(String(cString: strerror(errno)))") }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        roots = [.content: content, .templates: templates]
        do {
            queue = Mutex(try InotifyQueue(roots: roots, wake: pipeEnds[0]))
        } catch {
            close(pipeEnds[0])
            close(pipeEnds[1])
            throw error
        }
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    deinit {
        // The thread holds the watcher until it ends: nobody polls the pipe any more.
        close(wakeRead)
        close(wakeWrite)
    }

    /// Reads the queue on a thread of its own until graceful shutdown or cancellation.
    func run() async {
        await withTaskCancellationOrGracefulShutdownHandler {
            await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
                let thread = Thread { [self] in
                    if let queue = queue.withLock({ $0.take() }) {
                        while let batch = queue.next() { hand(batch) }
                    }
                    // Stopping: what was saved meanwhile is not built any more.
                    _ = takePending()
                    signal.finish()
                    finished.resume()
                }
                thread.name = "bulletin watcher"
                thread.start()
            }
        } onCancelOrGracefulShutdown: { [wakeWrite] in
            // Wakes `InotifyQueue.next()`, now or whenever it next waits.
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
    }

    /// What changed, batch after batch, until the watcher stops. Each batch holds everything
    /// read since the last one was taken: saves made while the builder was busy (a full
    /// build takes seconds on a large site) come as one batch, and so cost one more update,
    /// not one each. For one reader: the builder.
    var batches: Batches { Batches(watcher: self) }

    // MARK: - Handing batches over

    private func hand(_ batch: Batch) {
        pending.withLock { pending in pending = pending.map { $0.merged(with: batch) } ?? batch }
        signal.yield()
    }

    fileprivate func takePending() -> Batch? {
        pending.withLock { $0.take() }
    }

    fileprivate func makeSignalIterator() -> AsyncStream<Void>.Iterator {
        signals.makeAsyncIterator()
    }
}

extension FileWatcher {
    /// `FileWatcher.batches`.
    struct Batches: AsyncSequence, Sendable {
        typealias Element = Batch
        typealias Failure = Never

        let watcher: FileWatcher

        func makeAsyncIterator() -> Iterator {
            Iterator(watcher: watcher, signals: watcher.makeSignalIterator())
        }

        struct Iterator: AsyncIteratorProtocol {
            typealias Element = Batch
            typealias Failure = Never

            let watcher: FileWatcher
            var signals: AsyncStream<Void>.Iterator

            mutating func next() async -> Batch? {
                // A signal whose batch an earlier call took along with its own finds nothing.
                while await signals.next() != nil {
                    if let batch = watcher.takePending() { return batch }
                }
                return nil
            }
        }
    }
}
