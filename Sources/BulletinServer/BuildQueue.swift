// Glibc before Dispatch: with MemberImportVisibility, a C type such as `stat` belongs to the
// module through which the compiler first meets it, and this file is the module's first; met
// through Dispatch, the other files (which import Glibc alone) could not use its members.
#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Where the preview's builds run: a serial dispatch queue of its own.
///
/// A full build keeps a core busy for seconds on a large site. On the cooperative pool (as
/// many threads as cores) it would hold one of the threads every request's handler runs on;
/// a queue of its own is served by a thread outside that pool (libdispatch starts one for a
/// queue with work to do), and NIO's event loops have their own threads too. The builder's
/// task awaits each piece of work here and holds no thread meanwhile.
///
/// Plain work items and a continuation, not a task executor: a task whose executor
/// preference is a dispatch queue crashed the test process now and then (a freed task's
/// frame read on the queue), and nothing here needs the task itself to move.
final class BuildQueue: Sendable {
    private let queue = DispatchQueue(label: "bulletin.preview.builder")

    /// Runs `work` on the queue, after what was given before, and returns when it has.
    func run(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            queue.async {
                work()
                finished.resume()
            }
        }
    }
}
