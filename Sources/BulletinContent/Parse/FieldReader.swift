package import BulletinCore

/// A value with the line and column where it was written.
package struct Located<Value: Sendable>: Sendable {
    package let value: Value
    package let line: Int
    package let column: Int
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// Reads typed values out of a YAML mapping, collecting a diagnostic for every missing key and
/// wrong type instead of stopping at the first.
package struct FieldReader {
    package let source: SourceText
    package let pairs: [YAMLPair]
    /// What the file is, for messages: "article", "page", "registry entry".
    package let kind: String
    package private(set) var diagnostics: [Diagnostic] = []

    /// `problems`: what reading the pairs found already (duplicated keys), reported first.
    package init(source: SourceText, pairs: [YAMLPair], kind: String, problems: [Diagnostic] = []) {
        self.source = source
        self.pairs = pairs
        self.kind = kind
        diagnostics = problems
    }

    package func pair(_ key: String) -> YAMLPair? {
        pairs.first { $0.key == key }
    }

    package mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    package mutating func report(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at value: YAMLValue, hint: String? = nil
    ) {
        diagnostics.append(source.diagnostic(severity, code, message, line: value.line, column: value.column, hint: hint))
    }

    /// A required key that is absent (reported at the top) or written with no value
    /// (`title:` or `title: ~`, reported where the key is).
    private mutating func missingOrEmpty(_ key: String, example: String) {
        guard let pair = pair(key) else { return missing(key, example: example) }
        diagnostics.append(source.diagnostic(
            .error, .missingKey, "'\(key)' is empty", line: pair.line, column: pair.column,
            hint: "write it: `\(key): \(example)`"))
    }

    private mutating func missing(_ key: String, example: String) {
        diagnostics.append(source.diagnostic(
            .error, .missingKey, "missing '\(key)': every \(kind) needs one", line: 1, column: 1,
            hint: "add a line `\(key): \(example)`" + (source.file.hasSuffix(".md") ? " to the front matter" : "")))
    }

    // MARK: - Scalars

    /// Text: any scalar, as written (`title: 2025` is the text "2025").
    package mutating func text(_ key: String, required: Bool = false, example: String = "...") -> Located<String>? {
        guard let pair = pair(key), !pair.value.isNull else {
            if required { missingOrEmpty(key, example: example) }
            return nil
        }
        guard case .scalar(let text, _) = pair.value.kind else {
            report(.error, .wrongType, "'\(key)' must be text, found \(pair.value.kindDescription)", at: pair.value,
                   hint: "write it on one line: `\(key): \(example)`")
            return nil
        }
        if required && text.isVisiblyEmpty {
            report(.error, .missingKey, "'\(key)' is empty", at: pair.value, hint: "write it: `\(key): \(example)`")
            return nil
        }
        return Located(value: text, line: pair.value.line, column: pair.value.column)
    }

    /// Whether the value is a scalar written in quotes (or with a tag).
    private func isQuoted(_ value: YAMLValue) -> Bool {
        if case .scalar(_, false) = value.kind { return true }
        return false
    }

    /// `true` or `false`.
    package mutating func flag(_ key: String) -> Bool? {
        guard let pair = pair(key), !pair.value.isNull else { return nil }
        // Plain only: a quoted "false" is text, as YAML reads it (and as a reader of the file
        // might not notice), so it is the wrong type rather than a silent false.
        if case .scalar(let text, true) = pair.value.kind {
            switch text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        report(.error, .wrongType, "'\(key)' must be true or false, found \(pair.value.kindDescription)", at: pair.value,
               hint: isQuoted(pair.value) ? "write it without quotes: `\(key): true` or `\(key): false`"
                   : "write `\(key): true` or `\(key): false`")
        return nil
    }

    /// A whole number of at least `minimum`.
    package mutating func integer(_ key: String, minimum: Int, example: Int) -> Located<Int>? {
        guard let pair = pair(key), !pair.value.isNull else { return nil }
        guard case .scalar(let text, true) = pair.value.kind,
              let number = Int(text.trimmingWhitespace)
        else {
            var hint = "write the number in digits: `\(key): \(example)`"
            var problem = "must be a whole number"
            switch pair.value.kind {
            case .scalar(let text, false):
                if let quoted = Int(text.trimmingWhitespace) { hint = "write it without quotes: `\(key): \(quoted)`" }
            case .scalar(let text, true) where !text.isEmpty && text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }):
                // Digits past Int.max: a whole number, but not one anything here means.
                problem = "is too large"
                hint = "check the number: \(text.count) digits"
            default:
                break
            }
            report(.error, .wrongType, "'\(key)' \(problem), found \(pair.value.kindDescription)", at: pair.value, hint: hint)
            return nil
        }
        guard number >= minimum else {
            report(.error, .invalidValue, "'\(key)' must be at least \(minimum), found \(number)", at: pair.value,
                   hint: "write `\(key): \(example)`")
            return nil
        }
        return Located(value: number, line: pair.value.line, column: pair.value.column)
    }

    /// A date: `YYYY-MM-DD` or an RFC 3339 date-time.
    package mutating func date(_ key: String, required: Bool = false) -> Located<ContentDate>? {
        guard let pair = pair(key), !pair.value.isNull else {
            if required { missingOrEmpty(key, example: "2025-05-20") }
            return nil
        }
        guard case .scalar(let text, _) = pair.value.kind else {
            report(.error, .wrongType, "'\(key)' must be a date, found \(pair.value.kindDescription)", at: pair.value,
                   hint: "write `\(key): 2025-05-20` or `\(key): 2025-05-20T09:30:00+09:00`")
            return nil
        }
        do {
            return Located(value: try ContentDate.parse(text.trimmingWhitespace), line: pair.value.line, column: pair.value.column)
        } catch .notRFC3339(let missing, let corrected) {
            let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
            report(.error, .invalidDate, "'\(key)' has a time with \(list): \"\(text)\"", at: pair.value,
                   hint: "write `\(key): \(corrected)`"
                    + (missing.contains("no time zone") ? " (the offset of the place, or Z for UTC)" : "")
                    + "; the accepted forms are 2025-05-20, 2025-05-20T09:30:00Z and 2025-05-20T09:30:00+09:00")
        } catch .missingOffset {
            report(.error, .invalidDate, "'\(key)' has a time but no time zone: \"\(text)\"", at: pair.value,
                   hint: "add Z for UTC or an offset such as +09:00: `\(key): \(text)+09:00`")
        } catch .outOfRange(let reason) {
            report(.error, .invalidDate, "'\(key)' is not a real date or time: \"\(text)\" (\(reason))", at: pair.value,
                   hint: ["hour", "minute", "second", "offset"].contains(where: reason.contains)
                    ? "check the time: hours run 00 to 23, minutes 00 to 59, offsets up to ±23:59"
                    : "check the digits: dates are YYYY-MM-DD")
        } catch {
            report(.error, .wrongType, "'\(key)' must be a date, found \(pair.value.kindDescription)", at: pair.value,
                   hint: "write `\(key): 2025-05-20` (YYYY-MM-DD) or `\(key): 2025-05-20T09:30:00+09:00`")
        }
        return nil
    }

    // MARK: - Collections

    /// A list of texts (`[]` when absent).
    package mutating func textList(_ key: String, example: String) -> [Located<String>] {
        guard let pair = pair(key), !pair.value.isNull else { return [] }
        guard case .sequence(let items) = pair.value.kind else {
            var hint = "write a list: `\(key): [\(example)]`"
            if case .scalar(let text, _) = pair.value.kind {
                hint = "write a list, even of one: `\(key): [\(text)]`"
            }
            report(.error, .wrongType, "'\(key)' must be a list, found \(pair.value.kindDescription)", at: pair.value,
                   hint: hint)
            return []
        }
        var result: [Located<String>] = []
        for item in items {
            guard case .scalar(let text, _) = item.kind, !item.isNull, !text.isVisiblyEmpty else {
                report(.error, .wrongType, "each item of '\(key)' must be a name, found \(item.kindDescription)",
                       at: item, hint: "write one name per item: `\(key): [\(example)]`")
                continue
            }
            result.append(Located(value: text, line: item.line, column: item.column))
        }
        return result
    }

    /// A mapping of names to texts (`names: {ko: 한국인터넷진흥원}`), in the order written.
    package mutating func textMap(_ key: String, example: String) -> [(key: Located<String>, value: Located<String>)] {
        guard let pair = pair(key), !pair.value.isNull else { return [] }
        guard case .mapping(let entries) = pair.value.kind else {
            report(.error, .wrongType, "'\(key)' must map names to texts, found \(pair.value.kindDescription)",
                   at: pair.value, hint: "write `\(key): {\(example)}`")
            return []
        }
        var result: [(key: Located<String>, value: Located<String>)] = []
        for entry in entries {
            guard case .scalar(let text, _) = entry.value.kind, !entry.value.isNull else {
                report(.error, .wrongType, "'\(key).\(entry.key)' must be text, found \(entry.value.kindDescription)",
                       at: entry.value, hint: "write `\(key): {\(example)}`")
                continue
            }
            result.append((
                Located(value: entry.key, line: entry.line, column: entry.column),
                Located(value: text, line: entry.value.line, column: entry.value.column)
            ))
        }
        return result
    }

    // MARK: - Everything else

    /// A list of mappings (`chairs: [{name: ..., role: ...}]`), each with its keys; `[]`
    /// when absent. A mapping's unknown keys, and keys near `known` ones, are reported.
    package mutating func mappingList(_ key: String, known: [String], example: String) -> [(value: YAMLValue, pairs: [YAMLPair])] {
        guard let pair = pair(key), !pair.value.isNull else { return [] }
        guard case .sequence(let items) = pair.value.kind else {
            report(.error, .wrongType, "'\(key)' must be a list, found \(pair.value.kindDescription)", at: pair.value,
                   hint: "write a list: `\(key): [\(example)]`")
            return []
        }
        var result: [(value: YAMLValue, pairs: [YAMLPair])] = []
        for item in items {
            guard case .mapping(let pairs) = item.kind else {
                report(.error, .wrongType, "each item of '\(key)' must be a mapping, found \(item.kindDescription)", at: item,
                       hint: "write `\(key): [\(example)]`")
                continue
            }
            for pair in pairs where !known.contains(pair.key) {
                let near = EditDistance.closest(to: pair.key, among: known, limit: 2, count: 1).first
                diagnostics.append(source.diagnostic(
                    .warning, .unknownKey,
                    "unknown key '\(pair.key)' in an item of '\(key)'" + (near.map { "; did you mean '\($0)'?" } ?? ""),
                    line: pair.line, column: pair.column,
                    hint: "an item of '\(key)' has \(known.map { "`\($0)`" }.joined(separator: ", "))"))
            }
            result.append((item, pairs))
        }
        return result
    }

    /// `lang:` as one of the site's languages (its spelling in site.yaml), or the default.
    package mutating func language(config: SiteConfig) -> (tag: String, location: SourceLocation?) {
        guard let lang = text("lang", example: config.language) else { return (config.language, nil) }
        let location = SourceLocation(file: source.file, line: lang.line, column: lang.column)
        if let tag = config.languages.first(where: { $0.lowercased() == lang.value.trimmingWhitespace.lowercased() }) {
            return (tag, location)
        }
        report(source.diagnostic(
            .error, .invalidValue, "'lang' must be one of the site's languages (\(config.languages.joined(separator: ", "))), found \"\(lang.value)\"",
            line: lang.line, column: lang.column,
            hint: "use one of \(config.languages.joined(separator: ", ")), or add \"\(lang.value)\" to `languages` in site.yaml"))
        return (config.language, location)
    }

    /// Where each key is written.
    package var keyLocations: KeyLocations {
        KeyLocations(pairs, file: source.file)
    }

    /// The keys not in `known`, as template data; a key within two edits of a known one is a
    /// warning naming it (`tittle` -> `title`).
    package mutating func params(known: [String]) -> [String: ParamValue] {
        let knownSet = Set(known)
        var params: [String: ParamValue] = [:]
        for pair in pairs where !knownSet.contains(pair.key) {
            let lowered = pair.key.lowercased()
            if let match = known.first(where: { $0.lowercased() == lowered })
                ?? EditDistance.closest(to: pair.key, among: known, limit: 2, count: 1).first {
                diagnostics.append(source.diagnostic(
                    .warning, .unknownKey, "unknown key '\(pair.key)' in this \(kind); did you mean '\(match)'?",
                    line: pair.line, column: pair.column,
                    hint: "rename it to '\(match)'; other keys reach the templates as params.\(pair.key)"))
            }
            if let value = ParamValue(pair.value) { params[pair.key] = value }
        }
        return params
    }
}
