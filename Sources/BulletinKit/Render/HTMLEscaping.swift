internal import Mustache

/// HTML escaping per Unicode scalar.
///
/// swift-mustache's own HTML escaping looks at whole Characters, so `"` followed by a
/// combining mark (U+0301) is one Character that matches nothing, and goes out unescaped,
/// closing an attribute. Here every scalar is looked at, so it cannot happen.
public enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` as entities; everything else as it is. Each of the five is
    /// one byte in UTF-8 that never occurs inside another character's encoding, so working on
    /// bytes is working per Unicode scalar.
    public static func escape(_ text: String) -> String {
        var needsEscaping = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needsEscaping = true
            break
        }
        guard needsEscaping else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: result += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x3C: result += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: result += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x22: result += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27: result += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The name templates are parsed with: every template starts in this content type.
    static let contentTypeName = "BULLETIN_HTML"

    /// Registers the content type with swift-mustache (once per process).
    static let registered: Void = {
        MustacheContentTypes.register(ScalarHTMLContentType(), named: contentTypeName)
    }()
}

/// The content type every template renders in.
struct ScalarHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
