/// A build up to the render phase: parsed, resolved, every Markdown body rendered. What
/// `Builder` renders and writes, and what `LiveSite` keeps between edits.
struct PreparedBuild: Sendable {
    var content: ParsedContent
    /// Nil when a template is missing or broken.
    var theme: Theme?
    var site: Site
    var unpublished: Unpublished
    var bodies: RenderedBodies
    /// What parsing, the templates and resolving found (the bodies' findings are in `bodies`).
    var earlierDiagnostics: [Diagnostic]

    /// Every diagnostic so far, unsorted, warnings not yet escalated.
    var diagnostics: [Diagnostic] { earlierDiagnostics + bodies.allFindings.diagnostics }

    init(_ tree: SourceTree, options: BuildOptions, collectExternalLinks: Bool = false, clock: inout PhaseClock) {
        var memo: Memo?
        self.init(tree, options: options, collectExternalLinks: collectExternalLinks, memo: &memo, clock: &clock)
    }

    /// What an earlier build of the same site parsed and rendered, for `bulletin serve`.
    struct Memo: Sendable {
        var parse: ParseMemo? = ParseMemo()
        var bodies: RenderedBodies.BodyMemo?
    }

    /// `memo`: what an earlier build of the same site gave, reused where its inputs are the
    /// same (and updated); nil builds everything.
    init(
        _ tree: SourceTree, options: BuildOptions, collectExternalLinks: Bool = false, memo: inout Memo?,
        clock: inout PhaseClock
    ) {
        var parseMemo = memo?.parse
        let (content, parseProblems) = ContentParser.parse(tree, baseURLOverride: options.baseURL, memo: &parseMemo)
        let (theme, themeProblems) = Theme.load(from: tree)
        clock.mark("parse")
        let selection = SiteResolver.Selection(drafts: options.drafts, future: options.future, now: options.now)
        let (site, resolveProblems) = SiteResolver.resolve(content, assets: tree.assets, selection: selection)
        clock.mark("resolve")
        self.content = content
        self.theme = theme
        self.site = site
        unpublished = Self.unpublished(content, site: site, tree: tree)
        var bodyMemo = memo.map { $0.bodies ?? RenderedBodies.BodyMemo() }
        bodies = SiteRenderer.renderBodies(
            site, unpublished: unpublished, collectExternalLinks: collectExternalLinks, memo: &bodyMemo)
        if memo != nil { memo = Memo(parse: parseMemo, bodies: bodyMemo) }
        earlierDiagnostics = parseProblems + themeProblems + resolveProblems
        clock.mark("markdown")
    }

    /// Articles and pages that exist but are not published, for messages about links to them:
    /// drafts, future articles, and files with errors of their own (not "missing").
    static func unpublished(_ content: ParsedContent, site: Site, tree: SourceTree? = nil) -> Unpublished {
        var result = Unpublished()
        let parsed = Set(content.articles.map(\.path) + content.pages.map(\.path))
        for file in tree?.content ?? [] where file.path.hasSuffix(".md") && !parsed.contains(file.path)
            && (file.path.hasPrefix("articles/") || file.path.hasPrefix("pages/")) {
            result.byContentPath[file.path] = "a file with errors of its own (reported there)"
        }
        var bodies: [(contentPath: String, sitePath: String, body: String)] = []
        for article in content.articles where site.contentPaths[article.path] == nil {
            let reason = article.draft ? "a draft" : "dated in the future (\(article.date.isoDate))"
            result.byContentPath[article.path] = reason
            result.bySitePath[Routes.article(article.slug)] = reason
            bodies.append((article.path, Routes.article(article.slug), article.body))
        }
        for page in content.pages where site.contentPaths[page.path] == nil {
            result.byContentPath[page.path] = "a draft"
            result.bySitePath[Routes.page(page.slug)] = "a draft"
            bodies.append((page.path, Routes.page(page.slug), page.body))
        }
        // Their headings, for links to them with a #fragment: drafts are few.
        for (body, ids) in zip(bodies, Parallel.map(bodies.map(\.body)) { Markdown.render($0).headings.map(\.id) }) {
            result.headings[body.contentPath] = ids
            result.headingsBySitePath[body.sitePath] = ids
        }
        return result
    }
}
