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
    /// Whether resolving was taken from the memo: the site's structure (URLs, terms, lists,
    /// the plan) is the last build's, with the content's new values in place.
    package var resolveReused = false

    /// Every diagnostic so far, unsorted, warnings not yet escalated.
    package var diagnostics: [Diagnostic] { earlierDiagnostics + bodies.allFindings.diagnostics }

    package init(_ tree: consuming SourceTree, options: BuildOptions, collectExternalLinks: Bool = false, clock: inout PhaseClock) {
        var memo: Memo?
        self.init(consume tree, options: options, collectExternalLinks: collectExternalLinks, memo: &memo, clock: &clock)
    }

    /// What an earlier build of the same site parsed, resolved and rendered, for `bulletin
    /// serve`: each phase reuses what it made for inputs that did not change.
    package struct Memo: Sendable {
        package var parse: ParseMemo? = ParseMemo()
        package var bodies: RenderedBodies.BodyMemo? = RenderedBodies.BodyMemo()
        /// The theme as last loaded, with the templates and languages it was loaded from.
        package var theme: (templates: [SourceFile], languages: [String], theme: Theme?, problems: [Diagnostic])?
        /// The last resolved site, with what it was resolved from.
        package var resolve: Resolved?
        /// What resolving kept of the last update: each taxonomy's references, reused when the
        /// front matter changed elsewhere, and the last plan free of collisions.
        package var resolver = ResolverMemory()

        package init() {}
    }

    /// A resolved site and what resolving read: the front matter of every file, which
    /// files there are, and the settings.
    package struct Resolved: Sendable {
        let key: ResolveKey
        var site: Site
        let problems: [Diagnostic]
        let unpublished: Unpublished
        let rewriter: LinkRewriter
    }

    /// Everything resolving reads. Two contents with equal keys resolve alike.
    struct ResolveKey: Sendable, Equatable {
        /// The settings (the base URL override in place) but the site's words, which no
        /// part of resolving reads: an edit of the description keeps the structure.
        let settings: SiteConfig
        let selection: SiteResolver.Selection
        /// Every file of the content folder, for links to files that do not parse.
        let files: [String]
        /// Each parsed file's front matter, by kind, in path order.
        let articles: [String]
        let pages: [String]
        let entries: [String]
        let translations: [String]
        let staticFiles: [String]
        let assets: [String]

        init(_ tree: SourceTree, content: ParsedContent, options: BuildOptions, selection: SiteResolver.Selection) {
            settings = content.config.structure
            self.selection = selection
            files = tree.content.map(\.path)
            articles = content.articles.map(\.frontMatter)
            pages = content.pages.map(\.frontMatter)
            entries = content.registries.keys.sorted().flatMap { content.registries[$0]!.map { $0.path + "\n" + $0.frontMatter } }
            translations = content.registryTranslations.keys.sorted().flatMap {
                content.registryTranslations[$0]!.map { $0.path + "\n" + $0.frontMatter }
            }
            staticFiles = tree.staticFiles.map(\.path)
            assets = tree.assets.map(\.path)
        }
    }

    /// `memo`: what an earlier build of the same site gave, reused where its inputs are the
    /// same (and updated); nil builds everything.
    package init(
        _ tree: consuming SourceTree, options: BuildOptions, collectExternalLinks: Bool = false, memo: inout Memo?,
        clock: inout PhaseClock
    ) {
        // Each phase's memo is taken out of `memo` while the phase updates it, so that it
        // is the only owner of its arrays (no copy of them all for an edit of one).
        var parseMemo = memo?.parse
        memo?.parse = nil
        var (content, parseProblems) = ContentParser.parse(tree, baseURLOverride: options.baseURL, memo: &parseMemo)
        let theme: Theme?
        let themeProblems: [Diagnostic]
        if let known = memo?.theme, known.templates == tree.templates, known.languages == content.config.languages {
            (theme, themeProblems) = (known.theme, known.problems)
        } else {
            (theme, themeProblems) = Theme.load(from: tree, languages: content.config.languages)
        }
        if memo == nil {
            // Parsed, the sources' bytes are read no more (their text is in the parse): a
            // build from scratch lets go of them (80 MB for 10,000 articles), keeping the
            // paths. When the caller handed the tree over, that frees them.
            tree.content = tree.content.map { SourceFile(path: $0.path, displayPath: $0.displayPath, bytes: []) }
        }
        clock.mark("parse")
        let selection = SiteResolver.Selection(drafts: options.drafts, future: options.future, now: options.now)
        let key = memo == nil ? nil : ResolveKey(copy tree, content: content, options: options, selection: selection)
        var site: Site
        let resolveProblems: [Diagnostic]
        var rewriter: LinkRewriter
        var sameLinks = false
        if let key, memo?.resolve?.key == key {
            // The same front matter everywhere: the same structure, with the new values,
            // put in place in the memo's site (taken out of the memo, so that it is the only
            // owner of its arrays).
            var known = memo!.resolve!
            memo!.resolve = nil
            known.site.replaceContent(with: content, changed: content.changed)
            site = known.site
            resolveProblems = known.problems
            unpublished = content.changed.map { known.unpublished.updatingHeadings(from: content, changed: $0) }
                ?? Unpublished(content, site: site, tree: copy tree, earlier: known.unpublished)
            rewriter = known.rewriter
            if unpublished == known.unpublished { sameLinks = true } else {
                rewriter = SiteRenderer.linkRewriter(site, unpublished: unpublished)
            }
            resolveReused = true
        } else {
            // The last resolved site (10,000 articles, 15,000 planned pages) is freed on
            // another thread, not where the next replaces it.
            let earlier = memo?.resolve.take()
            let links: (Unpublished, LinkRewriter)
            // Taken out of the memo while resolving updates them (a build from scratch keeps none).
            var resolverMemory = memo?.resolver
            memo?.resolver = ResolverMemory()
            (site, resolveProblems, links) = SiteResolver.resolve(
                content, assets: tree.assets, selection: selection, memory: &resolverMemory
            ) { site in
                // What is not published, and how links are rewritten, while the plan's
                // collisions are checked.
                let unpublished = Unpublished(content, site: site, tree: copy tree, earlier: earlier?.unpublished)
                return (unpublished, SiteRenderer.linkRewriter(site, unpublished: unpublished))
            }
            (unpublished, rewriter) = links
            if let resolverMemory { memo?.resolver = resolverMemory }
            if let earlier { Parallel.release(earlier) }
        }
        clock.mark("resolve")
        // The messages quoting the articles' front matter, made while the texts are there.
        let documentLinkProblems = DocumentLinks.check(site, rewriter: rewriter)
        var articleTexts: ReleasableValues<RenderedBodies.ArticleText>?
        if memo == nil {
            // A build from scratch hands the articles' texts (80 MB for 10,000) to the Markdown
            // phase, which lets go of each as its body is rendered: the bodies' HTML takes
            // their place instead of adding to them. The preview keeps them for its next update.
            // Taken on every core (on one, 5 ms at 10,000 articles by a timing print).
            articleTexts = ReleasableValues(Parallel.map(site.articles) { .some(($0.article.body, $0.article.source)) })
            content.lettingGoOfArticleTexts()
            // The site's copies of the articles are replaced; the old ones are freed on another
            // thread (10,000 of them took one core a tenth of a second). Everything is replaced
            // (nil), which costs less than a set of the 10,000 articles' paths to look each one
            // up in: the pages, registry entries and their translations by the same values
            // (the translations as resolving filed them, the last of a term and language in
            // path order winning: `SourceTree` keeps the files in that order).
            let held = site.articles
            site.replaceContent(with: content, changed: nil)
            Parallel.release(held)
        }
        self.content = content
        self.theme = theme
        self.site = site
        var bodyMemo = memo?.bodies
        memo?.bodies = nil
        bodies = RenderedBodies.render(
            site, rewriter: rewriter, collectExternalLinks: collectExternalLinks, memo: &bodyMemo, sameLinks: sameLinks,
            edited: content.changed, articleTexts: articleTexts)
        if memo != nil, let key {
            memo!.parse = parseMemo
            memo!.bodies = bodyMemo
            memo!.theme = (tree.templates, content.config.languages, theme, themeProblems)
            memo!.resolve = Resolved(key: key, site: site, problems: resolveProblems, unpublished: unpublished, rewriter: rewriter)
        }
        earlierDiagnostics = parseProblems + themeProblems + resolveProblems + documentLinkProblems
        if memo == nil {
            // Every body is rendered and every message quoting a file made: the pages' texts
            // go too, and what the articles' texts took is given back to the system.
            self.content.lettingGoOfPageTexts()
            let held = self.site.pages
            self.site.replaceContent(with: self.content, changed: Set(self.content.pages.map(\.path)))
            // Given back only when the process goes on after the build (see
            // `SiteRenderer.render`).
            let givingBack = !Parallel.processEndsAfter
            Parallel.release(held) { if givingBack { FreedMemory.giveBack() } }
        }
        clock.mark("markdown")
    }
}
