package import BulletinCore

// MARK: - Reading a standalone page

extension Page {
    /// Parses one page file; nil when it has errors.
    package static func decode(_ file: SourceFile, config: SiteConfig) -> (Page?, [Diagnostic]) {
        let source: SourceText
        let frontMatter: FrontMatter
        let pairs: [YAMLPair]
        let problems: [Diagnostic]
        switch MarkdownFile.read(file) {
        case .failure(let failure): return (nil, failure.diagnostics)
        case .success(let result): (source, frontMatter, pairs, problems) = result
        }
        var reader = FieldReader(source: source, pairs: pairs, kind: "page", problems: problems)
        let title = reader.text("title", required: true, example: "About the bulletin")
        let slugValue = reader.text("slug", example: "about")
        let draft = reader.flag("draft") ?? false
        let lang = reader.language(config: config)
        let translationKey = reader.text("translationKey", example: "about")
        let params = reader.params(known: fixedKeys)
        let slug = Article.resolveSlug(
            explicit: slugValue, file: file, source: source, config: config, reader: &reader)
        // As for articles: with errors, still returned when it has a URL, so its links are checked.
        guard let slug else { return (nil, reader.diagnostics) }
        let page = Page(
            path: file.path, title: title?.value.trimmingWhitespace ?? slug.value, slug: slug.value, draft: draft,
            lang: lang.tag, translationKey: translationKey?.value.trimmingWhitespace, params: params,
            body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine, slugLocation: slug.location,
            keyLocations: reader.keyLocations, source: source, frontMatter: frontMatter.yaml)
        return (page, reader.diagnostics)
    }
}
