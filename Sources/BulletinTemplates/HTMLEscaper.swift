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
    /// Appends `text` escaped to `output`.
    @inline(__always)
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        // A native Swift string is contiguous UTF-8; one bridged from elsewhere is made so once.
        text.withUTF8 { bytes in append(bytes, to: &output) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let count = bytes.count
        var copied = 0  // bytes before this index are dealt with
        var index = 0
        while index < count {
            let byte = bytes[index]
            guard needsAttention(byte) else {
                index += 1
                continue
            }
            // Copy the run of ordinary bytes before this one in one go.
            if copied < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index])) }
            switch byte {
            case 0x26: appendASCII("&amp;", to: &output)
            case 0x3C: appendASCII("&lt;", to: &output)
            case 0x3E: appendASCII("&gt;", to: &output)
            case 0x22: appendASCII("&quot;", to: &output)
            case 0x27: appendASCII("&#39;", to: &output)
            case 0x00..<0x20, 0x7F:
                break  // a forbidden control: dropped
            default:
                // A lead byte that may begin a forbidden code point (valid UTF-8, as a String's
                // bytes are): decode the scalar and keep it unless it is one.
                let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let end = min(index + length, count)
                var scalar = UInt32(byte) & (0x7F >> UInt32(length))
                for next in bytes[(index + 1)..<end] { scalar = scalar << 6 | UInt32(next & 0x3F) }
                if isAllowed(scalar) { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end])) }
                index = end
                copied = end
                continue
            }
            index += 1
            copied = index
        }
        if copied < count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count])) }
    }

    /// Whether the byte is one of the five, a forbidden control, or a lead byte whose scalar
    /// may be forbidden: 0xC2 (U+0080–U+00BF), 0xEF (U+F000–U+FFFF), 0xF0–0xF4 (the planes
    /// above the first, each ending in two noncharacters).
    @inline(__always)
    static func needsAttention(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x7F, 0xC2, 0xEF, 0xF0...0xF4: true
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20: true
        default: false
        }
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

    @inline(__always)
    private static func appendASCII(_ entity: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
    }
}
