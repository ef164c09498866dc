@testable import BulletinCore
import Dispatch
import Synchronization
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `Parallel.both` runs two parts of a phase at once, the second on a thread of its own; the
/// results are the two parts' whatever the timing, and the build's width holds on both sides.
@Suite struct ParallelTests {
    @Test func bothGivesEachSidesResult() {
        let (a, b) = Parallel.both({ (1...1000).reduce(0, +) }, { Parallel.map(Array(1...1000)) { $0 * 2 }.reduce(0, +) })
        #expect(a == 500_500)
        #expect(b == 1_001_000)
    }

    @Test func theSecondSideRunsOnAnotherThreadWithTheBuildsWidth() {
        let (here, there) = Parallel.$workers.withValue(3) {
            Parallel.both({ (pthread_self(), Parallel.width) }, { (pthread_self(), Parallel.width) })
        }
        #expect(pthread_equal(here.0, pthread_self()) != 0, "the first side runs on the calling thread")
        #expect(pthread_equal(there.0, pthread_self()) == 0, "the second side runs on a thread of its own")
        #expect(here.1 == 3 && there.1 == 3, "both sides keep the build's width")
    }

    @Test func oneWorkerRunsTheSidesOneAfterTheOther() {
        let order = Mutex<[String]>([])
        let (_, there) = Parallel.$workers.withValue(1) {
            Parallel.both({ order.withLock { $0.append("first") } }, { order.withLock { $0.append("second") }; return pthread_self() })
        }
        #expect(order.withLock { $0 } == ["first", "second"])
        #expect(pthread_equal(there, pthread_self()) != 0)
    }

    /// The workers take items as they go, not in fixed shares; the results are still each
    /// item's, in the items' order, each made once, whatever the width and however uneven
    /// the items' costs.
    @Test func mapKeepsOrderAndMakesEachResultOnce() {
        for width in [2, 3, 7] {
            for count in [0, 1, 2, 5, 127, 1000, 5003] {
                let calls = Mutex<[Int: Int]>([:])
                let results = Parallel.$workers.withValue(width) {
                    Parallel.map(Array(0..<count)) { item -> String in
                        // Some items cost far more than others.
                        if item % 97 == 0 { usleep(200) }
                        calls.withLock { $0[item, default: 0] += 1 }
                        return "item \(item)"
                    }
                }
                #expect(results == (0..<count).map { "item \($0)" }, "width \(width), \(count) items")
                #expect(calls.withLock { $0.values.allSatisfy { $0 == 1 } && $0.count == count })
            }
        }
    }

    /// The takes shrink with the items left, so that the workers end together: each takes at
    /// least one item and never more than are left, the first ones a share of the whole, the
    /// last width × 16 one at a time; a map is taken in few takes.
    @Test func takesShrinkToSingleItems() {
        for width in [2, 3, 8] {
            for count in [1, 2, 31, 32, 33, 1000, 15_000, 1_000_000] {
                var start = 0
                var takes: [Int] = []
                while start < count {
                    let end = Parallel.takeEnd(from: start, of: count, width: width)
                    #expect(end > start && end <= count)
                    takes.append(end - start)
                    start = end
                }
                #expect(takes.first == max(1, count / (width * Parallel.takeShare)))
                #expect(takes.suffix(min(count, width * Parallel.takeShare)).allSatisfy { $0 == 1 }, "width \(width), \(count) items")
                #expect(Double(takes.count) <= Double(width * Parallel.takeShare) * (log(Double(count)) + 2), "\(takes.count) takes")
            }
        }
    }

    /// A map inside a map (the render's pages within `both`) gives the same results.
    @Test func mapsNest() {
        let results = Parallel.$workers.withValue(2) {
            Parallel.map(Array(0..<50)) { outer in Parallel.map(Array(0..<20)) { outer * 100 + $0 }.reduce(0, +) }
        }
        #expect(results == (0..<50).map { outer in (0..<20).reduce(0) { $0 + outer * 100 + $1 } })
    }

    /// `release(_:then:)` frees the value on another thread, then runs what follows it there:
    /// the memory given back after the articles' texts are freed is theirs.
    @Test func releaseFreesTheValueBeforeWhatFollows() {
        final class Flags: Sendable {
            let freed = Mutex(false)
            let seenFreed = Mutex<Bool?>(nil)
            let done = DispatchSemaphore(value: 0)
        }
        final class Tracked: Sendable {
            let flags: Flags
            init(_ flags: Flags) { self.flags = flags }
            deinit { flags.freed.withLock { $0 = true } }
        }
        let flags = Flags()
        Parallel.release(Tracked(flags)) {
            flags.seenFreed.withLock { $0 = flags.freed.withLock { $0 } }
            flags.done.signal()
        }
        flags.done.wait()
        #expect(flags.seenFreed.withLock { $0 } == true)
    }
}
