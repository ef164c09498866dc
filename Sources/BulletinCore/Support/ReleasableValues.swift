import Synchronization

/// Values by index, each read until it is let go of: what a build from scratch hands from one
/// phase to the next when the next needs each value once, or until one page is written. The
/// articles' texts are let go of as their bodies are rendered, their HTML as their pages are
/// written, their search words as the search index reads them: a 10,000-article site's texts
/// and HTML are 80 MB each, and holding every one to the end of a phase made them part of
/// the build's peak.
package final class ReleasableValues<Value: Sendable>: Sendable {
    private let values: Mutex<[Value?]>

    /// `values` come as optionals, made where their type is known: made here, in code generic
    /// over it, each was copied through the runtime's generic copy (and the array they came
    /// in freed so too): 10–12 ms of one core for the 10,000 articles' texts (timing prints).
    package init(_ values: consuming [Value?]) {
        self.values = Mutex(values)
    }

    /// The value at `index`, nil once let go of.
    package func value(_ index: Int) -> Value? {
        values.withLock { $0[index] }
    }

    /// The value at `index`, let go of here: read once (nil if it was before).
    package func take(_ index: Int) -> Value? {
        // Taken out under the lock; the caller frees it, outside.
        values.withLock { values in values[index].take() }
    }

    /// Lets go of the value at `index`: nothing reads it any more.
    package func release(_ index: Int) {
        _ = take(index)
    }

    /// How many values are still held (tests).
    package var held: Int {
        values.withLock { $0.count { $0 != nil } }
    }
}
