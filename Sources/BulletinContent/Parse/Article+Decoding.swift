package import BulletinCore

// MARK: - Reading an article

extension Article {
    /// Parses one article file; nil when it has errors (all of them are in the diagnostics).
    package static func decode(_ file: SourceFile, config: SiteConfig) -> (Article?, [Diagnostic]) {
        let source: SourceText
        let frontMatter: FrontMatter
        let pairs: [YAMLPair]
        let problems: [Diagnostic]
        switch MarkdownFile.read(file) {
        case .failure(let failure): return (nil, failure.diagnostics)
        case .success(let result): (source, frontMatter, pairs, problems) = result
        }
        var reader = FieldReader(source: source, pairs: pairs, kind: "article", problems: problems)
        let title = reader.text("title", required: true, example: "Korea and the EU resume their cyber dialogue")
        let date = reader.date("date", required: true)
        let updated = reader.date("updated")
        let summary = reader.text("summary")
        let slugValue = reader.text("slug", example: "rok-eu-cyber-consultation")
        let draft = reader.flag("draft") ?? false
        let dialogue = reader.text("dialogue", example: "rok-eu-cyber-policy-consultation")
        let session = reader.integer("session", minimum: 1, example: 7)
        let location = reader.text("location", example: "Seoul")
        let lang = reader.language(config: config)
        let translationKey = reader.text("translationKey", example: "rok-eu-2025")
        let chairs = readChairs(&reader)
        let documents = readDocuments(&reader, source: source)
        var terms: [String: [TermReference]] = [:]
        for taxonomy in config.taxonomies {
            let references = reader.textList(taxonomy, example: "KISA, EEAS")
            terms[taxonomy] = references.map { TermReference(text: $0.value, line: $0.line, column: $0.column) }
        }
        let params = reader.params(known: fixedKeys + config.taxonomies)

        if let session, dialogue == nil {
            reader.report(source.diagnostic(
                .warning, .sessionWithoutDialogue, "'session' has no 'dialogue' to be a session of",
                line: session.line, column: session.column,
                hint: "add `dialogue:` naming the series, or remove `session:`"))
        }
        let slug = resolveSlug(
            explicit: slugValue, file: file, source: source, config: config, reader: &reader)
        if let date, let updated, updated.value < date.value {
            // Compared as instants: a date alone is midnight UTC, which can come before a time
            // on the same day, so the message shows the instants whenever one has a time.
            let times = date.value.hasTime || updated.value.hasTime
            func shown(_ value: ContentDate) -> String {
                !times ? value.isoDate : value.hasTime ? value.rfc3339 : "\(value.isoDate), midnight UTC"
            }
            reader.report(source.diagnostic(
                .error, .updatedBeforeDate,
                "'updated' (\(shown(updated.value))) is earlier than 'date' (\(shown(date.value)))",
                line: updated.line, column: updated.column,
                hint: times && !updated.value.hasTime
                    ? "a date alone means midnight UTC: give 'updated' its time too, such as `updated: \(date.value.rfc3339)`"
                    : "'updated' is the last substantive change, after publication; check both dates"))
        }
        // Counted in characters, which are never more than the bytes (most summaries' bytes
        // are within the limit: their characters are not counted).
        if let summary, summary.value.utf8.count > Summary.maximumLength, summary.value.count > Summary.maximumLength {
            reader.report(source.diagnostic(
                .warning, .summaryTooLong,
                "the summary has \(summary.value.count) characters; lists and feeds show at most \(Summary.maximumLength)",
                line: summary.line, column: summary.column,
                hint: "shorten it to one or two sentences; the article's text can say the rest"))
        }
        // A draft may keep the mark while it is translated; the article that is published may not.
        if let title, !draft, title.value.hasPrefix(untranslatedMark) {
            reader.report(source.diagnostic(
                .warning, .untranslatedTitle,
                "the title is still the original's, marked '\(untranslatedMark.trimmingWhitespace)' to be translated",
                line: title.line, column: title.column,
                hint: "write the title in \(lang.tag), without the mark"))
        }

        // An article with errors is still returned when it has a URL, with stand-ins for a
        // missing title or date: the build fails on the errors anyway, but its links,
        // images and terms are checked too, so one run reports every problem.
        guard let slug else { return (nil, reader.diagnostics) }
        let stem = file.path.lastPathComponent.deletingPathExtension
        let article = Article(Article.Fields(
            path: file.path, title: title?.value.trimmingWhitespace ?? stem,
            date: date?.value ?? ContentDate(secondsSinceEpoch: 0), updated: updated?.value,
            summary: summary.map { $0.value.trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 },
            slug: slug.value, draft: draft,
            dialogue: dialogue.map { TermReference(text: $0.value, line: $0.line, column: $0.column) },
            session: session?.value, location: location?.value.trimmingWhitespace, terms: terms,
            lang: lang.tag, translationKey: translationKey?.value.trimmingWhitespace, chairs: chairs, documents: documents,
            params: params, body: frontMatter.body,
            bodyFirstLine: frontMatter.bodyFirstLine, slugLocation: slug.location,
            sessionLocation: session.map { SourceLocation(file: source.file, line: $0.line, column: $0.column) },
            dateLocation: SourceLocation(file: source.file, line: date?.line ?? 1, column: date?.column ?? 1),
            keyLocations: reader.keyLocations,
            source: source, frontMatter: frontMatter.yaml))
        return (article, reader.diagnostics)
    }

