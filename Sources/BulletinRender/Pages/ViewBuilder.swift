import BulletinMarkdown
import BulletinCore
package import BulletinContent
package import BulletinResolve

internal import Mustache

/// Builds the template data of each page from the resolved site and the rendered bodies.
/// Dates, URLs, counts and labels are computed here, once, in Swift.
package struct ViewBuilder: Sendable {
    package private(set) var site: Site
    package private(set) var bodies: RenderedBodies
    /// Every article's list entry, by index into `Site.articles`.
    package private(set) var summaries: [ArticleSummaryView]
    /// The site's data with no navigation entry marked; each page marks its own.
    package let baseSiteView: SiteView
    /// Every article's `article-card` partial at heading levels 2 and 3, when the theme has one.
    package private(set) var cards: [(level2: String, level3: String)]?

    package init(site: Site, bodies: RenderedBodies, theme: Theme) {
        self.site = site
        self.bodies = bodies
        summaries = site.articles.indices.map { Self.summary(of: $0, site: site, bodies: bodies) }
        baseSiteView = Self.makeSiteView(site)
        // An article appears in many lists (all articles, each of its terms, its dialogue):
        // its card is rendered once per heading level, not once per list.
        if let card = theme.library.getTemplate(named: "article-card") {
            let library = theme.library
            let siteView = baseSiteView
            cards = Parallel.map(summaries) { summary in
                (card.render(ArticleCardContext(article: summary, site: siteView, headingLevel: 2), library: library),
                 card.render(ArticleCardContext(article: summary, site: siteView, headingLevel: 3), library: library))
            }
        } else {
            cards = nil
        }
    }

    package var routes: Routes { site.routes }

    /// An article's entry in lists.
    package static func summary(of index: Int, site: Site, bodies: RenderedBodies) -> ArticleSummaryView {
        let routes = site.routes
        let published = site.articles[index]
        let article = published.article
        let dialogue = published.dialogue.map { site.dialogues.terms[$0] }
        return ArticleSummaryView(
            title: article.title, url: routes.href(published.path), date: DateView(article.date),
            updated: article.updated.map(DateView.init),
            summary: article.summary ?? Summary.truncate(bodies.articles[index].firstParagraph ?? ""),
            location: article.location,
            dialogue: dialogue.map { LinkView(name: $0.name, url: routes.href($0.path), key: $0.id, isCurrent: false) },
            session: article.session,
            sessionLabel: article.session.map { Ordinal.english($0) + " session" })
    }

    /// Takes in a new version of article `index` (its place in the site unchanged: the same
    /// URL, date and terms); whether its list entry changed (its title, summary, location...).
    package mutating func update(article index: Int, site: Site, bodies: RenderedBodies, theme: Theme) -> Bool {
        self.site = site
        self.bodies = bodies
        let summary = Self.summary(of: index, site: site, bodies: bodies)
        guard summary != summaries[index] else { return false }
        summaries[index] = summary
        if cards != nil, let card = theme.library.getTemplate(named: "article-card") {
            cards![index] = (
                card.render(ArticleCardContext(article: summary, site: baseSiteView, headingLevel: 2), library: theme.library),
                card.render(ArticleCardContext(article: summary, site: baseSiteView, headingLevel: 3), library: theme.library))
        }
        return true
    }

    // MARK: - Shared parts

    /// The site's data as seen from the page at `path` in `section`.
    package func siteView(path: String, section: String) -> SiteView {
        var view = baseSiteView
        let url = routes.href(path)
        func mark(_ links: inout [LinkView]) {
            for index in links.indices {
                links[index].isCurrent = links[index].url == url
                links[index].inSection = links[index].key == section
            }
        }
        mark(&view.taxonomies)
        mark(&view.pages)
        mark(&view.nav)
        return view
    }

    private static func makeSiteView(_ site: Site) -> SiteView {
        let config = site.config
        let routes = site.routes
        func link(_ name: String, _ target: String, _ key: String) -> LinkView {
            LinkView(name: name, url: routes.href(target), key: key)
        }
        let taxonomies = site.taxonomies.map { link($0.title, $0.path, $0.name) }
        let pages = site.pages.map { link($0.page.title, $0.path, $0.page.slug) }
        return SiteView(
            title: config.title, description: config.description, language: config.language,
            baseURL: config.baseURL.absolute, homeURL: routes.href(Routes.home), articlesURL: routes.href(Routes.articles),
            dialoguesURL: routes.href(Routes.dialogues), searchURL: routes.href(Routes.search), taxonomies: taxonomies,
            pages: pages,
            nav: [link("Articles", Routes.articles, "articles")] + taxonomies
                + [link("Dialogues", Routes.dialogues, "dialogues")] + pages + [link("Search", Routes.search, "search")],
            params: .object(config.params))
    }

    package func context(kind: String, title: String, path: String, description: String, section: String) -> PageContext {
        let config = site.config
        let meta = PageMetaView(
            kind: kind, title: title,
            documentTitle: kind == "home" || title == config.title ? config.title : "\(title) — \(config.title)",
            description: description, url: routes.href(path), canonical: routes.absolute(path), lang: config.language,
            section: section)
        return PageContext(site: siteView(path: path, section: section), page: meta)
    }

    /// The Atom and JSON feeds in `folder`, for autodiscovery.
    package func feedLinks(_ folder: String, title: String) -> [FeedLinkView] {
        [
            FeedLinkView(type: "application/atom+xml", title: title + " (Atom)", url: routes.absolute(folder + "feed.xml")),
            FeedLinkView(type: "application/feed+json", title: title + " (JSON Feed)", url: routes.absolute(folder + "feed.json")),
        ]
    }

    /// Page links for a list split into `total` pages, or nil when it fits on one.
    package func pagination(first: String, number: Int, total: Int) -> PaginationView? {
        guard total > 1 else { return nil }
        return PaginationView(
            current: number, total: total,
            previousURL: number > 1 ? routes.href(Routes.listPage(first, number - 1)) : nil,
            nextURL: number < total ? routes.href(Routes.listPage(first, number + 1)) : nil,
            pages: Self.pageWindow(current: number, total: total).map {
                $0 == 0
                    ? PaginationView.PageLink(number: 0, url: "", isCurrent: false, isGap: true)
                    : PaginationView.PageLink(number: $0, url: routes.href(Routes.listPage(first, $0)), isCurrent: $0 == number)
            })
    }

    /// The page numbers to link: the first, the last and two either side of the current one,
    /// with 0 for each gap, so that a list of 500 pages does not put 500 links on every page.
    package static func pageWindow(current: Int, total: Int) -> [Int] {
        var numbers: [Int] = []
        for number in 1...total where number == 1 || number == total || abs(number - current) <= 2 {
            if let last = numbers.last, number - last == 2 {
                numbers.append(last + 1)  // a gap of one page: show the page, not "…"
            } else if let last = numbers.last, number - last > 2 {
                numbers.append(0)
            }
            numbers.append(number)
        }
        return numbers
    }

    /// The articles of page `number` of a list, with their cards at `headingLevel`.
    package func slice(_ indices: [Int], number: Int, headingLevel: Int = 3) -> [ArticleSummaryView] {
        let perPage = site.config.perPage
        let start = (number - 1) * perPage
        guard start < indices.count else { return [] }
        return indices[start..<min(start + perPage, indices.count)].map { withCard($0, headingLevel: headingLevel) }
    }

    /// An article's list entry with its card at `headingLevel`.
    package func withCard(_ index: Int, headingLevel: Int = 3) -> ArticleSummaryView {
        var summary = summaries[index]
        if let cards { summary.card = headingLevel == 2 ? cards[index].level2 : cards[index].level3 }
        return summary
    }

    package func pageCount(_ count: Int) -> Int {
        max(1, (count + site.config.perPage - 1) / site.config.perPage)
    }

    package func termLink(_ taxonomy: Taxonomy, _ term: Term) -> TermLinkView {
        TermLinkView(name: term.name, short: term.short, url: routes.href(term.path), count: term.articles.count)
    }

    package func taxonomyView(_ taxonomy: Taxonomy) -> TaxonomyView {
        TaxonomyView(
            name: taxonomy.name, title: taxonomy.title, url: routes.href(taxonomy.path),
            terms: taxonomy.terms.map { termLink(taxonomy, $0) })
    }

    package func termView(_ taxonomy: Taxonomy, _ term: Term) -> TermView {
        let entry = term.entry
        return TermView(
            id: term.id, name: term.name, short: term.short, aliases: entry?.aliases ?? [],
            names: (entry?.names ?? [:]).sorted { $0.key < $1.key }.map { TermView.NameView(lang: $0.key, name: $0.value) },
            description: entry.flatMap { bodies.entries[$0.path]?.html } ?? "",
            isRegistered: entry != nil,
            taxonomy: LinkView(name: taxonomy.title, url: routes.href(taxonomy.path), key: taxonomy.name, isCurrent: false),
            url: routes.href(term.path), count: term.articles.count, params: .object(entry?.params ?? [:]),
            website: Self.safeWebURL(entry?.params["website"]), parties: Self.names(entry?.params["parties"]))
    }

    /// A list of names from a parameter (`parties: [Republic of Korea, European Union]`).
    package static func names(_ value: ParamValue?) -> [String] {
        guard case .list(let items)? = value else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    /// An http or https URL from a parameter, or nil: only such a value may go into `href`
    /// (`javascript:` and friends never do).
    package static func safeWebURL(_ value: ParamValue?) -> String? {
        guard case .string(let text)? = value else { return nil }
        let url = text.trimmingWhitespace
        let lower = url.lowercased()
        let forbidden = "\"<>\\`".unicodeScalars
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), url.count > 8,
              url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !forbidden.contains($0) })
        else { return nil }
        return url
    }

    /// A plain-text description of a term for `<meta name="description">`.
    package func termDescription(_ taxonomy: Taxonomy, _ term: Term) -> String {
        if let entry = term.entry, let first = bodies.entries[entry.path]?.firstParagraph, !first.isEmpty {
            return Summary.truncate(first, maximumLength: 200)
        }
        return "\(TermLinkView.countLabel(term.articles.count).capitalizedFirst) on \(term.name)."
    }
}


extension String {
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
