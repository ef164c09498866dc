/// The checks an absolute http(s) address passes before a page links to it: what browsers
/// would read as another host or refuse, and what the HTML validator rejects in `href`.
public enum WebAddress {
    /// Why `address` (starting with `http://` or `https://`) is not one a page can link to,
    /// or nil: a missing or malformed host, a port out of range, a `%` that starts no escape,
    /// a character a URL cannot hold as it is (unless `encodesCharacters`: Markdown's links,
    /// which libcmark percent-encodes when it writes them).
    public static func problem(with address: String, encodesCharacters: Bool = false) -> String? {
        let lower = address.lowercased()
        let schemeLength = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard schemeLength > 0 else { return "it does not start with https:// or http://" }
        let rest = address.unicodeScalars.dropFirst(schemeLength)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        guard !authority.isEmpty else { return "it has no host (three slashes?)" }
        var host = authority
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { return "its IPv6 host has no closing ]" }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { return "its host is followed by something other than a port" }
                if let problem = portProblem(after.dropFirst()) { return problem }
            }
        } else {
            if let colon = authority.firstIndex(of: ":") {
                host = authority[..<colon]
                if let problem = portProblem(authority[authority.index(after: colon)...]) { return problem }
            }
            guard !host.isEmpty else { return "it has no host" }
            // Among ASCII characters the letters are the alphabetic ones: checked as such (a
            // Unicode property lookup for every character of every link's host was 0.4 % of
            // a build).
            guard host.allSatisfy({
                !$0.isASCII || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "-._~%".unicodeScalars.contains($0)
            })
            else { return "its host holds a character no host name has" }
        }
        var scalars = rest[authorityEnd...]
        while let scalar = scalars.popFirst() {
            if scalar == "%" {
                let digits = scalars.prefix(2)
                guard digits.count == 2, digits.allSatisfy(\.properties.isASCIIHexDigit) else {
                    return "a % in it is not followed by two hexadecimal digits (write %25 for a percent sign)"
                }
            } else if !encodesCharacters, scalar.value <= 0x20 || scalar.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains(scalar) {
                return "it holds '\(scalar.escaped(asASCII: true))', which a URL cannot hold as it is"
            }
        }
        return nil
    }

    /// Why `port` (the text after the host's colon) is not a port, or nil; empty is allowed.
    private static func portProblem(_ port: Substring.UnicodeScalarView.SubSequence) -> String? {
        guard !port.isEmpty else { return nil }
        guard port.allSatisfy({ ("0"..."9").contains($0) }), let number = Int(String(String.UnicodeScalarView(port))), number <= 65535 else {
            return "its port must be a number up to 65535"
        }
        return nil
    }
}
