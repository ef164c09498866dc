package import BulletinCore

internal import Foundation

// MARK: - Reading a registry entry

extension RegistryEntry {
    /// Parses `Content/<taxonomy>/<id>.md`; nil when it has errors.
    /// `takenIDs`: the names (without `.md`) of the registry's files, which a suggested new
    /// name must not be.
    package static func decode(_ file: SourceFile, taxonomy: String, takenIDs: Set<String> = []) -> (RegistryEntry?, [Diagnostic]) {
        let id = file.path.lastPathComponent.deletingPathExtension
        var diagnostics: [Diagnostic] = []
        if !isValidID(id) {
            let hint: String
            if let (suggestion, romanised) = TermID.suggestion(for: id, taken: takenIDs) {
                hint = "rename the file to \(taxonomy)/\(suggestion).md"
                    + (romanised ? " (romanised from the Hangul: check it, or use the English short name); the name stays in `name:` or `names:`" : "")
            } else {
                hint = "rename the file to an id of lowercase ASCII letters, digits and hyphens, such as \(taxonomy)/\(TermID.free("new-term", taken: takenIDs)).md"
            }
            diagnostics.append(Diagnostic(
                .error, .invalidTermID,
                "'\(id)' cannot be a term id: ids are lowercase ASCII letters, digits and hyphens",
                at: SourceLocation(file: file.displayPath), hint: hint))
        }
        let source: SourceText
        let frontMatter: FrontMatter
        let pairs: [YAMLPair]
        let problems: [Diagnostic]
        switch MarkdownFile.read(file) {
        case .failure(let failure): return (nil, diagnostics + failure.diagnostics)
        case .success(let result): (source, frontMatter, pairs, problems) = result
        }
        var reader = FieldReader(source: source, pairs: pairs, kind: "registry entry", problems: problems)
        let writtenName = reader.text("name", required: true, example: "Korea Internet & Security Agency")
        let short = reader.text("short", example: "KISA")
        let aliases = reader.textList("aliases", example: "Korea Internet and Security Agency")
        let names = reader.textMap("names", example: "ko: 한국인터넷진흥원")
        let params = reader.params(known: fixedKeys)
        diagnostics += reader.diagnostics
        // With errors, still returned when its id is valid, so that references to it resolve
        // and its description's links are checked; the build fails on the errors anyway.
        guard isValidID(id) else { return (nil, diagnostics) }
        let name = writtenName ?? Located(value: id, line: 1, column: 1)

        func location(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file.displayPath, line: line, column: column)
        }
        var claims: [(key: TermKey, location: SourceLocation)] = [(TermKey(id), SourceLocation(file: file.displayPath))]
        claims.append((TermKey(name.value), location(name.line, name.column)))
        if let short { claims.append((TermKey(short.value), location(short.line, short.column))) }
        for alias in aliases { claims.append((TermKey(alias.value), location(alias.line, alias.column))) }
        for entry in names { claims.append((TermKey(entry.value.value), location(entry.value.line, entry.value.column))) }
        claims = claims.filter { !$0.key.rawValue.isEmpty }

        let entry = RegistryEntry(
            taxonomy: taxonomy, path: file.path, id: id, name: name.value.trimmingWhitespace,
            short: short.map { $0.value.trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 },
            aliases: aliases.map(\.value),
            names: Dictionary(names.map { ($0.key.value, $0.value.value) }, uniquingKeysWith: { first, _ in first }),
            params: params, body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine, claims: claims,
            source: source, frontMatter: frontMatter.yaml)
        return (entry, diagnostics)
    }

    /// Lowercase ASCII letters and digits in hyphen-separated runs.
    package static func isValidID(_ id: String) -> Bool {
        TermID.isValid(id)
    }
}
