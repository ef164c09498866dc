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
/// their body. A word of up to eight bytes (most of them) is its own key: its bytes in one
/// integer, hashed and compared as one, with no branch on its length and no read of the
/// word in the slot (`SearchTokenizer` hands words of up to seven ASCII letters over so). A
/// longer word's slot has the key 0 and the top half of its hash beside where it is; the
/// word is read only when that half matches. A new word is written into room made ahead.
package struct SearchWordCollector: TokenSink {
    /// The words so far, as `SearchWords` packs them, in `packed[..<used]`; the rest is room.
    private var packed: [UInt8]
    private var used = 0
    /// Open addressing, at most half full.
    private var slots: [Slot]
    private var count = 0

    private struct Slot {
        /// A word of up to eight bytes: its bytes (`WordHash.shortKey`); a longer word: 0.
        var key: UInt64
        /// The top half of a longer word's hash (0 for a short one), then where the word's
        /// header starts in `packed`, plus one; 0: the slot is empty.
        var place: UInt64
    }

    /// `textSize`: about how many bytes of text will be added, to size the table once (a
    /// body of 7 KB has about 300 distinct words).
    package init(textSize: Int = 0) {
        var capacity = 64
        while capacity < textSize / 8 { capacity *= 2 }
        slots = [Slot](repeating: Slot(key: 0, place: 0), count: capacity)
        packed = [UInt8](repeating: 0, count: Swift.max(64, textSize / 3))
    }

    /// Adds the words of a text given as UTF-8.
    package mutating func add(utf8 text: UnsafeBufferPointer<UInt8>) {
        SearchTokenizer.forEachToken(inUTF8: text, into: &self)
    }

    @inline(__always)
    package mutating func take(short word: UInt64, _ token: UnsafeBufferPointer<UInt8>) {
        let hash = WordHash.mix(word)
        // Looked for without asking for the table's storage to write (which checks it is
        // not shared); the free slot, for a new word.
        let free = slots.withUnsafeBufferPointer { slots -> Int? in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                if slots[slot].key == word { return nil }
                if slots[slot].place == 0 { return slot }
                slot = (slot + 1) & mask
            }
        }
        guard let free else { return }
        insert(token, key: word, tag: 0, at: free)
    }

    @inline(__always)
    package mutating func take(_ token: UnsafeBufferPointer<UInt8>) {
        // (The tokenizer gives no empty token; none would be a word, and its key would be 0.)
        guard !token.isEmpty else { return }
        guard token.count > 8 else {
            take(short: WordHash.shortKey(token), token)
            return
        }
        let hash = WordHash.of(token)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let free = packed.withUnsafeBufferPointer { packed in
            slots.withUnsafeBufferPointer { slots -> Int? in
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let place = slots[slot].place
                    if place == 0 { return slot }
                    if slots[slot].key == 0, place & 0xFFFF_FFFF_0000_0000 == tag,
                       Self.holds(packed, at: Int(truncatingIfNeeded: place & 0xFFFF_FFFF) - 1, token) {
                        return nil
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        guard let free else { return }
        insert(token, key: 0, tag: tag, at: free)
    }

    /// Records a new word in the free slot `slot` and writes it, its length first, into
    /// the room after `used`, making more room when there is not enough.
    @inline(__always)
    private mutating func insert(_ token: UnsafeBufferPointer<UInt8>, key: UInt64, tag: UInt64, at slot: Int) {
        // Where the word starts fits the slot's low half (a text past 4 GB stops here, as
        // it stopped when the slots were 32-bit).
        slots[slot] = Slot(key: key, place: tag | UInt64(UInt32(used + 1)))
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
        count += 1
        if count * 2 > slots.count { grow() }
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
        var larger = [Slot](repeating: Slot(key: 0, place: 0), count: slots.count * 2)
        let mask = larger.count - 1
        packed.withUnsafeBufferPointer { packed in
            var start = 0
            while start < used {
                let (count, first) = SearchWords.length(at: start, in: packed)
                let word = UnsafeBufferPointer(rebasing: packed[first..<(first + count)])
                let entry: Slot
                let hash: UInt64
                if count <= 8 {
                    let key = WordHash.shortKey(word)
                    (entry, hash) = (Slot(key: key, place: UInt64(start + 1)), WordHash.mix(key))
                } else {
                    hash = WordHash.of(word)
                    entry = Slot(key: 0, place: hash & 0xFFFF_FFFF_0000_0000 | UInt64(start + 1))
                }
                var slot = Int(truncatingIfNeeded: hash) & mask
                while larger[slot].place != 0 { slot = (slot + 1) & mask }
                larger[slot] = entry
                start = first + count
            }
        }
        slots = larger
    }
}
