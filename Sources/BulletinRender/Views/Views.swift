import BulletinCore
package import BulletinContent
package import BulletinResolve
package import BulletinTemplates

/// The template data of the parts pages share, made from `RenderInputs` values in a page's
/// language. Every variable is listed in docs/templates.md, and a test checks that the two
/// agree (`TemplateDataTests`): a field added here and not documented, or documented and not
/// made, fails it.
package struct Views: Sendable {
    package let routes: Routes
    package let strings: LanguageStrings
    package let lang: String

    package init(routes: Routes, strings: LanguageStrings, lang: String) {
        self.routes = routes
        self.strings = strings
        self.lang = lang
    }

    // MARK: - Small parts

    /// `{iso, display, year}`.
    package func date(_ date: ContentDate) -> TemplateValue {
        ["iso": .text(date.htmlDateTime), "display": .text(strings.date(date)), "year": .number(date.year)]
    }

    /// `{name, title, url, key, isCurrent, inSection}`; `isCurrent` and `inSection` false.
    package func link(_ link: LinkData) -> TemplateObject {
        [
            "name": .text(link.name), "title": .text(link.name), "url": .text(routes.href(link.path)), "key": .text(link.key),
            "isCurrent": false, "inSection": false,
        ]
    }

    /// A term's link: `{name, short, url, count, countLabel}` (no count on an article's page,
    /// which would then change with every article added to the term).
    package func termLink(_ term: TermLinkData, withCount: Bool = true) -> TemplateValue {
        var object: TemplateObject = ["name": .text(term.name), "url": .text(routes.href(term.path))]
        object["short"] = .text(term.short)
        if withCount {
            object["count"] = .number(term.count)
            object["countLabel"] = .text(strings.count("counts.articles", term.count))
        }
        return .object(object)
    }

    // MARK: - The site

    /// The site: its settings and navigation, each link marked `isCurrent` when it goes to
    /// the page at `markedFor.path` and `inSection` when it is the page's section.
    package func site(_ data: SiteData, markedFor page: (path: String, section: String)?) -> TemplateValue {
        let url = page.map { routes.href($0.path) }
        func marked(_ link: LinkData) -> TemplateValue {
            var object = self.link(link)
            if let page, let url {
                object["isCurrent"] = .bool(routes.href(link.path) == url)
                object["inSection"] = .bool(link.key == page.section)
            }
            return .object(object)
        }
        let local = { (path: String) in routes.localized(path, data.lang) }
        let nav = [LinkData(name: strings("nav.articles"), path: local(Routes.articles), key: "articles")] + data.taxonomies
            + [LinkData(name: strings("nav.dialogues"), path: local(Routes.dialogues), key: "dialogues"),
               LinkData(name: strings("nav.archive"), path: local(Routes.archive), key: "archive")] + data.pages
            + [LinkData(name: strings("nav.search"), path: local(Routes.search), key: "search")]
        return [
            "title": .text(data.title), "description": .text(data.description), "language": .text(data.lang),
            "baseURL": .text(routes.baseURL.absolute), "homeURL": .text(routes.href(local(Routes.home))),
            "articlesURL": .text(routes.href(local(Routes.articles))), "dialoguesURL": .text(routes.href(local(Routes.dialogues))),
            "archiveURL": .text(routes.href(local(Routes.archive))),
            "searchURL": .text(routes.href(local(Routes.search))), "rootURL": .text(routes.href(Routes.home)),
            "taxonomies": .list(data.taxonomies.map(marked)), "pages": .list(data.pages.map(marked)), "nav": .list(nav.map(marked)),
            "params": data.params.templateValue,
            "languages": .list(data.languages.map { lang in
                ["lang": .text(lang), "name": .text(strings.languageName(lang)), "isCurrent": .bool(lang == data.lang)]
            }),
        ]
    }

    // MARK: - Languages

    /// The language switcher of a page whose versions are `alternates`: every other language,
    /// `{lang, url, name, isTranslation}`, linking to the page's translation or, where it has
    /// none, to that language's home. Names are each language's own (`한국어`, `English`).
    package func translations(_ alternates: [Alternate]) -> TemplateValue {
        .list(alternates.filter { $0.lang != lang }.map { alternate in
            [
                "lang": .text(alternate.lang), "url": .text(routes.href(alternate.path)),
                "name": .text(strings.languageName(alternate.lang)), "isTranslation": .bool(alternate.isTranslation),
            ]
        })
    }

    // MARK: - Cards

    /// An article's entry in lists: `title`, `url`, `date`, `updated`, `summary`, `location`,
    /// `dialogue`, `session`, `sessionLabel`, `lang`; `card` is added by the list.
    package func card(_ card: CardData) -> TemplateObject {
        var object: TemplateObject = [
            "title": .text(card.title), "url": .text(routes.href(card.path)), "date": date(card.date), "lang": .text(card.lang),
        ]
        object["updated"] = card.updated.map(date)
        if !card.summary.isEmpty { object["summary"] = .text(card.summary) }
        object["location"] = .text(card.location)
        if let dialogue = card.dialogue {
            object["dialogue"] = [
                "name": .text(dialogue.name(in: lang) ?? dialogue.id), "title": .text(dialogue.name(in: lang) ?? dialogue.id),
                "url": .text(routes.href(routes.localized(dialogue.path, lang))),
                "key": .text(dialogue.id), "isCurrent": false, "inSection": false,
            ]
        }
        object["session"] = .number(card.session)
        object["sessionLabel"] = .text(card.session.map(strings.session))
        if card.lang != lang { object["hreflang"] = .text(card.lang) }
        return object
    }

    // MARK: - Pagination

    /// Page links for a list of `total` pages whose first page is at `first`, or nil when
    /// it fits on one.
    package func pagination(first: String, number: Int, total: Int) -> TemplateValue? {
        guard total > 1 else { return nil }
        var object: TemplateObject = ["current": .number(number), "total": .number(total)]
        if number > 1 { object["previousURL"] = .text(routes.href(Routes.listPage(first, number - 1))) }
        if number < total { object["nextURL"] = .text(routes.href(Routes.listPage(first, number + 1))) }
        object["pages"] = .list(Self.pageWindow(current: number, total: total).map { page in
            page == 0
                ? ["number": 0, "url": "", "isCurrent": false, "isGap": true]
                : [
                    "number": .number(page), "url": .text(routes.href(Routes.listPage(first, page))), "isCurrent": .bool(page == number),
                    "isGap": false, "label": .text(strings("pagination.page", "number", String(page))),
                ]
        })
        object["status"] = .text(strings("pagination.status", ["current": String(number), "total": String(total)]))
        return .object(object)
    }

    /// The page numbers to link: the first, the last and two either side of the current one,
    /// with 0 for each gap, so that a list of 500 pages does not put 500 links on every page.
    package static func pageWindow(current: Int, total: Int) -> [Int] {
        var numbers: [Int] = []
        // Only the numbers that can be shown are looked at: every page of a list of 1,000
        // pages went through all 1,000.
        let low = max(1, min(total, current - 2))
        let near = low...max(low, min(total, current + 2))
        let candidates = ([1] + near + [total]).sorted()
        for (position, number) in candidates.enumerated() where position == 0 || number != candidates[position - 1] {
            if let last = numbers.last, number - last == 2 {
                numbers.append(last + 1)  // a gap of one page: show the page, not "…"
            } else if let last = numbers.last, number - last > 2 {
                numbers.append(0)
            }
            numbers.append(number)
        }
        return numbers
    }

    // MARK: - Terms

    /// A term's page data: `id`, `name`, `short`, `aliases`, `names`, `description`,
    /// `isRegistered`, `taxonomy`, `url`, `count`, `countLabel`, `params`, `website`,
    /// `parties`, `hasParties`.
    package func term(_ term: TermData, taxonomy: LinkData) -> TemplateObject {
        var object: TemplateObject = [
            "id": .text(term.link.id), "name": .text(term.link.name), "isRegistered": .bool(term.isRegistered),
            "taxonomy": .object(link(taxonomy)), "url": .text(routes.href(term.link.path)), "count": .number(term.link.count),
            "countLabel": .text(strings.count("counts.articles", term.link.count)), "params": term.params.templateValue,
        ]
        object["short"] = .text(term.link.short)
        if !term.aliases.isEmpty { object["aliases"] = .list(term.aliases.map(TemplateValue.text)) }
        let names = term.names.sorted { $0.key < $1.key }.filter { $0.key != lang }
        if !names.isEmpty { object["names"] = .list(names.map { ["lang": .text($0.key), "name": .text($0.value)] }) }
        if !term.description.isEmpty {
            object["description"] = .text(term.description)
            object["descriptionLang"] = .text(term.descriptionLang)
        }
        object["website"] = .text(WebURL.safe(term.params["website"]))
        let parties = WebURL.names(term.params["parties"])
        object["parties"] = .list(parties.map(TemplateValue.text))
        object["hasParties"] = .bool(!parties.isEmpty)
        return object
    }

    /// A series in the index of dialogue series.
    package func dialogueSummary(_ summary: DialogueSummaryData) -> TemplateValue {
        guard case .object(var object) = termLink(summary.link) else { return .object([:]) }
        object["sessionCount"] = .number(summary.sessionCount)
        object["sessionCountLabel"] = .text(strings.count("counts.sessions", summary.sessionCount))
        object["first"] = summary.first.map(date)
        object["last"] = summary.last.map(date)
        return .object(object)
    }
}
