/// The distinct words of a text as the search index stores them (`SearchTokenizer`), in the
/// order they first appear, packed in one buffer: what an article's body gives its search
/// index, which scores a body's words alike however often they appear. A 10,000-article
/// site's bodies hold 23 MB of distinct words against 78 MB of text.
public struct SearchWords: Sendable, Equatable {
    /// Each word's UTF-8 followed by a zero byte (no word holds one: NUL is no letter).
    fileprivate var packed: [UInt8] = []

    public init() {}

    package var isEmpty: Bool { packed.isEmpty }

    /// Calls `body` with each word's UTF-8, in order (valid during the call only).
    package func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        packed.withUnsafeBufferPointer { bytes in
            var start = 0
            for index in bytes.indices where bytes[index] == 0 {
                body(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
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
    private var words = SearchWords()
    /// Open addressing over `words.packed`: where a word starts, plus one (0: empty).
    private var slots = [Int32](repeating: 0, count: 256)
    private var count = 0

    package init() {}

    /// Adds the words of `text`.
    package mutating func add(_ text: String) {
        SearchTokenizer.forEachToken(in: text, into: &self)
    }

    package mutating func take(_ token: UnsafeBufferPointer<UInt8>) {
        var hash: UInt32 = 2_166_136_261
        for byte in token { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            if isWord(at: Int(slots[slot]) - 1, token) { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(words.packed.count + 1)
        words.packed.append(contentsOf: token)
        words.packed.append(0)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    /// The words gathered, in a buffer of their size (the one they were gathered in grew by
    /// doubling; `Array(_:)` would keep it).
    package consuming func finish() -> SearchWords {
        let packed = words.packed
        var result = SearchWords()
        result.packed = [UInt8](unsafeUninitializedCapacity: packed.count) { buffer, count in
            _ = buffer.initialize(from: packed)
            count = packed.count
        }
        return result
    }

    private func isWord(at start: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let packed = words.packed
        guard start + token.count < packed.count, packed[start + token.count] == 0 else { return false }
        for offset in 0..<token.count where packed[start + offset] != token[offset] { return false }
        return true
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for place in slots where place != 0 {
            let start = Int(place) - 1
            var hash: UInt32 = 2_166_136_261
            var index = start
            while words.packed[index] != 0 {
                hash = (hash ^ UInt32(words.packed[index])) &* 16_777_619
                index += 1
            }
            var slot = Int(hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = place
        }
        slots = larger
    }
}
