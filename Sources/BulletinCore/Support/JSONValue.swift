/// A JSON value with a deterministic, fast serialisation: object keys sorted by code point,
/// `<` written as `\u003c` so that the text can sit inside an HTML `<script>` element, and
/// `ForbiddenCodePoints` left out. Foundation's JSONSerialization was a sixth of the
/// build's time on 10,000 articles.
package enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case integer(Int)
    case bool(Bool)
    /// A value that is absent on purpose (a session without a number in the open data).
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    package init(stringLiteral value: String) { self = .string(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }

    package var encoded: String {
        var output = ""
        write(to: &output)
        return output
    }

    package func write(to output: inout String) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .integer(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let fields):
            output += "{"
            for (index, key) in fields.keys.sorted(by: { $0.codePointPrecedes($1) }).enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                fields[key]!.write(to: &output)
            }
            output += "}"
        }
    }

    package static func writeString(_ text: String, to output: inout String) {
        // JSON-LD sits in HTML: the same code points are left out as everywhere else.
        let text = ForbiddenCodePoints.removed(from: text)
        func needsEscape(_ byte: UInt8) -> Bool {
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") || byte == 0xE2
        }
        let plain = !(text.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscape) }
            ?? text.utf8.contains(where: needsEscape))
        guard !plain else {
            output += "\""
            output += text
            output += "\""
            return
        }
        // Bytes: every character escaped here is ASCII (the only controls left are tab, line
        // feed and carriage return), or U+2028/2029 (E2 80 A8/A9), recognised by its encoding.
        var result: [UInt8] = [UInt8(ascii: "\"")]
        var stored = text
        stored.withUTF8 { bytes in
            result.reserveCapacity(bytes.count + 64)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard needsEscape(byte) else {
                    // A run of bytes that need nothing, copied at once.
                    var end = index + 1
                    while end < bytes.count, !needsEscape(bytes[end]) { end += 1 }
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): result.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): result.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): result.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): result.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): result.append(contentsOf: "\\t".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "\\u003c".utf8)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    result.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 2
                default: result.append(byte)
                }
                index += 1
            }
        }
        result.append(UInt8(ascii: "\""))
        output += String(decoding: result, as: UTF8.self)
    }
}
