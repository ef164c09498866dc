import CByteScan

/// HTML (and XML) escaping per Unicode scalar.
///
/// swift-mustache's own HTML escaping looks at whole Characters, so `"` followed by a
/// combining mark (U+0301) is one Character that matches nothing, and goes out unescaped,
/// closing an attribute. Here every scalar is looked at, so it cannot happen.
public enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` as entities (`'` as `apostrophe`: HTML's `&#39;` by default,
    /// XML's `&apos;` for feeds and sitemaps); `ForbiddenCodePoints` left out; everything
    /// else as it is.
    public static func escape(_ text: String, apostrophe: StaticString = "&#39;") -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // The string itself when nothing needs work (most titles and names); otherwise
            // the bytes before the first that does as they are, and the rest escaped.
            guard let base = bytes.baseAddress else { return nil }
            let first = bulletin_next_markup_special(base, bytes.count)
            guard first < bytes.count else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 64)
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            append(escaping: UnsafeBufferPointer(rebasing: bytes[first...]), apostrophe: apostrophe, to: &result)
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    /// The same, of valid UTF-8 (a String's bytes, or bytes made from Strings), appended to
    /// `output`: every article's HTML goes through here for the Atom feeds, which are made as
    /// bytes.
    package static func append(escaping bytes: UnsafeBufferPointer<UInt8>, apostrophe: StaticString = "&#39;", to output: inout [UInt8]) {
        ByteEscaper.append(
            bytes, to: &output, maximumGrowth: max(6, apostrophe.utf8CodeUnitCount), nextSpecial: bulletin_next_markup_special
        ) { bytes, index, out in
            let byte = bytes[index]
            switch byte {
            case 0x26: out.write("&amp;")
            case 0x3C: out.write("&lt;")
            case 0x3E: out.write("&gt;")
            case 0x22: out.write("&quot;")
            case 0x27: out.write(apostrophe)
            default:
                // A byte that may begin a forbidden code point is always a scalar's first byte
                // (the bytes are valid UTF-8): the scalar is read whole, and kept if allowed.
                let length = min(byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4, bytes.count - index)
                var value = length == 1 ? UInt32(byte) : UInt32(byte) & (0x7F >> length)
                for next in (index + 1)..<(index + length) { value = value << 6 | UInt32(bytes[next] & 0x3F) }
                if ForbiddenCodePoints.isAllowed(value) {
                    out.initialize(from: bytes.baseAddress! + index, count: length)
                    out += length
                }
                return length
            }
            return 1
        }
    }
}
