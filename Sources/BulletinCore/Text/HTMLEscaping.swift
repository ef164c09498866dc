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
            guard let first = bytes.firstIndex(where: { Self.needsWork[Int($0)] }) else { return nil }
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
    ///
    /// Written through a pointer into room for the worst case (every byte an entity), then
    /// appended at once: in a body's HTML nearly every tenth byte is a `<`, `>` or `"`, and
    /// appending each entity to the array cost more than the rest of the loop.
    package static func append(escaping bytes: UnsafeBufferPointer<UInt8>, apostrophe: StaticString = "&#39;", to output: inout [UInt8]) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = bytes.count
        // On the stack for the many short texts (titles, names), on the heap for a body.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * max(6, apostrophe.utf8CodeUnitCount)) { buffer in
            var out = buffer.baseAddress!
            Self.needsWork.withUnsafeBufferPointer { needsWork in
                var index = 0
                var copied = 0  // the bytes before this one are dealt with
                while index < count {
                    let byte = base[index]
                    guard needsWork[Int(byte)] else {
                        index += 1
                        continue
                    }
                    // The run that needs nothing, at once.
                    out.initialize(from: base + copied, count: index - copied)
                    out += index - copied
                    switch byte {
                    case 0x26: out.write("&amp;")
                    case 0x3C: out.write("&lt;")
                    case 0x3E: out.write("&gt;")
                    case 0x22: out.write("&quot;")
                    case 0x27: out.write(apostrophe)
                    default:
                        // A byte that may begin a forbidden code point is always a scalar's
                        // first byte (the bytes are valid UTF-8): the scalar is read whole.
                        let length = min(byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4, count - index)
                        var value = length == 1 ? UInt32(byte) : UInt32(byte) & (0x7F >> length)
                        for next in (index + 1)..<(index + length) { value = value << 6 | UInt32(base[next] & 0x3F) }
                        if ForbiddenCodePoints.isAllowed(value) {
                            out.initialize(from: base + index, count: length)
                            out += length
                        }
                        index += length
                        copied = index
                        continue
                    }
                    index += 1
                    copied = index
                }
                out.initialize(from: base + copied, count: count - copied)
                out += count - copied
            }
            output.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: out - buffer.baseAddress!))
        }
    }

    /// For each byte value, whether it is escaped or may begin a forbidden code point: one
    /// look-up a byte (every article's HTML goes through here).
    private static let needsWork: [Bool] = (0...255).map { value in
        let byte = UInt8(value)
        return byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || ForbiddenCodePoints.mayStart(byte)
    }
}
