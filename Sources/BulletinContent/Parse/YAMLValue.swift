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
            if plain, Int(text) != nil { return "the number \(text)" }
            if plain, ["true", "false", "True", "False", "TRUE", "FALSE"].contains(text) { return "the boolean \(text)" }
            return "the text \"\(text.count > 40 ? text.prefix(40) + "…" : Substring(text))\""
        case .sequence: return "a list"
        case .mapping: return "a mapping of keys to values"
        }
    }
}

/// One key of a YAML mapping with its value.
package struct YAMLPair: Sendable {
    package let key: String
    package let line: Int
    package let column: Int
    package let value: YAMLValue
}
