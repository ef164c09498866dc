/// Text for XML: escaped for element content and attribute values, without the characters
/// XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF).
enum XMLText {
    static func escape(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where scalar == "&" || scalar == "<" || scalar == ">" || scalar == "\""
            || scalar == "'" || !isAllowed(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// The text without the characters XML forbids (for JSON, which could carry them, but
    /// whose readers often choke on them too).
    static func dropForbidden(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x0..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
