import BulletinCore
internal import Foundation

/// Words interned by their UTF-8 bytes: each distinct word gets a number, in the order first
/// seen, and its bytes are stored once in one array.
///
/// The search index meets every word of every body (millions at 10,000 articles); a
/// `[String: Int]` would make a `String` and hash it with SipHash for each of them. Here a
/// word is hashed and compared as bytes where the tokenizer found it, and a `String` is made
/// only when the index is written.
struct WordTable: Sendable {
    /// Every word's bytes, one after the other; word `i` ends at `ends[i]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing, linear probing: a word's number, or -1. Never more than half full.
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    /// The number of distinct words.
    var count: Int { ends.count }

    /// The number of `word`, given to it now if it is new.
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = WordHash.of(word)
        // The search runs over the tables' storage: millions of words are looked up, and
        // the arrays' checked subscripts were a third of the cost.
        let (found, slot) = bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                hashes.withUnsafeBufferPointer { hashes in
                    slots.withUnsafeBufferPointer { slots -> (Int?, Int) in
                        let mask = slots.count - 1
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        while slots[slot] >= 0 {
                            let id = Int(slots[slot])
                            if hashes[id] == hash {
                                let start = id == 0 ? 0 : ends[id - 1]
                                if ends[id] - start == word.count,
                                   word.count == 0 || WordHash.equal(bytes.baseAddress! + start, word.baseAddress!, count: word.count) {
                                    return (id, slot)
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                        return (nil, slot)
                    }
                }
            }
        }
        if let found { return found }
        let id = ends.count
        bytes.append(contentsOf: word)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(id)
        if ends.count * 2 > slots.count { grow() }
        return id
    }

    /// The number of `word`, given to it now if it is new.
    mutating func intern(_ word: String) -> Int {
        var word = word
        return word.withUTF8 { intern($0) }
    }

    /// The number of word `id` of `other`, given to it now if it is new here.
    mutating func intern(_ id: Int, of other: WordTable) -> Int {
        other.bytes.withUnsafeBufferPointer { all in
            intern(UnsafeBufferPointer(rebasing: all[other.start(of: id)..<other.ends[id]]))
        }
    }

    /// Word `id`.
    func word(_ id: Int) -> String {
        String(decoding: bytes[start(of: id)..<ends[id]], as: UTF8.self)
    }

    /// Whether word `a` sorts before word `b` by code point (the order of their UTF-8 bytes).
    func precedes(_ a: Int, _ b: Int) -> Bool {
        bytes[start(of: a)..<ends[a]].lexicographicallyPrecedes(bytes[start(of: b)..<ends[b]])
    }

    /// The shard of word `id` (`SearchTokenizer.shardKey`).
    func shardKey(_ id: Int) -> String {
        SearchTokenizer.shardKey(bytes[start(of: id)..<ends[id]])
    }

    private func start(of id: Int) -> Int { id == 0 ? 0 : ends[id - 1] }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<ends.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
