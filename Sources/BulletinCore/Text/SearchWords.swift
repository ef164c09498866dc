/// The distinct words of a text as the search index stores them (`SearchTokenizer`), in the
/// order they first appear, packed in one buffer: what an article's body gives its search
/// index, which scores a body's words alike however often they appear. A 10,000-article
/// site's bodies hold 23 MB of distinct words against 78 MB of text.
public struct SearchWords: Sendable, Equatable {
    /// Each word's length (`SearchWords.length(at:in:)`) followed by its UTF-8: read a word at
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
///
/// It meets every token of every body (a million at 1,000 articles), a third of them new to
/// their body: each slot of its table holds the top half of its word's hash beside where the
/// word is, so that a probe compares two integers before it reads a word, and a new word is
/// written into room made ahead (an append through `Array`'s generic path cost more than
/// the rest of the word's handling).
package struct SearchWordCollector: TokenSink {
    /// The words so far, as `SearchWords` packs them, in `packed[..<used]`; the rest is room.
    private var packed: [UInt8]
    private var used = 0
    /// Open addressing: a word's hash's top 32 bits, then where its header starts in
    /// `packed`, plus one (a slot of 0 is empty); at most half full.
    private var slots: [UInt64]
    private var count = 0

    /// `textSize`: about how many bytes of text will be added, to size the table once (a
    /// body of 7 KB has about 300 distinct words).
    package init(textSize: Int = 0) {
        var capacity = 64
        while capacity < textSize / 8 { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        packed = [UInt8](repeating: 0, count: Swift.max(64, textSize / 3))
    }

    /// Adds the words of a text given as UTF-8.
    package mutating func add(utf8 text: UnsafeBufferPointer<UInt8>) {
        SearchTokenizer.forEachToken(inUTF8: text, into: &self)
    }

    @inline(__always)
    package mutating func take(_ token: UnsafeBufferPointer<UInt8>) {
        let hash = WordHash.of(token)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        // Most tokens are words met before: looked for without asking for the table's
        // storage to write (which checks it is not shared); the free slot, for a new word.
        let free = packed.withUnsafeBufferPointer { packed in
            slots.withUnsafeBufferPointer { slots -> Int? in
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return slot }
                    if entry & 0xFFFF_FFFF_0000_0000 == tag, Self.holds(packed, at: Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1, token) {
                        return nil
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        guard let free else { return }
        // Where the word starts fits the slot's low half (a text past 4 GB stops here, as
        // it stopped when the slots were 32-bit).
        slots[free] = tag | UInt64(UInt32(used + 1))
        append(token)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    /// Writes a new word, its length first, into the room after `used`, making more room
    /// when there is not enough.
    @inline(__always)
    private mutating func append(_ token: UnsafeBufferPointer<UInt8>) {
        let needed = token.count + 5
        if used + needed > packed.count {
            packed.append(contentsOf: repeatElement(0, count: Swift.max(packed.count, needed)))
        }
        used = packed.withUnsafeMutableBufferPointer { packed in
            var at = used
            if token.count < Int(SearchWords.longLengthMarker) {
                packed[at] = UInt8(truncatingIfNeeded: token.count)
                at += 1
            } else {
                packed[at] = SearchWords.longLengthMarker
                for offset in 0..<4 { packed[at + 1 + offset] = UInt8(truncatingIfNeeded: token.count >> (8 * offset)) }
                at += 5
            }
            if let source = token.baseAddress {
                (packed.baseAddress! + at).update(from: source, count: token.count)
            }
            return at + token.count
        }
    }

    /// The words gathered, in a buffer of their size (the one they were gathered in is
    /// larger; `Array(_:)` would keep it).
    package consuming func finish() -> SearchWords {
        var result = SearchWords()
        let used = used
        result.packed = packed.withUnsafeBufferPointer { Array($0[..<used]) }
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
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        packed.withUnsafeBufferPointer { packed in
            var start = 0
            while start < used {
                let (count, first) = SearchWords.length(at: start, in: packed)
                let hash = WordHash.of(UnsafeBufferPointer(rebasing: packed[first..<(first + count)]))
                var slot = Int(truncatingIfNeeded: hash) & mask
                while larger[slot] != 0 { slot = (slot + 1) & mask }
                larger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(start + 1)
                start = first + count
            }
        }
        slots = larger
    }
}
