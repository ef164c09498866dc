package import BulletinCore
package import BulletinContent
import BulletinMarkdown
package import BulletinResolve

internal import Mustache

/// The render phase: Markdown, view models and templates into output files. Pure; pages
/// render in parallel.
public enum SiteRenderer {
    /// Every Markdown body, with a diagnostic for each broken link. It needs no theme, so a
    /// build with errors elsewhere still reports its links.
    package static func renderBodies(
        _ site: Site, unpublished: Unpublished, collectExternalLinks: Bool = false
    ) -> RenderedBodies {
        var memo: RenderedBodies.BodyMemo?
        return renderBodies(site, unpublished: unpublished, collectExternalLinks: collectExternalLinks, memo: &memo)
    }

    /// The same, reusing (and updating) the bodies an earlier render made: `bulletin serve`.
    package static func renderBodies(
        _ site: Site, unpublished: Unpublished, collectExternalLinks: Bool = false, memo: inout RenderedBodies.BodyMemo?
    ) -> RenderedBodies {
        RenderedBodies.render(
            site, rewriter: linkRewriter(site, unpublished: unpublished), collectExternalLinks: collectExternalLinks, memo: &memo)
    }

    /// The link rewriter for a resolved site.
    package static func linkRewriter(_ site: Site, unpublished: Unpublished) -> LinkRewriter {
        var sitePaths = Set(site.plan.map(\.path))
        for file in site.staticFiles { sitePaths.insert(file.path) }
        for file in site.assets { sitePaths.insert(Routes.asset(file.path)) }
        // The generated files a page may link to: feeds, the sitemap, robots.txt.
        for feed in Feed.all(of: site) { sitePaths.formUnion([feed.atomPath, feed.jsonPath]) }
        sitePaths.formUnion(Sitemap.paths(for: site))
        return LinkRewriter(routes: site.routes, contentPaths: site.contentPaths, unpublished: unpublished, sitePaths: sitePaths)
    }

    /// Every page and copied file, each handed to `sink` as soon as it is made.
    package static func render(_ site: Site, bodies: RenderedBodies, theme: Theme, into sink: some OutputSink) {
        SiteRendering(site: site, bodies: bodies, theme: theme).renderAll(into: sink)
    }
}

