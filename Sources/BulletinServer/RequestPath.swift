/// A request's path, decoded and checked, as a key of the site's files.
///
/// The site is served from memory, so no request can reach a file outside it; still, a path
/// with `.` or `..` segments (plain, percent-encoded or doubly encoded), backslashes, NUL
/// or malformed percent escapes is refused outright rather than interpreted.
enum RequestPath: Equatable {
    /// A path inside the site: `""` for the root, `articles/x/` for a folder, `feed.xml`.
    case site(String)
    /// A path that is not allowed.
    case refused

    init(_ raw: String) {
        var path = Substring(raw)
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        guard path.hasPrefix("/") else {
            self = .refused
            return
        }
        var segments: [String] = []
        let parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            guard let decoded = Self.percentDecode(part) else {
                self = .refused
                return
            }
            // Checked after one decoding and after a second, for doubly encoded dots.
            let twice = Self.percentDecode(Substring(decoded)) ?? decoded
            for form in [decoded, twice] where form == "." || form == ".." || form.contains("\\") || form.contains("/")
                || form.unicodeScalars.contains(where: { $0.value == 0 }) {
                self = .refused
                return
            }
            if decoded.isEmpty && index < parts.count - 1 {
                self = .refused  // `//`: not a path Bulletin makes
                return
            }
            segments.append(decoded)
        }
        self = .site(segments.joined(separator: "/"))
    }

    /// Percent-decoding to UTF-8 text; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecode(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else {
                    return nil
                }
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