    /// `chairs:`: each with a `name`; `role` text; `agency` a reference into `agencies`.
    static func readChairs(_ reader: inout FieldReader) -> [Chair] {
        var chairs: [Chair] = []
        for (item, pairs) in reader.mappingList("chairs", known: ["name", "role", "agency"], example: "{name: Youn Jong-kwon, role: Director-General, agency: MOFA}") {
            var fields = FieldReader(source: reader.source, pairs: pairs, kind: "chair")
            let name = fields.text("name", example: "Youn Jong-kwon")
            let role = fields.text("role", example: "Director-General for International Security Affairs")
            let agency = fields.text("agency", example: "MOFA")
            for diagnostic in fields.diagnostics { reader.report(diagnostic) }
            guard let name, !name.value.isVisiblyEmpty else {
                // A name of the wrong kind (`name: [Eve]`) was reported as such just now.
                if name == nil, fields.pair("name")?.value.isNull == false { continue }
                reader.report(.error, .missingKey, "this chair has no 'name'", at: item,
                              hint: "write who led the delegation: `{name: Youn Jong-kwon, role: ..., agency: MOFA}`")
                continue
            }
            chairs.append(Chair(
                name: name.value.trimmingWhitespace, role: role.map { $0.value.trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 },
                agency: agency.map { TermReference(text: $0.value, line: $0.line, column: $0.column) }))
        }
        return chairs
    }

