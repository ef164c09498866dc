package import BulletinCore

// MARK: - Reading site.yaml

extension SiteConfig {
    /// Reads `site.yaml`. Always returns a configuration, with defaults where a value is
    /// missing or wrong, so that the rest of the content can still be checked; the
    /// diagnostics say what was wrong.
    package static func decode(_ file: SourceFile, baseURLOverride: BaseURL?) -> (SiteConfig, [Diagnostic]) {
        let fallback = SiteConfig.fallback(baseURL: baseURLOverride)
        let source: SourceText
        switch SourceText.decode(file) {
        case .failure(let diagnostic): return (fallback, [diagnostic])
        case .success(let text): source = text
        }
        let (read, problems) = YAMLReader.parseMappingPastDuplicates(source.text, firstLine: 1, in: source)
        guard let pairs = read else { return (fallback, problems) }

        var reader = FieldReader(source: source, pairs: pairs, kind: "site.yaml", problems: problems)
        var config = fallback
        config.title = reader.text("title", required: true, example: "Cyber Dialogue Bulletin")?.value ?? ""

        // Required and checked even when `--base-url` overrides it: a site.yaml that builds
        // only with the flag would fail for the next editor who builds without it.
        if let url = reader.text("baseURL", required: true, example: "https://bulletin.example.org/") {
            if let parsed = BaseURL(url.value) {
                config.baseURL = baseURLOverride ?? parsed
            } else {
                reader.report(source.diagnostic(
                    .error, .invalidValue,
                    "'baseURL' must be an absolute http or https URL, found \"\(url.value)\"" + (BaseURL.problem(with: url.value).map { ": \($0)" } ?? ""),
                    line: url.line, column: url.column, hint: "write `baseURL: https://bulletin.example.org/`"))
            }
        }
        config.description = reader.text("description")?.value ?? ""

        if let language = reader.text("language", example: "en") {
            if isLanguageTag(language.value) {
                config.language = language.value
            } else {
                reader.report(source.diagnostic(
                    .error, .invalidValue, "'language' must be a BCP 47 language tag such as en or ko, found \"\(language.value)\"",
                    line: language.line, column: language.column, hint: "write `language: en`"))
            }
        }
        readLanguages(&config, reader: &reader, source: source)

        config.perPage = reader.integer("perPage", minimum: 1, example: 20)?.value ?? 20
        config.feedLimit = reader.integer("feedLimit", minimum: 1, example: 20)?.value ?? 20

        if reader.pair("taxonomies") != nil {
            var taxonomies: [String] = []
            for name in reader.textList("taxonomies", example: "agencies, frameworks, threats") {
                let slug = Slug.make(from: name.value)
                if slug != name.value || !name.value.allSatisfy({ $0.isASCII }) {
                    reader.report(source.diagnostic(
                        .error, .invalidValue, "the taxonomy name '\(name.value)' must be lowercase ASCII letters, digits and hyphens",
                        line: name.line, column: name.column,
                        hint: slug.isEmpty || slug == name.value || !slug.allSatisfy(\.isASCII)
                            ? "a taxonomy's name is its folder and its URL segment: write it in ASCII, such as `regions`"
                            : "write `\(slug)`"))
                } else if unavailableTaxonomyNames.contains(name.value) {
                    reader.report(source.diagnostic(
                        .error, .invalidValue, "'\(name.value)' cannot be a taxonomy: the site uses that name itself",
                        line: name.line, column: name.column, hint: "choose another name"))
                } else if config.languages.contains(where: { $0.lowercased() == name.value }) {
                    reader.report(source.diagnostic(
                        .error, .invalidValue,
                        "'\(name.value)' cannot be a taxonomy: it is one of the site's languages, whose pages live under /\(name.value)/",
                        line: name.line, column: name.column, hint: "choose another name for the taxonomy"))
                } else if taxonomies.contains(name.value) {
                    reader.report(source.diagnostic(
                        .error, .invalidValue, "the taxonomy '\(name.value)' is listed twice", line: name.line,
                        column: name.column, hint: "list each taxonomy once"))
                } else {
                    taxonomies.append(name.value)
                }
            }
            config.taxonomies = taxonomies
        }
        config.related = readRelated(&reader, source: source, taxonomies: config.taxonomies)
        config.params = reader.params(known: knownKeys)
        return (config, reader.diagnostics)
    }

