import BulletinMarkdown
import BulletinCore
import BulletinContent
package import BulletinResolve
package import BulletinTemplates

/// The template data of each page, made only from the values of the page's dependencies
/// (`RenderInputs`), in the page's language.
package struct PageContexts: Sendable {
    package let inputs: RenderInputs
    package let cards: CardCache
    package let references: ReferenceCache
    private let siteValues: SiteValueCache
    private let sharedStructuredData: StructuredData.Shared
    /// The co-occurrence and years of the terms and series whose pages are rendered, as
    /// template fields: made once per term, not for every page of a long list (and only for
    /// those pages: the preview renders a few pages per save).
    private let readings: [RenderInputs.TermInLanguage: TemplateObject]

    /// Ready to make the template data of `pages` (others get theirs too, made on demand).
    package init(inputs: RenderInputs, pages: [PlannedPage]) {
        self.inputs = inputs
        // The cards beside the references and readings: each has serial stretches (sets of
        // keys, marks) that the other's parallel work fills.
        (cards, (references, readings)) = Parallel.both({ CardCache(inputs: inputs, pages: pages) }, {
            (ReferenceCache(inputs: inputs, pages: pages), Self.readings(inputs: inputs, pages: pages))
        })
        siteValues = SiteValueCache(inputs: inputs)
        sharedStructuredData = StructuredData.Shared()
    }

    /// The co-occurrence and years of the terms and series whose pages are among `pages`.
    private static func readings(inputs: RenderInputs, pages: [PlannedPage]) -> [RenderInputs.TermInLanguage: TemplateObject] {
        let site = inputs.site
        var readings: [RenderInputs.TermInLanguage: TemplateObject] = [:]
        for page in pages {
            let key: RenderInputs.TermInLanguage
            switch page.subject {
            case .term(let taxonomy, let term, _):
                key = .init(taxonomy: site.taxonomies[taxonomy].name, id: site.taxonomies[taxonomy].terms[term].id, lang: page.lang)
            case .dialogue(let index):
                key = .init(taxonomy: site.dialogues.name, id: site.dialogues.terms[index].id, lang: page.lang)
            default:
                continue
            }
            if readings[key] == nil { readings[key] = Self.reading(key, inputs: inputs) }
        }
        return readings
    }

    /// A term's co-occurrence and years as template fields.
    private static func reading(_ key: RenderInputs.TermInLanguage, inputs: RenderInputs) -> TemplateObject {
        let views = Views(routes: inputs.site.routes, strings: inputs.sites[key.lang]!.strings, lang: key.lang)
        var object = TemplateObject()
        views.addReading(inputs.termReadings[key]!, to: &object)
        return object
    }

    var site: Site { inputs.site }
    var routes: Routes { site.routes }

    /// The page's template data, before the layout: `site`, `page`, `i18n` and what its kind
    /// has.
    package func context(for planned: PlannedPage) -> TemplateObject {
        let lang = planned.lang
        let siteData = inputs.sites[lang]!
        let views = Views(routes: routes, strings: siteData.strings, lang: lang)
        let strings = siteData.strings
        let structured = StructuredData(routes: routes, site: siteData, shared: sharedStructuredData)
        var meta = Meta(title: "", description: "", section: "")
        var object = TemplateObject()

        switch planned.subject {
        case .home:
            meta = Meta(title: siteData.title, description: siteData.description, section: "home")
            let list = inputs.lists[.init(list: .all(lang: lang), number: 1)]!
            object["articles"] = cards.list(list.articles, lang: lang, level: 3)
            object["taxonomies"] = .list(site.taxonomies.map { taxonomyView($0.name, views: views, siteData: siteData) })
            object["dialogues"] = .list((inputs.dialogueIndexes[lang] ?? []).map(views.dialogueSummary))
            object["pagination"] = views.pagination(first: routes.localized(Routes.articles, lang), number: 1, total: list.total)
            meta.feeds = feedLinks(routes.localized(Routes.home, lang), title: siteData.title, strings: strings)
            meta.structuredData = StructuredData.encode(structured.website())

        case .articleList(let number):
            let list = inputs.lists[.init(list: .all(lang: lang), number: number)]!
            meta = Meta(
                title: number == 1 ? strings("titles.articles")
                    : strings("titles.articlesPage", ["number": String(number), "total": String(list.total)]),
                description: strings("descriptions.articles", ["site": siteData.title]), section: "articles")
            object["articles"] = cards.list(list.articles, lang: lang, level: 2)
            object["pagination"] = views.pagination(first: routes.localized(Routes.articles, lang), number: number, total: list.total)
            object["listHeadingLevel"] = 2
            meta.feeds = feedLinks(routes.localized(Routes.home, lang), title: siteData.title, strings: strings)

        case .article(let index):
            let path = site.articles[index].article.path
            let card = inputs.cards[path]!
            let data = inputs.articles[path]!
            meta = Meta(title: card.title, description: card.summary, section: "articles")
            var article = views.card(card)
            article["content"] = .utf8(data.body)
            var groups: [TemplateValue] = []
            var about: [(taxonomy: LinkData, terms: [TermLinkData])] = []
            for (position, taxonomy) in site.taxonomies.enumerated() where !data.terms[position].isEmpty {
                let links = data.terms[position].compactMap {
                    inputs.termLinks[.init(taxonomy: taxonomy.name, id: $0, lang: lang)]
                }
                let heading = siteData.taxonomies[position]
                groups.append([
                    "name": .text(taxonomy.name), "title": .text(heading.name), "url": .text(routes.href(heading.path)),
                    "terms": .list(links.map { views.termLink($0, withCount: false) }), "filter": .text(taxonomy.name),
                ])
                about.append((heading, links))
            }
            article["taxonomies"] = .list(groups)
            article["hasTerms"] = .bool(!groups.isEmpty)
            article["params"] = data.params.templateValue
            let reading = inputs.readings[path]!
            // The closures see the cache alone: naming `references` in them captured all of
            // `self`, a copy of every value the pages share for each article page.
            let references = references
            if let series = reading.series {
                article["series"] = views.seriesNavigation(series) { references.value($0, views: views) }
            }
            article["hasSeries"] = .bool(reading.series != nil)
            let chairs = data.chairs.map { chair in (chair, chairAgency(chair, lang: lang)) }
            article["chairs"] = .list(chairs.map(views.chair))
            article["hasChairs"] = .bool(!chairs.isEmpty)
            article["documents"] = .list(data.documents.map { document in
                ["title": .text(document.title), "url": .text(OpenData.documentURL(document.url, routes: routes, absolute: false))]
            })
            article["hasDocuments"] = .bool(!data.documents.isEmpty)
            article["related"] = .list(reading.related.map { references.value($0, views: views) })
            article["hasRelated"] = .bool(!reading.related.isEmpty)
            article["hasAside"] = .bool(reading.series != nil || !chairs.isEmpty || !data.documents.isEmpty
                || !reading.related.isEmpty || !groups.isEmpty)
            object["article"] = .object(article)
            meta.openGraphType = "article"
            meta.published = card.date.rfc3339
            meta.modified = card.updated?.rfc3339
            meta.tags = about.flatMap { $0.terms.map(\.name) }
            meta.structuredData = StructuredData.encode(structured.article(
                card, terms: about, chairs: chairs,
                documents: data.documents.map { ($0.title, OpenData.documentURL($0.url, routes: routes, absolute: true)) }))

        case .taxonomy(let index):
            let heading = siteData.taxonomies[index]
            meta = Meta(
                title: heading.name, description: strings("descriptions.taxonomy", ["taxonomy": heading.name, "site": siteData.title]),
                section: heading.key)
            object["taxonomy"] = taxonomyView(heading.key, views: views, siteData: siteData)

        case .term(let taxonomyIndex, let termIndex, let number):
            let taxonomy = site.taxonomies[taxonomyIndex]
            let id = taxonomy.terms[termIndex].id
            let term = inputs.terms[.init(taxonomy: taxonomy.name, id: id, lang: lang)]!
            let list = inputs.lists[.init(list: .term(taxonomy: taxonomy.name, id: id, lang: lang), number: number)]!
            let heading = siteData.taxonomies[taxonomyIndex]
            meta = Meta(
                title: number == 1 ? term.link.name
                    : strings("titles.listPage", ["title": term.link.name, "number": String(number), "total": String(list.total)]),
                description: termDescription(term, strings: strings), section: taxonomy.name)
            var termObject = views.term(term, taxonomy: heading)
            let readingKey = RenderInputs.TermInLanguage(taxonomy: taxonomy.name, id: id, lang: lang)
            termObject.merge(readings[readingKey] ?? Self.reading(readingKey, inputs: inputs))
            object["term"] = .object(termObject)
            object["articles"] = cards.list(list.articles, lang: lang, level: 3)
            object["pagination"] = views.pagination(first: term.link.path, number: number, total: list.total)
            object["params"] = term.params.templateValue
            meta.feeds = feedLinks(term.link.path, title: strings("feeds.term", ["name": term.link.name, "site": siteData.title]), strings: strings)
            meta.structuredData = StructuredData.encode(structured.term(
                term.link, in: heading, full: term, description: term.isRegistered ? meta.description : ""))

        case .dialogues:
            meta = Meta(
                title: strings("titles.dialogues"), description: strings("descriptions.dialogues", ["site": siteData.title]),
                section: "dialogues")
            object["dialogues"] = .list((inputs.dialogueIndexes[lang] ?? []).map(views.dialogueSummary))

        case .dialogue(let index):
            let id = site.dialogues.terms[index].id
            let term = inputs.terms[.init(taxonomy: site.dialogues.name, id: id, lang: lang)]!
            let series = inputs.series[.init(name: id, lang: lang)]!
            meta = Meta(title: term.link.name, description: termDescription(term, strings: strings), section: "dialogues")
            let heading = LinkData(name: strings("titles.dialogues"), path: routes.localized(Routes.dialogues, lang), key: "dialogues")
            var dialogue = views.term(term, taxonomy: heading)
            let readingKey = RenderInputs.TermInLanguage(taxonomy: site.dialogues.name, id: id, lang: lang)
            dialogue.merge(readings[readingKey] ?? Self.reading(readingKey, inputs: inputs))
            dialogue["sessions"] = .list(series.sessions.map { session in
                [
                    "number": .number(session.number), "label": .text(strings.session(session.number)),
                    "articles": cards.list(session.articles, lang: lang, level: 3),
                ]
            })
            dialogue["hasSessions"] = .bool(!series.sessions.isEmpty)
            dialogue["otherArticles"] = cards.list(series.others, lang: lang, level: 3)
            dialogue["hasOtherArticles"] = .bool(!series.others.isEmpty)
            object["dialogue"] = .object(dialogue)
            object["params"] = term.params.templateValue
            meta.feeds = feedLinks(term.link.path, title: strings("feeds.term", ["name": term.link.name, "site": siteData.title]), strings: strings)
            // The sessions' events, oldest first, as they happened.
            let events = series.sessions.flatMap(\.articles).compactMap { inputs.cards[$0] }
                .sorted { !$0.date.isSameInstant(as: $1.date) ? $0.date < $1.date : $1.path.codePointPrecedes($0.path) }
            meta.structuredData = StructuredData.encode(structured.series(
                term.link, sessions: events, description: term.isRegistered ? meta.description : ""))

        case .page(let index):
            let page = inputs.pages[site.pages[index].page.path]!
            let document = inputs.bodies.pages[index]
            meta = Meta(
                title: page.title, description: Summary.truncate(document.firstParagraph ?? "", maximumLength: 200),
                section: site.pages[index].page.slug)
            object["body"] = .text(page.body)
            object["params"] = page.params.templateValue

        case .search:
            meta = Meta(
                title: strings("titles.search"), description: strings("descriptions.search", ["site": siteData.title]),
                section: "search")
            object["search"] = [
                "indexURL": .text(routes.href(routes.localized(Routes.search, lang))),
                "scriptURL": .text(routes.href(Routes.searchScript)),
            ]

        case .archive:
            meta = Meta(
                title: strings("titles.archive"), description: strings("descriptions.archive", ["site": siteData.title]),
                section: "archive")
            guard case .years(let years)? = inputs.archives[.init(lang: lang, year: nil)] else { break }
            object["archive"] = [
                "years": .list(years.map { year in
                    [
                        "year": .number(year.year), "url": .text(routes.href(routes.localized(Routes.archiveYear(year.year), lang))),
                        "count": .number(year.count), "countLabel": .text(strings.count("counts.articles", year.count)),
                    ]
                }),
                "hasYears": .bool(!years.isEmpty),
            ]

        case .archiveYear(let year):
            meta = Meta(
                title: strings("titles.archiveYear", ["year": String(year)]),
                description: strings("descriptions.archiveYear", ["site": siteData.title, "year": String(year)]), section: "archive")
            guard case .months(let months)? = inputs.archives[.init(lang: lang, year: year)] else { break }
            let count = months.reduce(0) { $0 + $1.articles.count }
            object["archive"] = [
                "year": .number(year), "url": .text(routes.href(routes.localized(Routes.archive, lang))),
                "title": .text(strings("titles.archive")),
                "count": .number(count), "countLabel": .text(strings.count("counts.articles", count)),
                "months": .list(months.map { month in
                    [
                        "month": .number(month.month), "name": .text(strings("dates.months.\(month.month)")),
                        "articles": cards.list(month.articles, lang: lang, level: 3),
                    ]
                }),
            ]

        case .notFound:
            meta = Meta(title: strings("titles.notFound"), description: "", section: "")
        }

        object["site"] = siteValues.value(for: planned, section: meta.section)
        object["page"] = .object(pageView(meta, planned: planned, siteData: siteData))
        object["i18n"] = strings.value
        if object["listHeadingLevel"] == nil { object["listHeadingLevel"] = 3 }
        return object
    }

    // MARK: - Parts

    /// What the `page` variable is made of.
    struct Meta {
        var title: String
        var description: String
        var section: String
        var openGraphType = "website"
        var published: String?
        var modified: String?
        var tags: [String] = []
        var feeds: [TemplateValue] = []
        /// The page's JSON-LD, as the bytes it goes into the page as.
        var structuredData: [UInt8]?
    }

    func pageView(_ meta: Meta, planned: PlannedPage, siteData: SiteData) -> TemplateObject {
        let kind = planned.kind
        var object: TemplateObject = [
            "kind": .text(kind.templateName), "title": .text(meta.title),
            "documentTitle": .text(kind == .home || meta.title == siteData.title ? siteData.title
                : siteData.strings("titles.document", ["title": meta.title, "site": siteData.title])),
            "url": .text(routes.href(planned.path)), "canonical": .text(routes.absolute(planned.path)),
            "lang": .text(planned.lang), "section": .text(meta.section), "openGraphType": .text(meta.openGraphType),
            "isHome": .bool(kind == .home), "is404": .bool(kind == .notFound),
        ]
        if !meta.description.isEmpty { object["description"] = .text(meta.description) }
        object["published"] = .text(meta.published)
        object["modified"] = .text(meta.modified)
        if !meta.tags.isEmpty { object["tags"] = .list(meta.tags.map(TemplateValue.text)) }
        if !meta.feeds.isEmpty { object["feeds"] = .list(meta.feeds) }
        object["structuredData"] = meta.structuredData.map(TemplateValue.utf8)
        if let alternates = inputs.alternates[planned.path] {
            // hreflang: every version of a page that has more than one, with x-default the
            // default language's; the switcher: every other language, its version or its home.
            let versions = alternates.filter(\.isTranslation)
            object["alternates"] = .list(versions.map { ["lang": .text($0.lang), "url": .text(routes.absolute($0.path))] }
                + versions.filter { $0.lang == site.config.language }.map { ["lang": "x-default", "url": .text(routes.absolute($0.path))] })
            object["translations"] = Views(routes: routes, strings: siteData.strings, lang: planned.lang).translations(alternates)
        }
        return object
    }

    /// A chair's agency on a page in `lang` (`ChairAgency`).
    func chairAgency(_ chair: ChairData, lang: String) -> ChairAgency? {
        guard let term = chair.agencyTerm else { return chair.agency.map { ChairAgency(name: $0, path: nil, hreflang: nil) } }
        let name = term.name(in: lang) ?? term.id
        let config = site.config
        for other in [lang, config.language] + config.languages {
            if let link = inputs.termLinks[.init(taxonomy: "agencies", id: term.id, lang: other)] {
                return ChairAgency(name: name, path: link.path, hreflang: other == lang ? nil : other)
            }
        }
        return ChairAgency(name: name, path: nil, hreflang: nil)
    }

    /// A taxonomy's index in a language: `{name, title, url, count, terms}`.
    func taxonomyView(_ name: String, views: Views, siteData: SiteData) -> TemplateValue {
        let heading = siteData.taxonomies.first { $0.key == name }!
        let terms = inputs.taxonomyIndexes[.init(name: name, lang: siteData.lang)] ?? []
        return [
            "name": .text(name), "title": .text(heading.name), "url": .text(routes.href(heading.path)),
            "terms": .list(terms.map { views.termLink($0) }), "count": .number(terms.count),
            // "12 agencies in this bulletin": a sentence, since languages order its parts differently.
            "lede": .text(siteData.strings("lists.taxonomyLede", ["count": String(terms.count), "name": name, "title": heading.name])),
        ]
    }

    /// A plain-text description of a term for `<meta name="description">`.
    func termDescription(_ term: TermData, strings: LanguageStrings) -> String {
        if term.isRegistered, let first = term.firstParagraph, !first.isEmpty {
            return Summary.truncate(first, maximumLength: 200)
        }
        let count = strings.count("counts.articles", term.link.count)
        return strings("descriptions.term", ["count": count.prefix(1).uppercased() + count.dropFirst(), "name": term.link.name])
    }

    /// The Atom and JSON feeds in `folder`, for autodiscovery.
    func feedLinks(_ folder: String, title: String, strings: LanguageStrings) -> [TemplateValue] {
        [
            ["type": "application/atom+xml", "title": .text(strings("feeds.atom", ["title": title])), "url": .text(routes.absolute(folder + "feed.xml"))],
            ["type": "application/feed+json", "title": .text(strings("feeds.json", ["title": title])), "url": .text(routes.absolute(folder + "feed.json"))],
        ]
    }
}