    /// `documents:`: each with a `title` and a `url` that is an absolute http(s) URL or a site
    /// path; an address that could run a script (`javascript:`) or go nowhere is an error.
    static func readDocuments(_ reader: inout FieldReader, source: SourceText) -> [OutcomeDocument] {
        var documents: [OutcomeDocument] = []
        for (item, pairs) in reader.mappingList("documents", known: ["title", "url"], example: "{title: Joint press release, url: https://...}") {
            var fields = FieldReader(source: source, pairs: pairs, kind: "document")
            let title = fields.text("title", example: "Joint press release")
            let url = fields.text("url", example: "https://www.mofa.go.kr/...")
            for diagnostic in fields.diagnostics { reader.report(diagnostic) }
            guard let title, !title.value.isVisiblyEmpty else {
                if title == nil, fields.pair("title")?.value.isNull == false { continue }  // reported as of the wrong kind
                reader.report(.error, .missingKey, "this document has no 'title'", at: item,
                              hint: "write what it is: `{title: Joint press release, url: https://...}`")
                continue
            }
            guard let url else {
                if fields.pair("url")?.value.isNull == false { continue }  // reported as of the wrong kind
                reader.report(.error, .missingKey, "the document '\(title.value)' has no 'url'", at: item,
                              hint: "write its address: `url: https://...` (or a site path such as /files/statement.pdf)")
                continue
            }
            let address = url.value.trimmingWhitespace
            let lower = address.lowercased()
            let isWebScheme = lower.hasPrefix("https://") || lower.hasPrefix("http://")
            if isWebScheme, let problem = WebAddress.problem(with: address) {
                reader.report(source.diagnostic(
                    .error, .invalidValue, "the document's address is not one a browser can follow: \(problem)",
                    line: url.line, column: url.column, hint: "correct the address (open it in a browser to check it)"))
                continue
            }
            let isSitePath = address.hasPrefix("/") && !address.hasPrefix("//")
                && !address.unicodeScalars.contains { $0.value <= 0x20 || $0 == "\\" }
            // A site path is checked as the path of an address on any host would be.
            if isSitePath, let problem = WebAddress.problem(with: "https://host" + address) {
                reader.report(source.diagnostic(
                    .error, .invalidValue, "the document's address is not a path a browser can follow: \(problem)",
                    line: url.line, column: url.column, hint: "write the file's path as a link would, such as /files/statement.pdf"))
                continue
            }
            let isWeb = isWebScheme && BaseURL.isAbsoluteWebURL(address)
            guard isWeb || isSitePath else {
                let scheme = address.firstIndex(of: ":").map { String(address[..<$0]).lowercased() }
                let dangerous = ["javascript", "vbscript", "data", "file"].contains(scheme ?? "")
                reader.report(source.diagnostic(
                    .error, .invalidValue,
                    dangerous ? "the document's address uses \(scheme!):, which Bulletin never publishes"
                        : "the document's address must be an absolute http(s) URL or a site path, found \"\(address)\"",
                    line: url.line, column: url.column,
                    hint: "write `url: https://...` for a page elsewhere, or `url: /files/statement.pdf` for a file in Content/static/"))
                continue
            }
            documents.append(OutcomeDocument(title: title.value.trimmingWhitespace, url: address, line: url.line, column: url.column))
        }
        return documents
    }

    /// The article's URL segment: `slug:` when given (checked, not changed), else the file name
    /// put through the slug rule.
    package static func resolveSlug(
        explicit: Located<String>?, file: SourceFile, source: SourceText, config: SiteConfig,
        reader: inout FieldReader
    ) -> (value: String, location: SourceLocation)? {
        if let explicit {
            if let problem = Slug.problem(with: explicit.value, reserved: config.reservedSlugs) {
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
        if config.isReservedSlug(derived) {
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
    /// The file's text, front matter and pairs, with the problems found reading them that do
    /// not stop the reading (duplicated keys: `FieldReader` starts with them); or every
    /// problem, when the file cannot be read.
    package static func read(_ file: SourceFile) -> Result<(SourceText, FrontMatter, [YAMLPair], [Diagnostic]), Problems> {
        let source: SourceText
        switch SourceText.decode(file) {
        case .failure(let diagnostic): return .failure(Problems([diagnostic]))
        case .success(let text): source = text
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(source) {
        case .failure(let diagnostic): return .failure(Problems([diagnostic]))
        case .success(let split): frontMatter = split
        }
        let (pairs, problems) = YAMLReader.parseMappingPastDuplicates(
            frontMatter.yaml, firstLine: frontMatter.yamlFirstLine, in: source)
        guard let pairs else { return .failure(Problems(problems)) }
        return .success((source, frontMatter, pairs, problems))
    }

    /// Why a file could not be read.
    package struct Problems: Error {
        package let diagnostics: [Diagnostic]

        init(_ diagnostics: [Diagnostic]) {
            self.diagnostics = diagnostics
        }
    }
}
