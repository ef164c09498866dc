import CByteScan

/// HTML escaping of `{{x}}`, on UTF-8 bytes, per Unicode scalar.
///
/// swift-mustache escapes per Character, so `"` followed by a combining mark (U+0301) is one
/// Character that matches nothing and goes out unescaped, closing an attribute. Here each of
/// `&`, `<`, `>`, `"` and `'` is found as the single ASCII byte it always is in UTF-8 (no
/// other character's encoding contains one), whatever follows it.
///
/// The code points HTML forbids in a document are dropped: C0 controls other than tab, LF
/// and CR; U+007F–U+009F; the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane.
enum HTMLEscaper {
    /// Appends the UTF-8 `bytes` (valid, as a String's are) escaped to `output`.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var copied = 0  // bytes before this index are dealt with
        var index = 0
        while true {
            // The next byte to look at, found sixteen bytes at a time (`CByteScan`): the run
            // of ordinary bytes before it is copied in one go.
            index += bulletin_next_markup_special(base + index, count - index)
            guard index < count else { break }
            if copied < index { output.append(UnsafeBufferPointer(rebasing: bytes[copied..<index])) }
            let byte = bytes[index]
            switch byte {
            case 0x26: output.append("&amp;")
            case 0x3C: output.append("&lt;")
            case 0x3E: output.append("&gt;")
            case 0x22: output.append("&quot;")
            case 0x27: output.append("&#39;")
            case 0x00..<0x20, 0x7F:
                break  // a forbidden control: dropped
            default:
                // A lead byte that may begin a forbidden code point (valid UTF-8, as a String's
                // bytes are): decode the scalar and keep it unless it is one.
                let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let end = min(index + length, count)
                var scalar = UInt32(byte) & (0x7F >> UInt32(length))
                for next in bytes[(index + 1)..<end] { scalar = scalar << 6 | UInt32(next & 0x3F) }
                if isAllowed(scalar) { output.append(UnsafeBufferPointer(rebasing: bytes[index..<end])) }
                index = end
                copied = end
                continue
            }
            index += 1
            copied = index
        }
        if copied < count { output.append(UnsafeBufferPointer(rebasing: bytes[copied..<count])) }
    }

    /// Whether HTML allows the code point in a document's text.
    static func isAllowed(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20, 0x7F...0x9F: false
        case 0xFDD0...0xFDEF: false
        case let value where value & 0xFFFE == 0xFFFE: false
        default: true
        }
    }

}
