internal import Mustache

/// The render phase: Markdown, view models and templates into an output tree. Pure; pages
/// render in parallel and land in a fixed order.
public enum SiteRenderer {
    /// Every Markdown body, with a diagnostic for each broken link. It needs no theme, so a
    /// build with errors elsewhere still reports its links.
    static func renderBodies(
        _ site: Site, unpublished: [String: String], collectExternalLinks: Bool = false
    ) -> (RenderedBodies, RenderedBodies.Findings) {
        var sitePaths = Set(site.plan.map(\.path))
        for file in site.staticFiles { sitePaths.insert(file.path) }
        for file in site.assets { sitePaths.insert(Routes.asset(file.path)) }
        let rewriter = LinkRewriter(
            routes: site.routes, contentPaths: site.contentPaths, unpublished: unpublished, sitePaths: sitePaths)
        return RenderedBodies.render(site, rewriter: rewriter, collectExternalLinks: collectExternalLinks)
    }

    /// Every page and copied file.
    static func render(_ site: Site, bodies: RenderedBodies, theme: Theme) -> OutputTree {
        let views = ViewBuilder(site: site, bodies: bodies, theme: theme)
        let pages = Parallel.map(site.plan) { planned in
            OutputFile(
                path: Routes.outputFile(planned.path),
                contents: .bytes(Array(render(planned, views: views, theme: theme).utf8)))
        }
        var files = pages + extras(site, bodies: bodies, views: views).map {
            OutputFile(path: $0.path, contents: .bytes(Array($0.text.utf8)))
        }
        for file in site.staticFiles { files.append(OutputFile(path: file.path, contents: file.contents)) }
        for file in site.assets { files.append(OutputFile(path: Routes.asset(file.path), contents: file.contents)) }
        return OutputTree(files: files)
    }

    /// The files besides pages: feeds, sitemap, robots.txt, the search index and script.
    static func extras(_ site: Site, bodies: RenderedBodies, views: ViewBuilder) -> [(path: String, text: String)] {
        let feeds = Parallel.map(Feed.all(of: site)) { feed in
            [(feed.atomPath, feed.atom(site: site, bodies: bodies, summaries: views.summaries)),
             (feed.jsonPath, feed.json(site: site, bodies: bodies, summaries: views.summaries))]
        }.flatMap { $0 }
        let search = SearchIndex(site: site, bodies: bodies, summaries: views.summaries)
        return feeds + Sitemap.files(for: site) + search.files + [("search/search.js", SearchScript.source)]
    }

    /// One page: its template, then the layout around it.
    static func render(_ planned: PlannedPage, views: ViewBuilder, theme: Theme) -> String {
        let (template, context) = PageContexts.make(planned, views: views)
        var page = context
        page.content = theme.pages[template]!.render(context, library: theme.library)
        return theme.pages["layout"]!.render(page, library: theme.library)
    }
}
