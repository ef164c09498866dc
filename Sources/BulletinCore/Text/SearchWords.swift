/// The distinct words of a text as the search index stores them (`SearchTokenizer`), in the
/// order they first appear, packed in one buffer: what an article's body gives its search
/// index, which scores a body's words alike however often they appear. A 10,000-article
/// site's bodies hold 23 MB of distinct words against 78 MB of text.
public struct SearchWords: Sendable, Equatable {
    /// Each word's length (`SearchWords.appendLength`) followed by its UTF-8: read a word at
    /// a time without looking for where each ends.
    @usableFromInline fileprivate(set) var packed: [UInt8] = []

    public init() {}

    package var isEmpty: Bool { packed.isEmpty }

    /// Calls `body` with each word's UTF-8, in order (valid during the call only). Inlined
    /// where it is called, so that `body` is too (the search index calls it for each of the
    /// millions of words of a large site's bodies); each word's length read before it (a
    /// search for a terminator cost a call to memchr for every word).
    @inlinable
    package func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        packed.withUnsafeBufferPointer { bytes in
            var start = 0
            while start < bytes.count {
                let (count, first) = Self.length(at: start, in: bytes)
                body(UnsafeBufferPointer(rebasing: bytes[first..<(first + count)]))
                start = first + count
            }
        }
    }

    /// A word's length, as `packed` holds it before the word: one byte below 255; from 255
    /// on (a word as long as a text may be), this marker and then four bytes, least
    /// significant first.
    @usableFromInline static let longLengthMarker: UInt8 = 255

    /// Appends the header of a word of `count` bytes.
    static func appendLength(_ count: Int, to packed: inout [UInt8]) {
        if count < Int(longLengthMarker) {
            packed.append(UInt8(count))
        } else {
            packed.append(longLengthMarker)
            for shift in stride(from: 0, to: 32, by: 8) { packed.append(UInt8(truncatingIfNeeded: count >> shift)) }
        }
    }

    /// The length of the word whose header is at `start` of `packed`, and where its bytes begin.
    @inlinable @inline(__always)
    static func length(at start: Int, in packed: UnsafeBufferPointer<UInt8>) -> (count: Int, first: Int) {
        let head = packed[start]
        guard head == longLengthMarker else { return (Int(head), start + 1) }
        var count = 0
        for offset in 0..<4 { count |= Int(packed[start + 1 + offset]) << (8 * offset) }
        return (count, start + 5)
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
    /// Open addressing over `packed`: where a word's header starts, plus one (0: empty); at
    /// most half full.
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
        SearchWords.appendLength(token.count, to: &packed)
        packed.append(contentsOf: token)
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

    /// Whether the word whose header is at `start` of `packed` is `token`.
    @inline(__always)
    private static func holds(_ packed: UnsafeBufferPointer<UInt8>, at start: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let (count, first) = SearchWords.length(at: start, in: packed)
        guard count == token.count else { return false }
        return count == 0 || WordHash.equal(packed.baseAddress! + first, token.baseAddress!, count: count)
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        packed.withUnsafeBufferPointer { packed in
            var start = 0
            while start < packed.count {
                let (count, first) = SearchWords.length(at: start, in: packed)
                var slot = Int(truncatingIfNeeded: WordHash.of(UnsafeBufferPointer(rebasing: packed[first..<(first + count)]))) & mask
                while larger[slot] != 0 { slot = (slot + 1) & mask }
                larger[slot] = Int32(start + 1)
                start = first + count
            }
        }
        slots = larger
    }
}
