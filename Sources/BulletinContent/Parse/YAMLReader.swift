package import BulletinCore

private import Yams
internal import Foundation

/// Parses YAML text into a `YAMLValue` with file positions, turning every libyaml error into a
/// diagnostic at the right line and column of the file.
package enum YAMLReader {
    /// The most values a document may expand to once aliases are followed. Real front matter
    /// has a few dozen; an alias bomb has billions.
    package static let maximumValues = 10_000
    /// The most characters of scalar text a document may expand to.
    package static let maximumTextLength = 4 << 20

    /// Parses `yaml`, whose first line is line `firstLine` of `source`.
    /// The root must be a mapping; an empty document is an empty mapping.
    package static func parseMapping(_ yaml: String, firstLine: Int, in source: SourceText) -> Result<[YAMLPair], Diagnostic> {
        if let diagnostic = complexAliasKey(in: yaml, firstLine: firstLine, source: source) {
            return .failure(diagnostic)
        }
        // Most front matter is a few keys of the simplest forms, read without Yams.
        if let pairs = SimpleYAML.mapping(yaml, firstLine: firstLine) { return .success(pairs) }
        return mapping(of: composed(yaml, firstLine: firstLine, in: source), in: source)
    }

    /// `parseMapping`, going on past duplicated keys: each is reported (at its second
    /// occurrence), the later entry is left out, and the rest is read, so that the file's
    /// other problems are found in the same build ("every problem of a build is reported").
    /// Nil pairs when the YAML cannot be read past some error.
    package static func parseMappingPastDuplicates(
        _ yaml: String, firstLine: Int, in source: SourceText
    ) -> (pairs: [YAMLPair]?, problems: [Diagnostic]) {
        var yaml = yaml
        var problems: [Diagnostic] = []
        while true {
            switch parseMapping(yaml, firstLine: firstLine, in: source) {
            case .success(let pairs):
                return (pairs, problems)
            case .failure(let diagnostic):
                problems.append(diagnostic)
                // Each round removes one entry; a hundred is more than any front matter has.
                guard diagnostic.code == .duplicateKey, problems.count < 100,
                      let line = diagnostic.location.line, let column = diagnostic.location.column,
                      let repaired = removingEntry(line: line - firstLine + 1, column: column, in: yaml)
                else { return (nil, problems) }
                yaml = repaired
            }
        }
    }

    /// `yaml` with the mapping entry whose key starts at `line` and `column` (counted in
    /// Unicode scalars, within `yaml`) blanked out, lines kept so that every other position
    /// stays: in a block mapping, its line and the more indented lines of its value; in a
    /// flow mapping on one line (`{name: A, name: B}`), the entry and the comma after it.
    /// Nil when the entry's end cannot be found so simply.
    static func removingEntry(line: Int, column: Int, in yaml: String) -> String? {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard line >= 1, line <= lines.count, column >= 1 else { return nil }
        var scalars = Array(lines[line - 1].unicodeScalars)
        guard column <= scalars.count else { return nil }
        let indentation = column - 1
        if scalars[..<indentation].allSatisfy({ $0 == " " }), !isInFlow(lines[..<(line - 1)]) {
            // A key with nothing after its colon may have its list at its own indentation
            // (`agencies:` then `- KISA`, as Hugo's users write it): those lines go too.
            let valueOnItsLine = lines[line - 1].split(separator: ":", maxSplits: 1).dropFirst().first.map { !$0.allSatisfy { $0 == " " } } ?? false
            lines[line - 1] = ""
            var next = line
            while next < lines.count {
                let text = lines[next]
                let indent = text.unicodeScalars.prefix { $0 == " " }.count
                let ownList = !valueOnItsLine && indent == indentation && (text.dropFirst(indent).hasPrefix("- ") || text.dropFirst(indent) == "-")
                guard text.allSatisfy({ $0 == " " }) || indent > indentation || ownList else { break }
                lines[next] = ""
                next += 1
            }
            return lines.joined(separator: "\n")
        }
        // In a flow mapping: up to the `,` or `}` that ends the entry, outside quotes and
        // brackets.
        var depth = 0
        var quote: Unicode.Scalar?
        var end = indentation
        while end < scalars.count {
            let scalar = scalars[end]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "[" || scalar == "{" {
                depth += 1
            } else if scalar == "]" || scalar == "}" {
                if depth == 0 { break }
                depth -= 1
            } else if scalar == ",", depth == 0 {
                break
            }
            end += 1
        }
        guard end < scalars.count, quote == nil else { return nil }
        if scalars[end] == "," { end += 1 }
        for index in indentation..<end { scalars[index] = " " }
        lines[line - 1] = String(String.UnicodeScalarView(scalars))
        return lines.joined(separator: "\n")
    }

    /// Whether the text of `lines` leaves a flow collection (`{` or `[`) open: a key at the
    /// start of the next line is then inside it, not a key of a block mapping.
    private static func isInFlow(_ lines: ArraySlice<String>) -> Bool {
        var depth = 0
        for line in lines {
            var quote: Character?
            // The last character before this one that is not a space: a quote starts a quoted
            // scalar only where a value can (`title: "a [b"`, not `Korea's`).
            var previous: Character?
            for character in line {
                defer { if character != " " { previous = character } }
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    if previous == nil || ":[{,-".contains(previous!) { quote = character }
                } else if character == "#" && (previous == nil || depth == 0) {
                    break
                } else if character == "{" || character == "[" {
                    depth += 1
                } else if character == "}" || character == "]" {
                    depth = max(0, depth - 1)
                }
            }
        }
        return depth > 0
    }

    /// What Yams makes of `yaml` as a mapping (`parseMapping` without its quick path, for
    /// comparing the two).
    package static func parseMappingWithYams(_ yaml: String, firstLine: Int, in source: SourceText) -> Result<[YAMLPair], Diagnostic> {
        mapping(of: parse(yaml, firstLine: firstLine, in: source), in: source)
    }

    private static func mapping(of parsed: Result<YAMLValue?, Diagnostic>, in source: SourceText) -> Result<[YAMLPair], Diagnostic> {
        switch parsed {
        case .failure(let diagnostic):
            return .failure(diagnostic)
        case .success(nil):
            return .success([])
        case .success(let value?):
            guard case .mapping(let pairs) = value.kind else {
                if value.isNull { return .success([]) }
                return .failure(source.diagnostic(
                    .error, .wrongType, "expected keys and values (`key: value`), found \(value.kindDescription)",
                    line: value.line, column: value.column,
                    hint: "write one `key: value` per line, such as `title: The 7th consultation`"))
            }
            return .success(pairs)
        }
    }

    package static func parse(_ yaml: String, firstLine: Int, in source: SourceText) -> Result<YAMLValue?, Diagnostic> {
        if let diagnostic = complexAliasKey(in: yaml, firstLine: firstLine, source: source) {
            return .failure(diagnostic)
        }
        return composed(yaml, firstLine: firstLine, in: source)
    }

    /// The document as Yams composes it, converted under the budget.
    private static func composed(_ yaml: String, firstLine: Int, in source: SourceText) -> Result<YAMLValue?, Diagnostic> {
        let node: Node?
        do {
            // The encoding said outright: Yams' default reads the process's whole environment
            // (for YAMS_DEFAULT_ENCODING) on every call, a dictionary of every variable made
            // for each of 10,000 front matters.
            //
            // The basic resolver: every untagged scalar is text. Nothing here reads the tags
            // Yams would resolve (numbers, booleans and dates are read from the text, by key);
            // Yams resolves them only to compare keys for duplicates, running up to seven
            // regular expressions per key, 4 % of a large build. Keys are names here, so `1:`
            // and `"1":` are the same key, and writing both is the duplicate it now reports.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, yaml: yaml, firstLine: firstLine, source: source))
        } catch {
            return .failure(source.diagnostic(
                .error, .yamlSyntax, "the YAML could not be read: \(error)", line: firstLine, column: 1))
        }
        guard let node else { return .success(nil) }
        var budget = Budget(followsAliases: mayHoldAliases(yaml))
        do {
            return .success(try convert(node, firstLine: firstLine, budget: &budget, source: source))
        } catch let failure as ConversionFailure {
            return .failure(failure.diagnostic)
        } catch {
            preconditionFailure("unexpected \(error)")
        }
    }

    /// A line and column in the YAML text, from 1.
    private struct Position {
        package let line: Int
        package let column: Int

        package init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        package init(_ mark: Mark?) {
            self.init(line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
    }

    // MARK: - Conversion under a budget

    private struct Budget {
        /// Whether the text seems to hold an alias: what the message blames.
        let followsAliases: Bool
        package var values = 0
        package var textLength = 0
    }

    /// Whether `yaml` has what looks like an alias (`*name` after a space, `[`, `,` or `:`).
    static func mayHoldAliases(_ yaml: String) -> Bool {
        var previous: UInt8 = 0x20
        var afterStar = false
        for byte in yaml.utf8 {
            if afterStar, byte != 0x20, byte != 0x0A, byte != 0x2C, byte != 0x5D, byte != 0x7D { return true }
            afterStar = byte == UInt8(ascii: "*") && [0x20, 0x0A, 0x5B, 0x2C, 0x3A, 0x7B].contains(previous)
            previous = byte
        }
        return false
    }

    private static func tooLarge(_ budget: Budget, firstLine: Int, source: SourceText) -> ConversionFailure {
        ConversionFailure(diagnostic: source.diagnostic(
            .error, .yamlTooLarge,
            budget.followsAliases
                ? "the front matter expands to more than \(maximumValues) values or \(maximumTextLength >> 20) MiB of text"
                : "the front matter holds more than \(maximumValues) values or \(maximumTextLength >> 20) MiB of text",
            line: firstLine, column: 1,
            hint: budget.followsAliases
                ? "YAML aliases (`*name`) repeat what their anchor (`&name`) holds; remove the nested aliases"
                : "front matter is a short list of keys: put long text in the article's body, below the closing ---"))
    }

    private struct ConversionFailure: Error {
        package let diagnostic: Diagnostic
    }

    private static func convert(_ node: Node, firstLine: Int, budget: inout Budget, source: SourceText) throws -> YAMLValue {
        budget.values += 1
        let mark = Position(node.mark)
        let line = mark.line + firstLine - 1
        guard budget.values <= maximumValues, budget.textLength <= maximumTextLength else {
            throw tooLarge(budget, firstLine: firstLine, source: source)
        }
        switch node {
        case .scalar(let scalar):
            budget.textLength += scalar.string.utf8.count
            // Checked here too: one long text, or the last one, has no node after it.
            guard budget.textLength <= maximumTextLength else { throw tooLarge(budget, firstLine: firstLine, source: source) }
            // A tag that names a type of the core schema (`!!bool true`, `!!int 5`) makes the
            // text that type, quoted or not, as a plain scalar of it would be; any other tag
            // (`!!str`, `!`) and any quotes make it text.
            let tag = scalar.tag.rawValue
            let plain = tag.isEmpty ? scalar.style == .plain : Self.typedTags.contains(tag)
            return YAMLValue(kind: .scalar(scalar.string, plain: plain), line: line, column: mark.column)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence {
                items.append(try convert(item, firstLine: firstLine, budget: &budget, source: source))
            }
            return YAMLValue(kind: .sequence(items), line: line, column: mark.column)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for (key, value) in mapping {
                let keyMark = key.mark.map(Position.init) ?? mark
                guard case .scalar(let keyScalar) = key else {
                    throw ConversionFailure(diagnostic: source.diagnostic(
                        .error, .wrongType, "a key must be a plain name, not \(key.sequence != nil ? "a list" : "a mapping")",
                        line: keyMark.line + firstLine - 1, column: keyMark.column,
                        hint: "write keys as plain words: `title: ...`"))
                }
                pairs.append(YAMLPair(
                    key: keyScalar.string, line: keyMark.line + firstLine - 1, column: keyMark.column,
                    value: try convert(value, firstLine: firstLine, budget: &budget, source: source)))
                // Keys come resolved (Yams compares them for duplicates): untagged, `str`.
                if keyScalar.string == "<<", keyScalar.style == .plain,
                   keyScalar.tag.rawValue.isEmpty || keyScalar.tag.rawValue == "tag:yaml.org,2002:str" {
                    pairs[pairs.count - 1].isMerge = true
                }
            }
            return YAMLValue(kind: .mapping(try merged(pairs, source: source)), line: line, column: mark.column)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one cannot reach here.
            return YAMLValue(kind: .scalar("", plain: true), line: line, column: mark.column)
        }
    }

    /// The tags of the core schema's types other than text (`!!bool`, `!!int`, `!!float`,
    /// `!!null`), as Yams gives them.
    private static let typedTags: Set<String> = [
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:null",
    ]

    /// A mapping's pairs with its merge keys applied, as YAML's merge key type and Hugo read
    /// them: `<<: *defaults` (or a list of such mappings, the first winning) adds each key
    /// the mapping does not set itself, in the place of the `<<`.
    private static func merged(_ pairs: [YAMLPair], source: SourceText) throws -> [YAMLPair] {
        guard pairs.contains(where: \.isMerge) else { return pairs }
        let own = Set(pairs.filter { !$0.isMerge }.map(\.key))
        var added: Set<String> = []
        var result: [YAMLPair] = []
        for pair in pairs {
            guard pair.isMerge else {
                result.append(pair)
                continue
            }
            let sources: [YAMLValue]
            switch pair.value.kind {
            case .mapping: sources = [pair.value]
            case .sequence(let items) where items.allSatisfy({ if case .mapping = $0.kind { true } else { false } }): sources = items
            default:
                throw ConversionFailure(diagnostic: source.diagnostic(
                    .error, .wrongType, "a merge key (`<<`) must be given a mapping or a list of mappings, not \(pair.value.kindDescription)",
                    line: pair.value.line, column: pair.value.column,
                    hint: "name a mapping with an anchor (`defaults: &defaults {location: Seoul}`) and merge it with `<<: *defaults`"))
            }
            for case .mapping(let fields) in sources.map(\.kind) {
                for field in fields where !own.contains(field.key) && added.insert(field.key).inserted {
                    result.append(field)
                }
            }
        }
        return result
    }

    // MARK: - Aliases as keys

    /// Yams hashes every mapping key to find duplicates, and hashing follows aliases, so a
    /// key that is an alias of a nested collection (or a collection of such aliases) would hang
    /// before the budget above could stop it. Front matter keys are names; refuse aliases and
    /// explicit complex keys (`? ...`) in key position whenever the document defines anchors.
    private static func complexAliasKey(in yaml: String, firstLine: Int, source: SourceText) -> Diagnostic? {
        // Whether the document has `&` and `*` or `?` as characters (as bytes first: most
        // documents lack one, and a byte is quicker to look for than a character).
        func has(_ character: Character) -> Bool {
            let byte = character.asciiValue!
            let hasByte = yaml.utf8.withContiguousStorageIfAvailable { $0.offset(of: byte) != nil } ?? yaml.utf8.contains(byte)
            return hasByte && yaml.contains(character)
        }
        guard has("&"), has("*") || has("?") else { return nil }
        // On bytes: every character looked for is ASCII, and no byte of any other character
        // is one (a line feed is always a character of its own; CR LF was made LF on reading).
        // Columns count characters, as everywhere: converted when one is reported.
        var lineNumber = firstLine
        for line in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            defer { lineNumber += 1 }
            let bytes = Array(line)
            func column(_ index: Int) -> Int { bytes[..<index].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } }
            var index = 0
            var inSingle = false
            var inDouble = false
            while index < bytes.count {
                let byte = bytes[index]
                if inSingle {
                    if byte == UInt8(ascii: "'") { inSingle = false }
                } else if inDouble {
                    // A backslash escapes what follows; the rest of a longer character's bytes
                    // match nothing below.
                    if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inDouble = false }
                } else if byte == UInt8(ascii: "'") {
                    inSingle = true
                } else if byte == UInt8(ascii: "\"") {
                    inDouble = true
                } else if byte == UInt8(ascii: "#") && (index == 0 || bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t")) {
                    break
                } else if byte == UInt8(ascii: "?") && isKeyPosition(bytes, index)
                    && (index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " ")) {
                    return source.diagnostic(
                        .error, .wrongType, "complex keys (`? ...`) are not supported in front matter",
                        line: lineNumber, column: column(index), hint: "write keys as plain words: `title: ...`")
                } else if byte == UInt8(ascii: "*") && isKeyPosition(bytes, index) {
                    var end = index + 1
                    while end < bytes.count, isAnchorCharacter(bytes[end]) { end += 1 }
                    var after = end
                    while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
                    if end > index + 1, after < bytes.count, bytes[after] == UInt8(ascii: ":") {
                        return source.diagnostic(
                            .error, .wrongType, "an alias (`*name`) cannot be used as a key in front matter",
                            line: lineNumber, column: column(index), hint: "write keys as plain words: `title: ...`")
                    }
                }
                index += 1
            }
        }
        return nil
    }

    /// At the start of the line (after indentation and `- `), or after `{`, `[` or `,`.
    private static func isKeyPosition(_ bytes: [UInt8], _ index: Int) -> Bool {
        var before = index - 1
        while before >= 0, bytes[before] == UInt8(ascii: " ") || bytes[before] == UInt8(ascii: "\t") { before -= 1 }
        if before < 0 { return true }
        return Array("-{[,?".utf8).contains(bytes[before])
    }

    private static func isAnchorCharacter(_ byte: UInt8) -> Bool {
        !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[")
            || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ":"))
    }

    // MARK: - Errors

    private static func diagnostic(for error: YamlError, yaml: String, firstLine: Int, source: SourceText) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's own wording names its C function; say what it means.
            var message = problem.hasPrefix("Maximum nesting level reached")
                ? "malformed YAML: lists and mappings are nested too deeply" : "malformed YAML: \(problem)"
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let lineCount = max(lines.count - (yaml.hasSuffix("\n") ? 1 : 0), 1)
            if let context, !context.text.isEmpty {
                // libyaml places what the text ends in the middle of one line past its end.
                message += " (\(context.text) at line \(min(context.mark.line, lineCount) + firstLine - 1))"
            }
            // A quote or bracket never closed is found at the end of the front matter, and a
            // line without its colon at the next line; the editor needs to see the line where
            // it went wrong, which libyaml gives as the context.
            // An unknown escape is where libyaml found it, not at the quote it is inside.
            var place = (line: mark.line, column: mark.column)
            if let context, ["quoted scalar", "simple key", "flow sequence", "flow mapping", "flow node"].contains(where: context.text.contains),
               !problem.contains("unknown escape") {
                place = (context.mark.line, context.mark.column)
            }
            let line = max(min(place.line, lineCount), 1)
            return source.diagnostic(
                .error, .yamlSyntax, message, line: line + firstLine - 1, column: max(place.column, 1),
                hint: hint(forProblem: problem, context: context?.text, line: line <= lines.count ? lines[line - 1] : nil,
                           previous: line >= 2 ? lines[line - 2] : nil))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = Position(context.mark)
            let second = secondOccurrence(ofKey: key, after: first, in: yaml) ?? first
            return source.diagnostic(
                .error, .duplicateKey,
                "the key '\(key)' appears twice (first at line \(first.line + firstLine - 1))",
                line: second.line + firstLine - 1, column: second.column,
                hint: "keep one '\(key)' and delete the other")
        case .reader(let problem, let offset, _, _):
            var line = firstLine
            var column = 1
            if let offset {
                let prefix = yaml.utf8.prefix(offset)
                line += prefix.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                let lastLine = prefix.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).last ?? []
                column = String(decoding: lastLine, as: UTF8.self).unicodeScalars.count + 1
            }
            return source.diagnostic(
                .error, .yamlSyntax, "the YAML could not be read: \(problem)", line: line, column: column,
                hint: "remove control characters from the front matter")
        default:
            return source.diagnostic(.error, .yamlSyntax, "the YAML could not be read: \(error)", line: firstLine, column: 1)
        }
    }

    /// Where a duplicated key is written the second time: in a flow mapping (`{ko: a, ko: b}`)
    /// later on the same line; in a block mapping, the next line after the first one that
    /// starts with the key, indented the same.
    private static func secondOccurrence(ofKey key: String, after first: Position, in yaml: String) -> Position? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let scalars = Array(lines[first.line - 1].unicodeScalars)
        var column = first.column + key.unicodeScalars.count
        let inFlow = scalars.prefix(max(first.column - 1, 0)).contains("{")
        while inFlow, column + key.unicodeScalars.count <= scalars.count {
            let start = column - 1
            let before = start == 0 ? " " : Character(scalars[start - 1])
            if (before == "," || before == " " || before == "{"),
               String(String.UnicodeScalarView(scalars[start..<(start + key.unicodeScalars.count)])) == key,
               scalars[(start + key.unicodeScalars.count)...].drop(while: { $0 == " " }).first == ":" {
                return Position(line: first.line, column: column)
            }
            column += 1
        }
        guard first.line < lines.count else { return nil }
        let indent = String(repeating: " ", count: max(first.column - 1, 0))
        for number in (first.line + 1)...lines.count {
            let line = lines[number - 1]
            guard line.hasPrefix(indent) else { continue }
            let rest = line.dropFirst(indent.count)
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
                let after = rest.dropFirst(candidate.count).drop { $0 == " " }
                if after.hasPrefix(":") { return Position(line: number, column: first.column) }
            }
        }
        return nil
    }

    /// What to do about a libyaml error, from its wording and the line it is on (and the
    /// line before it): the line's own key and value where the fix is to quote it.
    private static func hint(forProblem problem: String, context: String?, line: Substring?, previous: Substring?) -> String? {
        let text = problem + " " + (context ?? "")
        if text.contains("unknown escape") {
            return "in double quotes a backslash starts an escape (`\\\"`, `\\n`): write `\\\\` for a backslash itself, "
                + "or put the value in single quotes"
        }
        if text.contains("mapping values are not allowed") {
            if let line, let previous {
                let indentation = line.prefix { $0 == " " }.count
                let previousIndentation = previous.prefix { $0 == " " }.count
                if indentation > previousIndentation, !String(previous).trimmingWhitespace.hasSuffix(":") {
                    return "this line is indented under the one above, which already has its value: "
                        + "start it at the same place as the other keys"
                }
            }
            if let line, let colon = line.range(of: ": "), !line.hasPrefix(" "), !line.hasPrefix("-") {
                let key = line[..<colon.lowerBound]
                let value = String(line[colon.upperBound...]).trimmingWhitespace
                if !value.contains("\""), !key.isEmpty {
                    return "a value that contains `: ` must be quoted: `\(key): \"\(value)\"`"
                }
            }
            return "a value that contains `: ` must be quoted: `title: \"Seoul: the 7th round\"`"
        }
        if text.contains("tab") || text.contains("cannot start any token") {
            return "YAML values cannot start with `@`, `` ` `` or a tab; quote the value, and indent with spaces"
        }
        if text.contains("did not find expected key") || text.contains("could not find expected ':'") {
            return "check the indentation, and that every key ends with `:`"
        }
        if text.contains("Maximum nesting level") {
            return "front matter nests a list or mapping a level or two deep at most: write the values out flat"
        }
        if text.contains("expected node content") {
            return "a value is missing: after `[`, `,`, `- ` or `key: ` comes a value (quote it if it starts with `@`, `%` or `*`)"
        }
        if text.contains("flow sequence") {
            return "a list in brackets needs commas between its items and its closing `]`: `agencies: [KISA, EEAS]`"
        }
        if text.contains("flow mapping") {
            return "a mapping in braces needs commas between its entries and its closing `}`: `{name: ..., role: ...}`"
        }
        if text.contains("end of stream") || text.contains("quoted scalar") {
            return "a quoted value is missing its closing quote"
        }
        if text.contains("alias") {
            return "every alias `*name` needs an anchor `&name` earlier in the front matter"
        }
        if text.contains("block collection") || text.contains("'-' indicator") {
            return "list items (`- item`) must line up under one another"
        }
        return nil
    }
}
