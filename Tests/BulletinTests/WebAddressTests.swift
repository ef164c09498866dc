@testable import BulletinContent
import Testing

/// `WebAddress.problem(with:)` reads an address as UTF-8 bytes: it answers as reading it as
/// Unicode scalars did (kept here as the reference), for addresses made of the pieces that
/// matter to each rule, in any order, and for the cases each rule names.
@Suite struct WebAddressTests {
    /// An address has a web scheme when its first characters, lowercased, are `https://` or
    /// `http://`: the bytes say so, but for a mark after the slash that joins it into another
    /// character (the rule written plainly on characters is the reference).
    @Test func aWebSchemeIsReadAsCharacters() {
        let starts = ["https://", "http://", "HTTPS://", "hTTp://", "http:/", "https:", "ftp://", "mailto:", "", "\u{212A}https://"]
        let rests = ["", "example.org", "\u{301}x", "é", "/", "한국", " a"]
        for start in starts {
            for rest in rests {
                let address = start + rest
                let lower = address.prefix(8).lowercased()
                #expect(WebAddress.hasWebScheme(address) == (lower.hasPrefix("https://") || lower.hasPrefix("http://")), "\(address.debugDescription)")
            }
        }
    }

    @Test func bytesAnswerAsScalarsDid() {
        let pieces = [
            "https://", "http://", "HTTPS://", "hTTp://", "ftp://", "example.org", "EXAMPLE.org", "[::1]", "[", "]", ":", ":8080",
            ":65535", ":65536", ":0080", ":99999999999999999999", ":x", "@", "user:pw@", "/", "?", "#", "%", "%2", "%2F", "%zz",
            "%é", " ", "\t", "\u{7F}", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", "é", "한국", "\u{301}", "a", "Z", "9", "-", ".",
            "_", "~", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", "path/", "q=1", "\u{0}", "\u{1F600}",
        ]
        var generator = SplitMix64(seed: 0xADD7E55)
        for _ in 0..<20_000 {
            var address = Bool.random(using: &generator) ? ["https://", "http://"].randomElement(using: &generator)! : ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) { address += pieces.randomElement(using: &generator)! }
            for encodes in [false, true] {
                #expect(WebAddress.problem(with: address, encodesCharacters: encodes) == Self.reference(address, encodesCharacters: encodes),
                        "\(address.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        let named = [
            "https://example.org/", "http://example.org", "https:///path", "https://user@", "https://[::1", "https://[::1]x",
            "https://[::1]:99", "https://host:", "https://:80", "https://ho st/", "https://host/a b", "https://host/%",
            "https://host/%4", "https://host/%41", "https://\u{301}host/", "http://\u{301}host/", "https://é.example/",
            "https://host/é?q=한#x", "mailto:x@example.org", "HTTP://EXAMPLE.ORG/A", "https://host/{x}", "https://host:65536/",
        ]
        for address in named {
            for encodes in [false, true] {
                #expect(WebAddress.problem(with: address, encodesCharacters: encodes) == Self.reference(address, encodesCharacters: encodes), "\(address)")
            }
        }
        #expect(WebAddress.problem(with: "https://example.org/a%20b?c=d#e") == nil)
        #expect(WebAddress.problem(with: "https://\u{301}host/") == "it does not start with https:// or http://")
        #expect(WebAddress.problem(with: "https://host:65536/") == "its port must be a number up to 65535")
        #expect(WebAddress.problem(with: "https://host/a<b") == "it holds '<', which a URL cannot hold as it is")
        #expect(WebAddress.problem(with: "https://host/a<b", encodesCharacters: true) == nil)
    }

    // MARK: - The reference: the checks as they were written over Unicode scalars

    static func reference(_ address: String, encodesCharacters: Bool = false) -> String? {
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
    static func portProblem(_ port: Substring.UnicodeScalarView.SubSequence) -> String? {
        guard !port.isEmpty else { return nil }
        guard port.allSatisfy({ ("0"..."9").contains($0) }), let number = Int(String(String.UnicodeScalarView(port))), number <= 65535 else {
            return "its port must be a number up to 65535"
        }
        return nil
    }
}
