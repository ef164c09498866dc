/// Text for XML: escaped for element content and attribute values, without the characters
/// XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF)
/// or HTML does (C1 controls, noncharacters).
enum XMLText {
    static func escape(_ text: String) -> String {
        // What HTML forbids too (C1 controls, noncharacters): feed readers show it as HTML.
        let text = HTMLEscaping.droppingForbidden(text)
        var needsWork = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
            || (byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD) || byte == 0xEF {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x26: result.append(contentsOf: "&amp;".utf8)
            case 0x3C: result.append(contentsOf: "&lt;".utf8)
            case 0x3E: result.append(contentsOf: "&gt;".utf8)
            case 0x22: result.append(contentsOf: "&quot;".utf8)
            case 0x27: result.append(contentsOf: "&apos;".utf8)
            case 0x9, 0xA, 0xD: result.append(byte)
            case 0..<0x20: break  // forbidden in XML 1.0
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                index += 2  // U+FFFE, U+FFFF
            default: result.append(byte)
            }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
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
