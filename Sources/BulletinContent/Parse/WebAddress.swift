/// The checks an absolute http(s) address passes before a page links to it: what browsers
/// would read as another host or refuse, and what the HTML validator rejects in `href`.
public enum WebAddress {
    /// Why `address` (starting with `http://` or `https://`) is not one a page can link to,
    /// or nil: a missing or malformed host, a port out of range, a `%` that starts no escape,
    /// a character a URL cannot hold as it is (unless `encodesCharacters`: Markdown's links,
    /// which libcmark percent-encodes when it writes them).
    ///
    /// Every rule is about ASCII characters (anything else is allowed in a host and a path),
    /// so the address is read as UTF-8 bytes, where a byte below 0x80 is that character and
    /// no byte of a longer character is: every link of every body is checked, and reading
    /// them as Unicode scalars was a percent of a build.
    public static func problem(with address: String, encodesCharacters: Bool = false) -> String? {
        var bytes = address
        return bytes.withUTF8 { problem(with: $0, address: address, encodesCharacters: encodesCharacters) }
    }

    /// Whether `bytes` start with `scheme`, ASCII letters compared without case.
    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ scheme: String) -> Bool {
        guard bytes.count >= scheme.utf8.count else { return false }
        for (index, expected) in scheme.utf8.enumerated() {
            let byte = bytes[index]
            if byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0) != expected { return false }
        }
        return true
    }

    /// Whether `address` begins with the characters `https://` or `http://`, in any case: the
    /// addresses `problem(with:)` checks (a link to another scheme, `mailto:`, is not one).
    package static func hasWebScheme(_ address: String) -> Bool {
        var text = address
        return text.withUTF8 { schemeLength($0, address: address) } != nil
    }

    /// The length of the `https://` or `http://` that `address`, whose UTF-8 is `bytes`,
    /// begins with, or nil. Read on the bytes (no character outside ASCII lowercases to these
    /// letters); but the scheme is a prefix of characters: a character outside ASCII right
    /// after it may join its `/` into one character (a combining mark), and then the address
    /// does not start with the scheme.
    private static func schemeLength(_ bytes: UnsafeBufferPointer<UInt8>, address: String) -> Int? {
        let length = startsWith(bytes, "https://") ? 8 : startsWith(bytes, "http://") ? 7 : 0
        guard length > 0 else { return nil }
        if bytes.count > length, bytes[length] >= 0x80 {
            let lower = address.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        }
        return length
    }

    private static func problem(with bytes: UnsafeBufferPointer<UInt8>, address: String, encodesCharacters: Bool) -> String? {
        guard let schemeLength = schemeLength(bytes, address: address) else { return "it does not start with https:// or http://" }
        let count = bytes.count
        var authorityEnd = schemeLength
        while authorityEnd < count, bytes[authorityEnd] != ascii("/"), bytes[authorityEnd] != ascii("?"), bytes[authorityEnd] != ascii("#") {
            authorityEnd += 1
        }
        var authorityStart = schemeLength
        if let at = (schemeLength..<authorityEnd).last(where: { bytes[$0] == ascii("@") }) { authorityStart = at + 1 }
        guard authorityStart < authorityEnd else { return "it has no host (three slashes?)" }
        if bytes[authorityStart] == ascii("[") {
            guard let close = (authorityStart..<authorityEnd).first(where: { bytes[$0] == ascii("]") }) else {
                return "its IPv6 host has no closing ]"
            }
            if close + 1 < authorityEnd {
                guard bytes[close + 1] == ascii(":") else { return "its host is followed by something other than a port" }
                if let problem = portProblem(bytes, (close + 2)..<authorityEnd) { return problem }
            }
        } else {
            var hostEnd = authorityEnd
            if let colon = (authorityStart..<authorityEnd).first(where: { bytes[$0] == ascii(":") }) {
                hostEnd = colon
                if let problem = portProblem(bytes, (colon + 1)..<authorityEnd) { return problem }
            }
            guard authorityStart < hostEnd else { return "it has no host" }
            for index in authorityStart..<hostEnd where !isHostByte(bytes[index]) {
                return "its host holds a character no host name has"
            }
        }
        var index = authorityEnd
        while index < count {
            let byte = bytes[index]
            if byte == ascii("%") {
                guard index + 2 < count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
                    return "a % in it is not followed by two hexadecimal digits (write %25 for a percent sign)"
                }
            } else if !encodesCharacters, byte <= 0x20 || byte == 0x7F || isRefusedPunctuation(byte) {
                return "it holds '\(Unicode.Scalar(byte).escaped(asASCII: true))', which a URL cannot hold as it is"
            }
            index += 1
        }
        return nil
    }

    /// Why the bytes in `range` (the text after the host's colon) are not a port, or nil;
    /// empty is allowed.
    private static func portProblem(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard !range.isEmpty else { return nil }
        var number = 0
        for index in range {
            guard bytes[index] >= ascii("0"), bytes[index] <= ascii("9"), number <= 65535 else {
                return "its port must be a number up to 65535"
            }
            number = number * 10 + Int(bytes[index] - ascii("0"))
        }
        return number <= 65535 ? nil : "its port must be a number up to 65535"
    }

    /// A byte a host name may hold: a letter, digit, `-._~%`, or any byte of a character
    /// outside ASCII.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= ascii("a") && byte <= ascii("z")) || (byte >= ascii("A") && byte <= ascii("Z"))
            || (byte >= ascii("0") && byte <= ascii("9")) || byte == ascii("-") || byte == ascii(".") || byte == ascii("_")
            || byte == ascii("~") || byte == ascii("%")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= ascii("0") && byte <= ascii("9")) || (byte >= ascii("a") && byte <= ascii("f")) || (byte >= ascii("A") && byte <= ascii("F"))
    }

    /// The quote, `<`, `>`, the backslash, `^`, the backtick, `{`, `|` and `}`: characters
    /// the HTML validator refuses in an address as they are.
    private static func isRefusedPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case ascii("\""), ascii("<"), ascii(">"), ascii("\\"), ascii("^"), ascii("`"), ascii("{"), ascii("|"), ascii("}"): true
        default: false
        }
    }

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }
}
