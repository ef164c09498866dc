// Glibc before Dispatch: with MemberImportVisibility, a C type such as `stat` belongs to the
// module through which the compiler first meets it, and this file is the module's first; met
// through Dispatch, the other files (which import Glibc alone) could not use its members.
#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Where the preview's builder runs: a serial dispatch queue of its own, as a task executor.
///
/// A full build keeps a core busy for seconds on a large site. On the cooperative pool (as
/// many threads as cores) it would hold one of the threads every request's handler runs on;
/// a queue of its own is served by a thread outside that pool (libdispatch starts one for a
/// queue with work to do), and NIO's event loops have their own threads too. The builder's
/// task prefers this executor (`withTaskExecutorPreference`), so its code between awaits,
/// the builds included, runs here, while its awaits (the next batch of file events) hold no
/// thread at all.
final class BuildExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "bulletin.preview.builder")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
