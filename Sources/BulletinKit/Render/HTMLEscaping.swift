internal import Mustache

/// HTML escaping per Unicode scalar.
///
/// swift-mustache's own HTML escaping looks at whole Characters, so `"` followed by a
/// combining mark (U+0301) is one Character that matches nothing, and goes out unescaped,
/// closing an attribute. Here every scalar is looked at, so it cannot happen.
public enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` as entities; everything else as it is.
    public static func escape(_ text: String) -> String {
        var needsEscaping = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needsEscaping = true
            break
        }
        guard needsEscaping else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
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
