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
        let pairs: [YAMLPair]
        switch YAMLReader.parseMapping(source.text, firstLine: 1, in: source) {
        case .failure(let diagnostic): return (fallback, [diagnostic])
        case .success(let result): pairs = result
        }

        var reader = FieldReader(source: source, pairs: pairs, kind: "site.yaml")
        var config = fallback
        config.title = reader.text("title", required: true, example: "Cyber Dialogue Bulletin")?.value ?? ""

        if let override = baseURLOverride {
            config.baseURL = override
        } else if let url = reader.text("baseURL", required: true, example: "https://bulletin.example.org/") {
            if let parsed = BaseURL(url.value) {
                config.baseURL = parsed
            } else {
                reader.report(source.diagnostic(
                    .error, .invalidValue, "'baseURL' must be an absolute http or https URL, found \"\(url.value)\"",
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
        config.languages = [config.language]
        if reader.pair("languages") != nil {
            var languages: [String] = []
            for tag in reader.textList("languages", example: "en, ko") {
                guard isLanguageTag(tag.value) else {
                    reader.report(source.diagnostic(
                        .error, .invalidValue, "\"\(tag.value)\" is not a BCP 47 language tag such as en or ko",
                        line: tag.line, column: tag.column))
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
            if let pair = reader.pair("languages"), !languages.isEmpty,
               !languages.contains(where: { $0.lowercased() == config.language.lowercased() }) {
                reader.report(.error, .invalidValue,
                              "'languages' must include the default language '\(config.language)'", at: pair.value,
                              hint: "write `languages: [\(([config.language] + languages).joined(separator: ", "))]`")
            }
            // The default language first, then the others in the order written.
            config.languages = [config.language] + languages.filter { $0.lowercased() != config.language.lowercased() }
        }

        config.perPage = reader.integer("perPage", minimum: 1, example: 20)?.value ?? 20
        config.feedLimit = reader.integer("feedLimit", minimum: 1, example: 20)?.value ?? 20

        if reader.pair("taxonomies") != nil {
            var taxonomies: [String] = []
            for name in reader.textList("taxonomies", example: "agencies, frameworks, threats") {
                let slug = Slug.make(from: name.value)
                if slug != name.value || !name.value.allSatisfy({ $0.isASCII }) {
                    reader.report(source.diagnostic(
                        .error, .invalidValue, "the taxonomy name '\(name.value)' must be lowercase ASCII letters, digits and hyphens",
                        line: name.line, column: name.column, hint: slug.isEmpty ? nil : "write `\(slug)`"))
                } else if unavailableTaxonomyNames.contains(name.value) {
                    reader.report(source.diagnostic(
                        .error, .invalidValue, "'\(name.value)' cannot be a taxonomy: the site uses that name itself",
                        line: name.line, column: name.column, hint: "choose another name"))
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
        config.params = reader.params(known: knownKeys)
        return (config, reader.diagnostics)
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
        Set(["articles", "dialogues", "search", "assets", "feed.xml", "sitemap.xml", "robots.txt", "404.html"]
            + taxonomies + languages.map { $0.lowercased() })
    }
}
