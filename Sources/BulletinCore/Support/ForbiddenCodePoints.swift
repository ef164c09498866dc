import CByteScan

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
    /// U+FDD0..., and every U+xFFFE/U+xFFFF): a quick look before the slow one. The set is
    /// `CByteScan`'s, which its scans use.
    package static func mayStart(_ byte: UInt8) -> Bool {
        bulletin_may_start_forbidden(byte) != 0
    }

    /// Whether any of the UTF-8 `bytes` may begin a forbidden code point (`mayStart`): the
    /// quick look over a whole buffer, in one call, sixteen bytes at a time (`CByteScan`).
    /// Every page, feed entry and JSON string goes through here.
    package static func mayContain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return bulletin_may_contain_forbidden(base, bytes.count) != 0
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
