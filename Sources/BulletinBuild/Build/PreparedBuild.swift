package import BulletinCore
package import BulletinContent
import BulletinMarkdown
package import BulletinResolve
package import BulletinRender

/// A build up to the render phase: parsed, resolved, every Markdown body rendered. What
/// `Builder` renders and writes, and what `LiveSite` keeps between edits.
package struct PreparedBuild: Sendable {
    package var content: ParsedContent
    /// Nil when a template is missing or broken.
    package var theme: Theme?
    package var site: Site
    package var unpublished: Unpublished
    package var bodies: RenderedBodies
    /// What parsing, the templates and resolving found (the bodies' findings are in `bodies`).
    package var earlierDiagnostics: [Diagnostic]

    /// Every diagnostic so far, unsorted, warnings not yet escalated.
    package var diagnostics: [Diagnostic] { earlierDiagnostics + bodies.allFindings.diagnostics }

    package init(_ tree: SourceTree, options: BuildOptions, collectExternalLinks: Bool = false, clock: inout PhaseClock) {
        var memo: Memo?
        self.init(tree, options: options, collectExternalLinks: collectExternalLinks, memo: &memo, clock: &clock)
    }

    /// What an earlier build of the same site parsed and rendered, for `bulletin serve`.
    package struct Memo: Sendable {
        package var parse: ParseMemo? = ParseMemo()
        package var bodies: RenderedBodies.BodyMemo?
        /// The theme as last loaded, with the templates and languages it was loaded from.
        package var theme: (templates: [SourceFile], languages: [String], theme: Theme?, problems: [Diagnostic])?

        package init() {}
    }

    /// `memo`: what an earlier build of the same site gave, reused where its inputs are the
    /// same (and updated); nil builds everything.
    package init(
        _ tree: SourceTree, options: BuildOptions, collectExternalLinks: Bool = false, memo: inout Memo?,
        clock: inout PhaseClock
    ) {
        var parseMemo = memo?.parse
        let (content, parseProblems) = ContentParser.parse(tree, baseURLOverride: options.baseURL, memo: &parseMemo)
        let theme: Theme?
        let themeProblems: [Diagnostic]
        if let known = memo?.theme, known.templates == tree.templates, known.languages == content.config.languages {
            (theme, themeProblems) = (known.theme, known.problems)
        } else {
            (theme, themeProblems) = Theme.load(from: tree, languages: content.config.languages)
        }
        clock.mark("parse")
        let selection = SiteResolver.Selection(drafts: options.drafts, future: options.future, now: options.now)
        let (site, resolveProblems) = SiteResolver.resolve(content, assets: tree.assets, selection: selection)
        clock.mark("resolve")
        self.content = content
        self.theme = theme
        self.site = site
        unpublished = Unpublished(content, site: site, tree: tree)
        var bodyMemo = memo.map { $0.bodies ?? RenderedBodies.BodyMemo() }
        bodies = SiteRenderer.renderBodies(
            site, unpublished: unpublished, collectExternalLinks: collectExternalLinks, memo: &bodyMemo)
        if memo != nil {
            memo!.parse = parseMemo
            memo!.bodies = bodyMemo
            memo!.theme = (tree.templates, content.config.languages, theme, themeProblems)
        }
        earlierDiagnostics = parseProblems + themeProblems + resolveProblems
        clock.mark("markdown")
    }

}
