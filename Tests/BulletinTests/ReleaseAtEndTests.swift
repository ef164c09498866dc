@testable import BulletinCore
import Foundation
import Synchronization
import Testing

/// What a build lets go of at its end is freed, on another thread, unless the process ends
/// after the build (`bulletin build`): then it is kept for the system to take back.
@Suite struct ReleaseAtEndTests {
    /// Tells its flag when it is freed.
    final class Witness: Sendable {
        let freed: Flag
        init(_ freed: Flag) { self.freed = freed }
        deinit { freed.set() }
    }

    final class Flag: Sendable {
        private let value = Mutex(false)
        func set() { value.withLock { $0 = true } }
        var isSet: Bool { value.withLock { $0 } }

        /// Whether it is set within `seconds`.
        func becomesSet(within seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if isSet { return true }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return isSet
        }
    }

    @Test func aBuildThatGoesOnFreesWhatItIsDoneWith() {
        let freed = Flag()
        Parallel.$processEndsAfter.withValue(false) { Parallel.releaseAtEnd(Witness(freed)) }
        #expect(freed.becomesSet(within: 10))
    }

    @Test func aBuildThatEndsTheProcessKeepsIt() {
        let freed = Flag()
        Parallel.$processEndsAfter.withValue(true) { Parallel.releaseAtEnd(Witness(freed)) }
        // Freed, it would be within milliseconds (the test above waits for it).
        #expect(!freed.becomesSet(within: 0.5))
    }

    /// The second part of `both` runs on a thread of its own: the setting goes with it.
    @Test func theSettingReachesBothParts() {
        let seen = Parallel.$workers.withValue(2) {
            Parallel.$processEndsAfter.withValue(true) {
                Parallel.both({ Parallel.processEndsAfter }, { Parallel.processEndsAfter })
            }
        }
        #expect(seen.0 && seen.1)
    }
}
