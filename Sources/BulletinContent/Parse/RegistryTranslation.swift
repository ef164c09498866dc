package import BulletinCore

/// A registry entry's name and description in a language: `Content/<taxonomy>/<id>.<lang>.md`
/// beside `<id>.md` (`agencies/kisa.ko.md`). Its front matter may be empty or give `name`,
/// which then wins over the entry's `names.<lang>` (and, in the default language, over its
/// `name`); its body is the description in `lang`.
public struct RegistryTranslation: Sendable {
    /// The taxonomy's name, or `dialogues`.
    public var taxonomy: String
    public var path: String
    /// The entry's id: the file name before the language.
    public var id: String
    public var lang: String
    public var name: String?
    /// Where `name` is written, for a conflict with another entry's key.
    package var nameLocation: SourceLocation?
    public var body: Substring
    public var bodyFirstLine: Int
    package var source: SourceText
    /// The front matter as written: what resolving reads of the file (a body can change
    /// without changing anything but the page it is on).
    package var frontMatter: String
}

extension RegistryTranslation {
    /// Parses `<id>.<lang>.md`; the language must be one of the site's (an error otherwise).
    package static func decode(_ file: SourceFile, taxonomy: String, config: SiteConfig) -> (RegistryTranslation?, [Diagnostic]) {
        let stem = file.path.lastPathComponent.deletingPathExtension
        let dot = stem.lastIndex(of: ".")!
        let id = String(stem[..<dot])
        let written = String(stem[stem.index(after: dot)...])
        var diagnostics: [Diagnostic] = []
        let lang = config.languages.first { $0.lowercased() == written.lowercased() }
        if lang == nil {
            let others = config.languages.filter { $0 != config.language }
            diagnostics.append(Diagnostic(
                .error, .invalidValue,
                "'\(written)' in the file name is not one of the site's languages (\(config.languages.joined(separator: ", ")))",
                at: SourceLocation(file: file.displayPath),
                hint: others.isEmpty
                    ? "a description in another language is <id>.<lang>.md for a language in `languages` of site.yaml; add it there first"
                    : "name the file \(taxonomy)/\(id).\(others[0]).md, or add '\(written)' to `languages` in site.yaml"))
        }
        let source: SourceText
        let frontMatter: FrontMatter
        let pairs: [YAMLPair]
        let problems: [Diagnostic]
        switch MarkdownFile.read(file) {
        case .failure(let failure): return (nil, diagnostics + failure.diagnostics)
        case .success(let result): (source, frontMatter, pairs, problems) = result
        }
        var reader = FieldReader(source: source, pairs: pairs, kind: "translation of a registry entry", problems: problems)
        let name = reader.text("name", example: "한국인터넷진흥원")
        for pair in pairs where pair.key != "name" {
            reader.report(source.diagnostic(
                .warning, .unknownKey, "'\(pair.key)' is not read here: a translation of an entry gives only its `name`",
                line: pair.line, column: pair.column,
                hint: "put `\(pair.key)` in \(taxonomy)/\(id).md, which holds the entry's other keys"))
        }
        diagnostics += reader.diagnostics
        // The default language too: the contract takes a term's name and description in a
        // language from `<id>.<lang>.md` first, whichever language that is.
        guard let lang, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let translation = RegistryTranslation(
            taxonomy: taxonomy, path: file.path, id: id, lang: lang,
            name: name.map { $0.value.trimmingWhitespace }.flatMap { $0.isVisiblyEmpty ? nil : $0 },
            nameLocation: name.map { SourceLocation(file: file.displayPath, line: $0.line, column: $0.column) },
            body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine, source: source, frontMatter: frontMatter.yaml)
        return (translation, diagnostics)
    }
}
