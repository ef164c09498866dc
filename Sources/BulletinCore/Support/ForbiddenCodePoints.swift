/// The code points no output of Bulletin carries, one rule for HTML, XML and JSON: controls
/// other than tab, line feed and carriage return (XML 1.0 forbids them, HTML all but form
/// feed), C1 controls and noncharacters (HTML forbids them, and feed readers show feed text
/// as HTML). Hostile or accidental front matter (`title: "a\x01b"`) cannot make a page, a
/// feed or JSON-LD invalid.
package enum ForbiddenCodePoints {
    package static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        isAllowed(scalar.value)
    }

    package static func isAllowed(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD: true
        case 0..<0x20, 0x7F...0x9F: false
        case 0xFDD0...0xFDEF: false
        case let value where value & 0xFFFE == 0xFFFE: false
        default: true
        }
    }

    /// Whether a UTF-8 byte may begin a forbidden code point (a control, U+0080...U+009F,
    /// U+FDD0..., and every U+xFFFE/U+xFFFF): a quick look before the slow one.
    package static func mayStart(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x9, 0xA, 0xD: false
        case 0..<0x20, 0x7F, 0xC2, 0xEF, 0xF0...0xF4: true
        default: false
        }
    }

    /// Whether any of the UTF-8 `bytes` may begin a forbidden code point: the quick look over
    /// a whole buffer, in one call (a call per byte into this module, which other modules
    /// cannot inline, cost more than the look itself).
    ///
    /// Eight bytes at a time: a word none of whose bytes is a control, 0x7F, 0xC2, 0xEF or
    /// 0xF0 and above is passed with a few arithmetic operations (the classic "has a zero
    /// byte" test, which never misses one); a word that may have one (a line feed is enough)
    /// is looked at byte by byte. Every page, feed entry and JSON string goes through here.
    package static func mayContain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// Not zero when a byte of `word` is below `limit` (at most 0x80).
        @inline(__always) func less(_ word: UInt64, _ limit: UInt64) -> UInt64 {
            (word &- ones &* limit) & ~word & highs
        }
        /// Not zero when a byte of `word` is `value`.
        @inline(__always) func equal(_ word: UInt64, _ value: UInt64) -> UInt64 {
            less(word ^ (ones &* value), 1)
        }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let suspects = less(word, 0x20) | equal(word, 0x7F) | equal(word, 0xC2) | equal(word, 0xEF)
                | equal(word & (ones &* 0xF0), 0xF0)
            if suspects != 0 {
                for offset in index..<(index + 8) where mayStart(base[offset]) { return true }
            }
            index += 8
        }
        while index < bytes.count {
            if mayStart(base[index]) { return true }
            index += 1
        }
        return false
    }

    /// The text without them; the same string when it has none (the common case, found by
    /// looking at bytes).
    package static func removed(from text: String) -> String {
        // Bodies of many kilobytes go through here (feeds, JSON): the bytes are read from the
        // string's own storage, which a loop over `utf8` would not do as fast.
        let suspicious = text.utf8.withContiguousStorageIfAvailable(mayContain)
            ?? text.utf8.contains(where: mayStart)
        guard suspicious, text.unicodeScalars.contains(where: { !isAllowed($0) }) else {
            return text
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
    }
}
