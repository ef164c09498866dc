import BulletinMarkdown
import BulletinCore
import BulletinContent
package import BulletinResolve

/// The template and the data of each kind of page.
package enum PageContexts {
    package static func make(_ planned: PlannedPage, views: ViewBuilder) -> (template: String, context: PageContext) {
        let site = views.site
        let routes = views.routes
        switch planned.kind {
        case .home:
            var context = views.context(
                kind: "home", title: site.config.title, path: planned.path, description: site.config.description,
                section: "home")
            context.articles = views.slice(Array(site.articles.indices), number: 1)
            context.taxonomies = site.taxonomies.map(views.taxonomyView)
            context.dialogues = dialogueSummaries(views)
            if site.articles.count > site.config.perPage {
                context.pagination = views.pagination(first: Routes.articles, number: 1, total: views.pageCount(site.articles.count))
            }
            context.page.feeds = views.feedLinks(Routes.home, title: site.config.title)
            context.page.structuredData = StructuredData.encode(StructuredData.website(site))
            return ("home", context)

        case .articleList(let number):
            let total = views.pageCount(site.articles.count)
            var context = views.context(
                kind: "articles", title: number == 1 ? "All articles" : "All articles, page \(number) of \(total)",
                path: planned.path, description: "Every article of \(site.config.title), newest first.",
                section: "articles")
            context.articles = views.slice(Array(site.articles.indices), number: number, headingLevel: 2)
            context.pagination = views.pagination(first: Routes.articles, number: number, total: total)
            context.listHeadingLevel = 2
            context.page.feeds = views.feedLinks(Routes.home, title: site.config.title)
            return ("articles", context)

        case .article(let index):
            let published = site.articles[index]
            let summary = views.summaries[index]
            var context = views.context(
                kind: "article", title: published.article.title, path: planned.path, description: summary.summary,
                section: "articles")
            let groups = site.taxonomies.enumerated().compactMap { position, taxonomy -> TermGroupView? in
                let terms = published.terms[position]
                guard !terms.isEmpty else { return nil }
                return TermGroupView(
                    name: taxonomy.name, title: taxonomy.title, url: routes.href(taxonomy.path),
                    terms: terms.map { views.termLink(taxonomy, taxonomy.terms[$0]) })
            }
            context.article = ArticleView(
                summary: summary, content: views.bodies.articles[index].html, taxonomies: groups,
                params: .object(published.article.params))
            context.page.openGraphType = "article"
            context.page.published = published.article.date.rfc3339
            context.page.modified = published.article.updated?.rfc3339
            context.page.tags = groups.flatMap { $0.terms.map(\.name) }
            context.page.lang = published.article.lang
            context.page.structuredData = StructuredData.encode(StructuredData.article(index, site: site, summary: summary.summary))
            return ("article", context)

        case .taxonomy(let index):
            let taxonomy = site.taxonomies[index]
            var context = views.context(
                kind: "taxonomy", title: taxonomy.title, path: planned.path,
                description: "\(taxonomy.title) in \(site.config.title), with their articles.", section: taxonomy.name)
            context.taxonomy = views.taxonomyView(taxonomy)
            return ("taxonomy", context)

        case .term(let taxonomyIndex, let termIndex, let number):
            let taxonomy = site.taxonomies[taxonomyIndex]
            let term = taxonomy.terms[termIndex]
            let total = views.pageCount(term.articles.count)
            var context = views.context(
                kind: "term", title: number == 1 ? term.name : "\(term.name), page \(number) of \(total)",
                path: planned.path, description: views.termDescription(taxonomy, term), section: taxonomy.name)
            context.term = views.termView(taxonomy, term)
            context.articles = views.slice(term.articles, number: number)
            context.pagination = views.pagination(first: term.path, number: number, total: total)
            context.params = .object(term.entry?.params ?? [:])
            context.page.feeds = views.feedLinks(term.path, title: "\(term.name) — \(site.config.title)")
            context.page.structuredData = StructuredData.encode(StructuredData.term(
                term, in: taxonomy, site: site, full: true, description: term.entry == nil ? "" : context.page.description))
            return ("term", context)

        case .dialogues:
            var context = views.context(
                kind: "dialogues", title: "Dialogue series", path: planned.path,
                description: "The dialogue series \(site.config.title) reports on, with their sessions.",
                section: "dialogues")
            context.dialogues = dialogueSummaries(views)
            return ("dialogues", context)

        case .dialogue(let index):
            let term = site.dialogues.terms[index]
            var context = views.context(
                kind: "dialogue", title: term.name, path: planned.path,
                description: views.termDescription(site.dialogues, term), section: "dialogues")
            var sessions: [Int: [Int]] = [:]
            var others: [Int] = []
            for article in term.articles {
                if let number = site.articles[article].article.session {
                    sessions[number, default: []].append(article)
                } else {
                    others.append(article)
                }
            }
            context.dialogue = DialogueView(
                term: views.termView(site.dialogues, term),
                sessions: sessions.keys.sorted().map { number in
                    DialogueView.SessionView(
                        number: number, label: Ordinal.english(number) + " session",
                        // Within a session, oldest first: a preview before its report.
                        articles: sessions[number]!.reversed().map { views.withCard($0) })
                },
                otherArticles: others.map { views.withCard($0) })
            context.params = .object(term.entry?.params ?? [:])
            context.page.feeds = views.feedLinks(term.path, title: "\(term.name) — \(site.config.title)")
            context.page.structuredData = StructuredData.encode(StructuredData.series(
                index, site: site, description: term.entry == nil ? "" : context.page.description))
            return ("dialogue", context)

        case .page(let index):
            let published = site.pages[index]
            let body = views.bodies.pages[index]
            var context = views.context(
                kind: "page", title: published.page.title, path: planned.path,
                description: Summary.truncate(body.firstParagraph ?? "", maximumLength: 200), section: published.page.slug)
            context.body = body.html
            context.params = .object(published.page.params)
            return ("page", context)

        case .search:
            var context = views.context(
                kind: "search", title: "Search", path: planned.path,
                description: "Search every article of \(site.config.title) by word, agency, framework, threat, dialogue and year.",
                section: "search")
            context.search = SearchView(indexURL: routes.href(Routes.search), scriptURL: routes.href(Routes.search + "search.js"))
            return ("search", context)

        case .notFound:
            let context = views.context(
                kind: "404", title: "Page not found", path: planned.path, description: "", section: "")
            return ("404", context)
        }
    }

    package static func dialogueSummaries(_ views: ViewBuilder) -> [DialogueSummaryView] {
        let site = views.site
        return site.dialogues.terms.map { term in
            let sessions = Set(term.articles.compactMap { site.articles[$0].article.session })
            return DialogueSummaryView(
                link: views.termLink(site.dialogues, term), sessionCount: sessions.count,
                first: term.articles.last.map { DateView(site.articles[$0].article.date) },
                last: term.articles.first.map { DateView(site.articles[$0].article.date) })
        }
    }
}
