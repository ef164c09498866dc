package import BulletinCore

// MARK: - Reading an article

extension Article {
    /// Parses one article file; nil when it has errors (all of them are in the diagnostics).
    package static func decode(_ file: SourceFile, config: SiteConfig) -> (Article?, [Diagnostic]) {
        let source: SourceText
        let frontMatter: FrontMatter
        let pairs: [YAMLPair]
        switch MarkdownFile.read(file) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let result): (source, frontMatter, pairs) = result
        }
        var reader = FieldReader(source: source, pairs: pairs, kind: "article")
        let title = reader.text("title", required: true, example: "Korea and the EU resume their cyber dialogue")
        let date = reader.date("date", required: true)
        let updated = reader.date("updated")
        let summary = reader.text("summary")
        let slugValue = reader.text("slug", example: "rok-eu-cyber-consultation")
        let draft = reader.flag("draft") ?? false
        let dialogue = reader.text("dialogue", example: "rok-eu-cyber-policy-consultation")
        let session = reader.integer("session", minimum: 1, example: 7)
        let location = reader.text("location", example: "Seoul")
        let lang = reader.text("lang", example: config.language)
        let translationKey = reader.text("translationKey", example: "rok-eu-2025")
        var terms: [String: [TermReference]] = [:]
        for taxonomy in config.taxonomies {
            let references = reader.textList(taxonomy, example: "KISA, EEAS")
            terms[taxonomy] = references.map { TermReference(text: $0.value, line: $0.line, column: $0.column) }
        }
        let params = reader.params(known: fixedKeys + config.taxonomies)

        if let lang, !config.languages.contains(where: { $0.lowercased() == lang.value.lowercased() }) {
            reader.report(source.diagnostic(
                .error, .invalidValue, "'lang' must be one of the site's languages (\(config.languages.joined(separator: ", "))), found \"\(lang.value)\"",
                line: lang.line, column: lang.column,
                hint: "use one of \(config.languages.joined(separator: ", ")), or add \"\(lang.value)\" to `languages` in site.yaml"))
        }
        if let session, dialogue == nil {
            reader.report(source.diagnostic(
                .warning, .sessionWithoutDialogue, "'session' has no 'dialogue' to be a session of",
                line: session.line, column: session.column,
                hint: "add `dialogue:` naming the series, or remove `session:`"))
        }
        let slug = resolveSlug(
            explicit: slugValue, file: file, source: source, reserved: config.reservedSlugs, reader: &reader)
        if let date, let updated, updated.value < date.value {
            reader.report(source.diagnostic(
                .error, .updatedBeforeDate,
                "'updated' (\(updated.value.isoDate)) is earlier than 'date' (\(date.value.isoDate))",
                line: updated.line, column: updated.column,
                hint: "'updated' is the last substantive change, after publication; check both dates"))
        }
        if let summary, summary.value.count > Summary.maximumLength {
            reader.report(source.diagnostic(
                .warning, .summaryTooLong,
                "the summary has \(summary.value.count) characters; lists and feeds show at most \(Summary.maximumLength)",
                line: summary.line, column: summary.column,
                hint: "shorten it to one or two sentences; the article's text can say the rest"))
        }

        // An article with errors is still returned when it has a URL, with stand-ins for a
        // missing title or date: the build fails on the errors anyway, but its links,
        // images and terms are checked too, so one run reports every problem.
        guard let slug else { return (nil, reader.diagnostics) }
        let stem = file.path.lastPathComponent.deletingPathExtension
        let article = Article(
            path: file.path, title: title?.value.trimmingWhitespace ?? stem,
            date: date?.value ?? ContentDate(secondsSinceEpoch: 0), updated: updated?.value,
            summary: summary.map { $0.value.trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 },
            slug: slug.value, draft: draft,
            dialogue: dialogue.map { TermReference(text: $0.value, line: $0.line, column: $0.column) },
            session: session?.value, location: location?.value.trimmingWhitespace, terms: terms,
            lang: config.languages.first { $0.lowercased() == lang?.value.lowercased() } ?? config.language,
            translationKey: translationKey?.value, params: params, body: frontMatter.body,
            bodyFirstLine: frontMatter.bodyFirstLine, slugLocation: slug.location,
            sessionLocation: session.map { SourceLocation(file: source.file, line: $0.line, column: $0.column) },
            dateLocation: SourceLocation(file: source.file, line: date?.line ?? 1, column: date?.column ?? 1),
            source: source)
        return (article, reader.diagnostics)
    }

    /// The article's URL segment: `slug:` when given (checked, not changed), else the file name
    /// put through the slug rule.
    package static func resolveSlug(
        explicit: Located<String>?, file: SourceFile, source: SourceText, reserved: Set<String>,
        reader: inout FieldReader
    ) -> (value: String, location: SourceLocation)? {
        if let explicit {
            if let problem = Slug.problem(with: explicit.value, reserved: reserved) {
                reader.report(source.diagnostic(
                    .error, problem.code, problem.message, line: explicit.line, column: explicit.column, hint: problem.hint))
                return nil
            }
            return (explicit.value, SourceLocation(file: source.file, line: explicit.line, column: explicit.column))
        }
        let stem = file.path.lastPathComponent.deletingPathExtension
        let derived = Slug.make(from: stem)
        let location = SourceLocation(file: source.file)
        if derived.isEmpty {
            reader.report(Diagnostic(
                .error, .invalidSlug, "the file name '\(stem)' has no letters or digits to make a URL from",
                at: location, hint: "rename the file, or add `slug: ...` to the front matter"))
            return nil
        }
        if let length = Slug.tooLong(derived) {
            reader.report(Diagnostic(
                .error, .invalidSlug, "the file name gives a slug that is \(length)",
                at: location, hint: "add a shorter `slug: \(Slug.shortened(derived))` to the front matter, or rename the file"))
            return nil
        }
        if reserved.contains(derived) {
            reader.report(Diagnostic(
                .error, .reservedSlug, "the slug '\(derived)' (from the file name) is reserved: the site uses /\(derived)/ itself",
                at: location, hint: "rename the file, or add another `slug: ...` to the front matter"))
            return nil
        }
        return (derived, location)
    }
}

/// A Markdown file of Content/: decoded, split, its front matter parsed.
package enum MarkdownFile {
    package static func read(_ file: SourceFile) -> Result<(SourceText, FrontMatter, [YAMLPair]), Diagnostic> {
        let source: SourceText
        switch SourceText.decode(file) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let text): source = text
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(source) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let split): frontMatter = split
        }
        switch YAMLReader.parseMapping(frontMatter.yaml, firstLine: frontMatter.yamlFirstLine, in: source) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let pairs): return .success((source, frontMatter, pairs))
        }
    }
}
