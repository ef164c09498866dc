/// HTML escaping per Unicode scalar.
///
/// swift-mustache's own HTML escaping looks at whole Characters, so `"` followed by a
/// combining mark (U+0301) is one Character that matches nothing, and goes out unescaped,
/// closing an attribute. Here every scalar is looked at, so it cannot happen.
public enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` as entities; `ForbiddenCodePoints` left out; everything
    /// else as it is.
    public static func escape(_ text: String) -> String {
        guard needsWork(text) else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x26: result += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x3C: result += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: result += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x22: result += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27: result += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            default:
                // Each of the five is one byte that never occurs inside another character's
                // encoding, so the rest is copied a whole character at a time.
                // (A String's bytes are valid UTF-8.)
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                var value = length == 1 ? UInt32(byte) : UInt32(byte) & (0x7F >> length)
                for next in bytes[(index + 1)..<(index + length)] { value = value << 6 | UInt32(next & 0x3F) }
                if ForbiddenCodePoints.isAllowed(value) { result += bytes[index..<(index + length)] }
                index += length
                continue
            }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func needsWork(_ text: String) -> Bool {
        text.utf8.contains {
            $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || ForbiddenCodePoints.mayStart($0)
        }
    }
}
