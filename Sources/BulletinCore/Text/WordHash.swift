/// A hash of a search word's UTF-8 for the tables that gather words (`SearchWordCollector`,
/// the search index's `WordTable`): they meet every token of every body, millions at
/// 10,000 articles, most of them a few bytes long.
///
/// It reads the bytes eight, four or one at a time (overlapping loads, as wyhash does)
/// instead of one multiplication per byte as FNV-1a does, and it has no per-process seed:
/// nothing depends on its values but where words sit in a table, never their order.
package enum WordHash {
    @inline(__always)
    package static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return 0 }
        let raw = UnsafeRawPointer(base)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                hash = mixStep(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            // The last bytes: the eight that end the word (some read already).
            if offset < count { hash = mixStep(hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) }
        } else if count >= 4 {
            let first = UInt64(raw.loadUnaligned(as: UInt32.self))
            let last = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            hash = mixStep(hash ^ (first | last << 32))
        } else {
            hash = mixStep(hash ^ (UInt64(base[0]) | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1]) << 16))
        }
        // Every bit of the result depends on every bit read: tables take the low bits.
        hash ^= hash >> 32
        hash = hash &* 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 29)
    }

    /// Whether `count` bytes at `a` and at `b` are the same, read as `of(_:)` reads them:
    /// the tables compare a word with the one in a slot of the same hash, and a call to
    /// memcmp cost more than the comparison for words of a few bytes.
    @inline(__always)
    package static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        let (x, y) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                if x.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != y.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                    return false
                }
                offset += 8
            }
            return offset == count
                || x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        for index in 0..<count where a[index] != b[index] { return false }
        return true
    }

    /// A word of one to eight bytes as one integer: its bytes, the first lowest, zero past
    /// its end. No word holds a zero byte, so no two words share one, and none is 0: the
    /// tables that gather words keep it in a slot as the word itself.
    /// Read as `of(_:)` reads: two loads that overlap for four to eight bytes (the bytes
    /// both read are the same, so or-ing them is exact), three at most below four.
    @inline(__always)
    package static func shortKey(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = word.count
        assert(count <= 8, "a short key holds eight bytes at most")
        guard let base = word.baseAddress, count > 0 else { return 0 }
        let raw = UnsafeRawPointer(base)
        if count >= 4 {
            let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return first | last << (8 * UInt64(count - 4))
        }
        return UInt64(base[0]) | UInt64(base[count / 2]) << (8 * UInt64(count / 2)) | UInt64(base[count - 1]) << (8 * UInt64(count - 1))
    }

    /// A hash of a word of up to eight bytes given as one integer (`shortKey`): every bit of
    /// the result depends on every bit of the word, with no branch.
    @inline(__always)
    package static func mix(_ word: UInt64) -> UInt64 {
        var hash = mixStep(0x9E37_79B9_7F4A_7C15 ^ word)
        hash ^= hash >> 32
        hash = hash &* 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 29)
    }

    @inline(__always)
    private static func mixStep(_ value: UInt64) -> UInt64 {
        let product = value &* 0xBF58_476D_1CE4_E5B9
        return product ^ (product >> 31)
    }
}