    /// `languages`: a list of tags (`[en, ko]`), or a mapping of tags to the site's title and
    /// description in that language (`ko: {title: 사이버 대화 회보, description: ...}`), in
    /// menu order; it must include the default `language`.
    private static func readLanguages(_ config: inout SiteConfig, reader: inout FieldReader, source: SourceText) {
        config.languages = [config.language]
        guard let pair = reader.pair("languages"), !pair.value.isNull else { return }
        var tags: [Located<String>] = []
        switch pair.value.kind {
        case .mapping(let entries):
            for entry in entries {
                tags.append(Located(value: entry.key, line: entry.line, column: entry.column))
                guard !entry.value.isNull else { continue }
                guard case .mapping(let fields) = entry.value.kind else {
                    reader.report(.error, .wrongType,
                                  "'languages.\(entry.key)' must map `title` and `description` to texts, found \(entry.value.kindDescription)",
                                  at: entry.value, hint: "write `\(entry.key): {title: ..., description: ...}`")
                    continue
                }
                for field in fields {
                    guard ["title", "description"].contains(field.key) else {
                        reader.report(source.diagnostic(
                            .warning, .unknownKey, "unknown key '\(field.key)' for the language \(entry.key); it has `title` and `description`",
                            line: field.line, column: field.column, hint: "remove it, or rename it to `title` or `description`"))
                        continue
                    }
                    guard case .scalar(let text, _) = field.value.kind, !field.value.isNull else {
                        reader.report(.error, .wrongType,
                                      "'languages.\(entry.key).\(field.key)' must be text, found \(field.value.kindDescription)",
                                      at: field.value, hint: "write `\(field.key): ...` on one line")
                        continue
                    }
                    if field.key == "title" { config.languageTitles[entry.key] = text.trimmingWhitespace }
                    if field.key == "description" { config.languageDescriptions[entry.key] = text.trimmingWhitespace }
                }
            }
        default:
            tags = reader.textList("languages", example: "en, ko")
        }
        var languages: [String] = []
        for tag in tags {
            guard isLanguageTag(tag.value) else {
                reader.report(source.diagnostic(
                    .error, .invalidValue, "\"\(tag.value)\" is not a BCP 47 language tag such as en or ko",
                    line: tag.line, column: tag.column,
                    hint: "write the language's code: `en`, `ko`, or with a region or script, `en-GB`, `zh-Hant`"))
                continue
            }
            if languages.contains(where: { $0.lowercased() == tag.value.lowercased() }) {
                reader.report(source.diagnostic(
                    .error, .invalidValue, "the language \"\(tag.value)\" is listed twice", line: tag.line,
                    column: tag.column, hint: "list each language once"))
                continue
            }
            languages.append(tag.value)
        }
        guard !languages.isEmpty else { return }
        if !languages.contains(where: { $0.lowercased() == config.language.lowercased() }) {
            reader.report(.error, .invalidValue,
                          "'languages' must include the default language '\(config.language)'", at: pair.value,
                          hint: "add \(config.language) to `languages`, or set `language:` to one of \(languages.joined(separator: ", "))")
            languages.insert(config.language, at: 0)
        }
        // As written: the order of the language menu. The default's spelling is `language`'s.
        config.languages = languages.map { $0.lowercased() == config.language.lowercased() ? config.language : $0 }
    }

    /// The defaults, used to go on checking the content when site.yaml is missing or broken.
    package static func fallback(baseURL: BaseURL?) -> SiteConfig {
        SiteConfig(
            title: "", baseURL: baseURL ?? BaseURL("https://example.org/")!, description: "", language: "en",
            languages: ["en"], perPage: 20, feedLimit: 20, taxonomies: defaultTaxonomies, params: [:])
    }

    /// A BCP 47 tag in its common shapes: `en`, `ko`, `en-GB`, `zh-Hant-TW`.
    package static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// Top-level names that slugs cannot take.
    package var reservedSlugs: Set<String> {
        Self.fixedReservedSlugs.union(taxonomies + languages.map { $0.lowercased() })
    }

    /// Whether `slug` is one of `reservedSlugs`, without making the set: asked for every
    /// article's slug (making the set each time was 0.4 % of a 10,000-article build).
    package func isReservedSlug(_ slug: String) -> Bool {
        Self.fixedReservedSlugs.contains(slug) || taxonomies.contains(slug) || languages.contains { $0.lowercased() == slug }
    }

    /// The names the site itself takes at its top level, whatever its settings.
    private static let fixedReservedSlugs: Set<String> = [
        "articles", "dialogues", "search", "assets", "archive", "data", "feed.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html",
    ]
}
