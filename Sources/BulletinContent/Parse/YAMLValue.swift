import BulletinCore

/// A YAML value with its place in the file: what the front matter decoders read.
///
/// Made from Yams' node tree with aliases expanded, under a size budget.
package struct YAMLValue: Sendable {
    package enum Kind: Sendable {
        /// A scalar's text, and whether it was written plain (unquoted, untagged): only plain
        /// scalars can be `null`, `true` or numbers.
        case scalar(String, plain: Bool)
        case sequence([YAMLValue])
        case mapping([YAMLPair])
    }

    package let kind: Kind
    /// The file's line and column where the value starts.
    package let line: Int
    package let column: Int

    /// `~`, `null` or nothing at all, written plain.
    package var isNull: Bool {
        guard case .scalar(let text, true) = kind else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// What a person would call this kind of value, for messages.
    package var kindDescription: String {
        switch kind {
        case .scalar(let text, let plain):
            if isNull { return "nothing" }
            if plain, Int(text) != nil || Self.isNumber(text) { return "the number \(text)" }
            if plain, ["true", "false", "True", "False", "TRUE", "FALSE"].contains(text) { return "the boolean \(text)" }
            return "the text \"\(text.count > 40 ? text.prefix(40) + "…" : Substring(text))\""
        case .sequence: return "a list"
        case .mapping: return "a mapping of keys to values"
        }
    }
}

extension YAMLValue {
    /// Whether plain text is a number in YAML's core schema: `1.5`, `-2e3`, `.5`, or digits
    /// too many for a whole number here (`99999999999999999999`).
    static func isNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(whole.count)
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fraction)
        }
        guard whole.count + fraction > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix(while: isDigit).count
            guard exponent > 0 else { return false }
            bytes = bytes.dropFirst(exponent)
        }
        return bytes.isEmpty
    }
}

/// One key of a YAML mapping with its value.
package struct YAMLPair: Sendable {
    package let key: String
    package let line: Int
    package let column: Int
    package let value: YAMLValue
    /// A plain `<<` key: YAML's merge key, applied by the reader (`YAMLReader`).
    var isMerge = false
}
