/// The distinct words of a text as the search index stores them (`SearchTokenizer`), in the
/// order they first appear, packed in one buffer: what an article's body gives its search
/// index, which scores a body's words alike however often they appear. A 10,000-article
/// site's bodies hold 23 MB of distinct words against 78 MB of text.
public struct SearchWords: Sendable, Equatable {
    /// Each word's UTF-8 followed by a zero byte (no word holds one: NUL is no letter).
    @usableFromInline fileprivate(set) var packed: [UInt8] = []

    public init() {}

    package var isEmpty: Bool { packed.isEmpty }

    /// Calls `body` with each word's UTF-8, in order (valid during the call only). Inlined
    /// where it is called, so that `body` is too (the search index calls it for each of the
    /// millions of words of a large site's bodies); each word's end found by memchr.
    @inlinable
    package func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        packed.withUnsafeBufferPointer { bytes in
            var start = 0
            while let end = bytes.offset(of: 0, from: start) {
                body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                start = end + 1
            }
        }
    }

    /// The words as strings (tests).
    package var words: [String] {
        var result: [String] = []
        forEach { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }
}

/// Gathers the distinct words of texts: each word once, in the order of first appearance.
package struct SearchWordCollector: TokenSink {
    /// The words so far, as `SearchWords` packs them.
    private var packed: [UInt8] = []
    /// Open addressing over `packed`: where a word starts, plus one (0: empty); at most half
    /// full.
    private var slots: [Int32]
    private var count = 0

    /// `textSize`: about how many bytes of text will be added, to size the table once (a
    /// body of 7 KB has about 300 distinct words).
    package init(textSize: Int = 0) {
        var capacity = 64
        while capacity < textSize / 8 { capacity *= 2 }
        slots = [Int32](repeating: 0, count: capacity)
        packed.reserveCapacity(textSize / 3)
    }

    /// Adds the words of a text given as UTF-8.
    package mutating func add(utf8 text: UnsafeBufferPointer<UInt8>) {
        SearchTokenizer.forEachToken(inUTF8: text, into: &self)
    }

    @inline(__always)
    package mutating func take(_ token: UnsafeBufferPointer<UInt8>) {
        let hash = Int(truncatingIfNeeded: WordHash.of(token))
        let start = packed.count
        // Most tokens are words met before: looked for without asking for the table's
        // storage to write (which checks it is not shared); the free slot, for a new word.
        let free = packed.withUnsafeBufferPointer { packed in
            slots.withUnsafeBufferPointer { slots -> Int? in
                let mask = slots.count - 1
                var slot = hash & mask
                while slots[slot] != 0 {
                    if Self.holds(packed, at: Int(slots[slot]) - 1, token) { return nil }
                    slot = (slot + 1) & mask
                }
                return slot
            }
        }
        guard let free else { return }
        slots[free] = Int32(start + 1)
        packed.append(contentsOf: token)
        packed.append(0)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    /// The words gathered, in a buffer of their size (the one they were gathered in is
    /// larger; `Array(_:)` would keep it).
    package consuming func finish() -> SearchWords {
        var result = SearchWords()
        result.packed = packed.withUnsafeBufferPointer { Array($0) }
        return result
    }

    /// Whether the word at `start` of `packed` is `token`.
    @inline(__always)
    private static func holds(_ packed: UnsafeBufferPointer<UInt8>, at start: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start + token.count < packed.count, packed[start + token.count] == 0 else { return false }
        return token.isEmpty || WordHash.equal(packed.baseAddress! + start, token.baseAddress!, count: token.count)
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        packed.withUnsafeBufferPointer { packed in
            var start = 0
            for end in packed.indices where packed[end] == 0 {
                var slot = Int(truncatingIfNeeded: WordHash.of(UnsafeBufferPointer(rebasing: packed[start..<end]))) & mask
                while larger[slot] != 0 { slot = (slot + 1) & mask }
                larger[slot] = Int32(start + 1)
                start = end + 1
            }
        }
        slots = larger
    }
}
