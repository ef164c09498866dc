import Dispatch
import Synchronization

/// Data parallelism for the pure phases (parse, render), with results in input order so
/// that the output never depends on scheduling.
package enum Parallel {
    /// How many threads a build may use, when it says (`BuildOptions.workers`); the
    /// machine's active processors otherwise.
    @TaskLocal package static var workers: Int?

    /// The number of worker threads.
    package static var width: Int { max(1, workers ?? ProcessInfoLite.activeProcessorCount) }

    /// `items.map(transform)`, computed on every core.
    ///
    /// The workers take the items a few at a time from a shared counter rather than in
    /// fixed shares: items differ in cost (a term page of 400 cards, an article of one), and
    /// fixed shares left one core working alone at the end of each map (a tenth of a second
    /// at the end of the 10,000-article render). Each take is a share of the items left
    /// (`takeShare`), so takes shrink as the map goes on and the last ones are single items:
    /// the workers end together, however the costs fall. (A fixed take, 1/128 of the items,
    /// left one core rendering the last 117 list pages alone, 40 ms of a 10,000-article
    /// build.) Each result goes to its item's place, so the order never depends on which
    /// worker made it.
    package static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        if items.count < 2 || width == 1 { return items.map(transform) }
        let count = items.count
        let width = width
        let next = Atomic<Int>(0)
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            let results = ResultSlots(buffer.baseAddress!)
            withoutActuallyEscaping(transform) { transform in
                DispatchQueue.concurrentPerform(iterations: width) { _ in
                    var start = next.load(ordering: .relaxed)
                    while start < count {
                        let end = takeEnd(from: start, of: count, width: width)
                        let (taken, found) = next.compareExchange(expected: start, desired: end, ordering: .relaxed)
                        guard taken else {
                            start = found
                            continue
                        }
                        for index in start..<end {
                            results.initialize(index, to: transform(items[index]))
                        }
                        start = next.load(ordering: .relaxed)
                    }
                }
            }
            initialized = count
        }
    }

    /// Where a take of `map` that starts at `start` ends: the items left divided by
    /// `takeShare` per worker, at least one. Small enough that the last takes end together,
    /// large enough that the counter is touched rarely (a map of n items takes about
    /// 16 × width × ln(n) times).
    static func takeEnd(from start: Int, of count: Int, width: Int) -> Int {
        start + max(1, (count - start) / (width * takeShare))
    }

    static let takeShare = 16

    /// Where the workers of `map` put their results: each initialises slots no other
    /// touches, and the map reads them only once every worker is done.
    private struct ResultSlots<Result>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Result>

        init(_ base: UnsafeMutablePointer<Result>) {
            self.base = base
        }

        func initialize(_ index: Int, to value: consuming Result) {
            (base + index).initialize(to: value)
        }
    }

    /// `(first(), second())`, the second computed on a thread of its own while this one
    /// computes the first (each may use `map` on every core): for parts of a phase that do not
    /// read each other, so that the stretches one spends on a single core leave no core idle.
    /// (A thread outside the worker pool: `map` called from inside the pool runs on one core.)
    /// One after the other when the build has one worker.
    package static func both<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        if width == 1 { return (first(), second()) }
        // The task-local settings go with it: a thread of its own does not inherit them.
        let (workers, processEndsAfter) = (workers, processEndsAfter)
        let result = Mutex<B?>(nil)
        let job = Job {
            let value = Parallel.$workers.withValue(workers) {
                Parallel.$processEndsAfter.withValue(processEndsAfter) { second() }
            }
            result.withLock { $0 = value }
        }
        var thread = pthread_t()
        let opaque = Unmanaged.passRetained(job).toOpaque()
        guard pthread_create(&thread, nil, { job in
            Unmanaged<Job>.fromOpaque(job!).takeRetainedValue().body()
            return nil
        }, opaque) == 0 else {
            Unmanaged<Job>.fromOpaque(opaque).release()
            return (first(), second())
        }
        let a = first()
        pthread_join(thread, nil)
        return (a, result.withLock { $0.take()! })
    }

    private final class Job: Sendable {
        let body: @Sendable () -> Void

        init(_ body: @escaping @Sendable () -> Void) {
            self.body = body
        }
    }

    /// Lets go of `value` on another thread, then runs `afterwards` there: freeing the last
    /// build of a large site (the values of 10,000 articles) takes tens of milliseconds that
    /// nothing needs to wait for.
    package static func release<Value: Sendable>(
        _ value: consuming Value, then afterwards: @escaping @Sendable () -> Void = {}
    ) {
        let parcel = Parcel(value)
        DispatchQueue.global(qos: .utility).async {
            parcel.empty()
            afterwards()
        }
    }

    /// Whether the process ends once this build is over (`bulletin build`, not the preview):
    /// then the values a build lets go of at its end (`releaseAtEnd`) are left to the
    /// system, which takes a process's memory back at once, instead of being freed one by
    /// one. Freeing them kept a core busy through the last tenth of a second of a
    /// 10,000-article build, beside the feeds and the last files.
    @TaskLocal package static var processEndsAfter = false

    /// `release(_:)` of a value the build is done with at its end; kept (never freed) when
    /// the process ends after the build (`processEndsAfter`).
    package static func releaseAtEnd<Value: Sendable>(_ value: consuming Value) {
        guard processEndsAfter else {
            release(value)
            return
        }
        // On purpose, never released: the process's end frees it.
        _ = Unmanaged.passRetained(Parcel(value))
    }

    /// The only holder of a value being released, so that it is freed when emptied.
    private final class Parcel<Value: Sendable>: @unchecked Sendable {
        private var value: Value?

        init(_ value: consuming Value) {
            self.value = value
        }

        /// Called once, by the one thread the parcel was handed to.
        func empty() {
            value = nil
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The processor count without Foundation's ProcessInfo.
package enum ProcessInfoLite {
    package static var activeProcessorCount: Int {
        Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
}