/// What rendering needs besides the site and theme, made once: the view models (with each
/// article's card), the shared header and footer, the feed entries and the search index.
/// `bulletin serve` keeps it between edits and renders again only what an edit touches.
package struct SiteRendering: Sendable {
    package private(set) var site: Site
    package private(set) var theme: Theme
    package private(set) var views: ViewBuilder
    package private(set) var chrome: Chrome
    package let feeds: [Feed]
    package private(set) var feedEntries: [Int: FeedEntry]
    package private(set) var search: SearchIndex

    package init(site: Site, bodies: RenderedBodies, theme: Theme) {
        self.site = site
        self.theme = theme
        views = ViewBuilder(site: site, bodies: bodies, theme: theme)
        chrome = Chrome(theme: theme)
        feeds = Feed.all(of: site)
        feedEntries = FeedEntry.all(for: feeds, site: site, bodies: bodies, summaries: views.summaries)
        search = SearchIndex(site: site, bodies: bodies, summaries: views.summaries)
    }

    package func renderAll(into sink: some OutputSink) {
        _ = Parallel.map(site.plan) { sink.accept(page($0)) }
        _ = Parallel.map(feeds) { feed in feedFiles(feed).forEach(sink.accept) }
        let others = Sitemap.files(for: site) + search.files.keys.sorted().map { ($0, search.files[$0]!) }
            + [("search/search.js", SearchScript.source)]
        _ = Parallel.map(others) { sink.accept(OutputFile(path: $0.0, contents: .bytes(Array($0.1.utf8)))) }
        _ = Parallel.map(copies) { sink.accept($0) }
    }

    /// The files copied as they are: `Content/static/**` and `Templates/assets/**`.
    package var copies: [OutputFile] {
        site.staticFiles.map { OutputFile(path: $0.path, contents: $0.contents) }
            + site.assets.map { OutputFile(path: Routes.asset($0.path), contents: $0.contents) }
    }

    /// One page: its template, then the layout around it.
    package func page(_ planned: PlannedPage) -> OutputFile {
        let (template, context) = PageContexts.make(planned, views: views)
        var page = context
        page.content = theme.pages[template]!.render(context, library: theme.library)
        (page.header, page.footer) = chrome.parts(kind: context.page.kind, section: context.page.section, site: context.site)
        let html = theme.pages["layout"]!.render(page, library: theme.library)
        return OutputFile(path: Routes.outputFile(planned.path), contents: .bytes(Array(html.utf8)))
    }

    /// A feed, as Atom and JSON Feed.
    package func feedFiles(_ feed: Feed) -> [OutputFile] {
        [
            OutputFile(path: feed.atomPath, contents: .bytes(Array(feed.atom(site: site, entries: feedEntries).utf8))),
            OutputFile(path: feed.jsonPath, contents: .bytes(Array(feed.json(site: site, entries: feedEntries).utf8))),
        ]
    }

    // MARK: - Incremental changes

    /// Takes in a new version of the published article at `index` whose place in the site is
    /// unchanged (its URL, date, terms, dialogue and session; its text, title, summary and
    /// other fields may differ): the files to write again and the files gone.
    package mutating func update(article index: Int, site: Site, bodies: RenderedBodies) -> (files: [OutputFile], removed: Set<String>) {
        // Only a new `updated` can change the site's newest date (the date itself is unchanged).
        let updatedChanged = site.articles[index].article.updated != self.site.articles[index].article.updated
        let newestBefore = updatedChanged ? Self.newestChange(self.site) : nil
        self.site = site
        let listEntryChanged = views.update(article: index, site: site, bodies: bodies, theme: theme)
        var pages = [PlannedPage(kind: .article(index), path: site.articles[index].path)]
        if listEntryChanged { pages += lists(containing: index) }
        var files = Parallel.map(pages, page)

        if feedEntries[index] != nil {
            feedEntries[index] = FeedEntry(index, site: site, bodies: bodies, summary: views.summaries[index].summary)
            for feed in feeds where feed.articles.contains(index) { files += feedFiles(feed) }
        }
        if updatedChanged {
            // `updated` dates the sitemap's entries, and a feed with no entries is dated by
            // the site's newest change.
            files += Sitemap.files(for: site).map { OutputFile(path: $0.path, contents: .bytes(Array($0.text.utf8))) }
            if Self.newestChange(site) != newestBefore {
                for feed in feeds where feed.articles.isEmpty { files += feedFiles(feed) }
            }
        }
        let (changed, removed) = search.update(article: index, site: site, bodies: bodies, summaries: views.summaries)
        files += changed.sorted().map { OutputFile(path: $0, contents: .bytes(Array(search.files[$0]!.utf8))) }
        return (files, removed)
    }

    /// The newest `updated` or `date` of any article.
    package static func newestChange(_ site: Site) -> ContentDate? {
        site.articles.lazy.map { $0.article.updated ?? $0.article.date }.max()
    }

    /// The list pages that show an article's entry: the home page, its page of all articles,
    /// its pages of each of its terms, its dialogue series.
    package func lists(containing index: Int) -> [PlannedPage] {
        let perPage = site.config.perPage
        var pages: [PlannedPage] = []
        if index < perPage { pages.append(PlannedPage(kind: .home, path: Routes.home)) }
        let number = index / perPage + 1
        pages.append(PlannedPage(kind: .articleList(number: number), path: Routes.listPage(Routes.articles, number)))
        let published = site.articles[index]
        for (position, taxonomy) in site.taxonomies.enumerated() {
            for termIndex in published.terms[position] {
                let term = taxonomy.terms[termIndex]
                guard let place = term.articles.firstIndex(of: index) else { continue }
                let number = place / perPage + 1
                pages.append(PlannedPage(
                    kind: .term(taxonomy: position, term: termIndex, number: number), path: Routes.listPage(term.path, number)))
            }
        }
        if let dialogue = published.dialogue {
            pages.append(PlannedPage(kind: .dialogue(dialogue), path: site.dialogues.terms[dialogue].path))
        }
        return pages
    }

    /// Takes in a new theme: the pages of the kinds it renders differently (`cards` when the
    /// article card changed, so every card is rendered again).
    package mutating func update(theme: Theme, bodies: RenderedBodies, kinds: Set<PageKindName>, cards: Bool) -> [OutputFile] {
        self.theme = theme
        chrome = Chrome(theme: theme)
        if cards { views = ViewBuilder(site: site, bodies: bodies, theme: theme) }
        let pages = site.plan.filter { kinds.contains(PageKindName($0.kind)) }
        return Parallel.map(pages, page)
    }
}

/// The kinds of pages, as the templates that render them are named.
package enum PageKindName: String, Sendable, Hashable, CaseIterable {
    case home, articles, article, taxonomy, term, dialogues, dialogue, page, search
    case notFound = "404"

    package init(_ kind: PlannedPage.Kind) {
        self = switch kind {
        case .home: .home
        case .articleList: .articles
        case .article: .article
        case .taxonomy: .taxonomy
        case .term: .term
        case .dialogues: .dialogues
        case .dialogue: .dialogue
        case .page: .page
        case .search: .search
        case .notFound: .notFound
        }
    }
}
