internal import Mustache

/// The render phase: Markdown, view models and templates into an output tree. Pure; pages
/// render in parallel and land in a fixed order.
public enum SiteRenderer {
    /// Every Markdown body, with a diagnostic for each broken link. It needs no theme, so a
    /// build with errors elsewhere still reports its links.
    static func renderBodies(
        _ site: Site, unpublished: Unpublished, collectExternalLinks: Bool = false
    ) -> RenderedBodies {
        RenderedBodies.render(site, rewriter: linkRewriter(site, unpublished: unpublished), collectExternalLinks: collectExternalLinks)
    }

    /// The link rewriter for a resolved site.
    static func linkRewriter(_ site: Site, unpublished: Unpublished) -> LinkRewriter {
        var sitePaths = Set(site.plan.map(\.path))
        for file in site.staticFiles { sitePaths.insert(file.path) }
        for file in site.assets { sitePaths.insert(Routes.asset(file.path)) }
        return LinkRewriter(routes: site.routes, contentPaths: site.contentPaths, unpublished: unpublished, sitePaths: sitePaths)
    }

    /// Every page and copied file, each handed to `sink` as soon as it is made.
    static func render(_ site: Site, bodies: RenderedBodies, theme: Theme, into sink: some OutputSink) {
        let views = ViewBuilder(site: site, bodies: bodies, theme: theme)
        let chrome = Chrome(theme: theme)
        _ = Parallel.map(site.plan) { planned in
            sink.accept(OutputFile(
                path: Routes.outputFile(planned.path),
                contents: .bytes(Array(render(planned, views: views, theme: theme, chrome: chrome).utf8))))
        }
        let extras = extras(site, bodies: bodies, views: views)
        _ = Parallel.map(extras) { sink.accept(OutputFile(path: $0.path, contents: .bytes(Array($0.text.utf8)))) }
        let copies = site.staticFiles.map { OutputFile(path: $0.path, contents: $0.contents) }
            + site.assets.map { OutputFile(path: Routes.asset($0.path), contents: $0.contents) }
        _ = Parallel.map(copies) { sink.accept($0) }
    }

    /// The files besides pages: feeds, sitemap, robots.txt, the search index and script.
    static func extras(_ site: Site, bodies: RenderedBodies, views: ViewBuilder) -> [(path: String, text: String)] {
        let allFeeds = Feed.all(of: site)
        let entries = FeedEntry.all(for: allFeeds, site: site, bodies: bodies, summaries: views.summaries)
        let feeds = Parallel.map(allFeeds) { feed in
            [(feed.atomPath, feed.atom(site: site, entries: entries)), (feed.jsonPath, feed.json(site: site, entries: entries))]
        }.flatMap { $0 }
        let search = SearchIndex(site: site, bodies: bodies, summaries: views.summaries)
        return feeds + Sitemap.files(for: site) + search.files + [("search/search.js", SearchScript.source)]
    }

    /// One page: its template, then the layout around it.
    static func render(_ planned: PlannedPage, views: ViewBuilder, theme: Theme, chrome: Chrome) -> String {
        let (template, context) = PageContexts.make(planned, views: views)
        var page = context
        page.content = theme.pages[template]!.render(context, library: theme.library)
        (page.header, page.footer) = chrome.parts(kind: context.page.kind, section: context.page.section, site: context.site)
        return theme.pages["layout"]!.render(page, library: theme.library)
    }
}
