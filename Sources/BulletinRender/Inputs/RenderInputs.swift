package import BulletinCore
package import BulletinContent
import BulletinMarkdown
package import BulletinResolve

/// The value of every dependency a page can have (`Dependency`), computed from the resolved
/// site, the rendered bodies and the theme: what pages are made of. Every page's template
/// data is built from these values and nothing else, so a page whose dependencies have the
/// same values renders the same bytes, and the preview compares two builds' values to find
/// the pages to render again (`changes(since:)`).
///
/// Values are plain Swift values, compared with `==`: strings kept from one build to the
/// next (an unchanged article's text, a body the memo kept) compare by their storage,
/// without reading them.
package struct RenderInputs: Sendable {
    package private(set) var site: Site
    package private(set) var bodies: RenderedBodies
    package private(set) var theme: Theme

    package var sites: [String: SiteData] = [:]
    package var templates: [PageKind: [String]] = [:]
    package var cards: [String: CardData] = [:]
    package var articles: [String: ArticleData] = [:]
    package var lists: [ListKey: ListData] = [:]
    package var termLinks: [TermInLanguage: TermLinkData] = [:]
    package var terms: [TermInLanguage: TermData] = [:]
    package var taxonomyIndexes: [LanguageKey: [TermLinkData]] = [:]
    package var dialogueIndexes: [String: [DialogueSummaryData]] = [:]
    package var series: [LanguageKey: SeriesData] = [:]
    package var pages: [String: PageData] = [:]
    package var alternates: [String: [Alternate]] = [:]
    /// Series neighbours and related articles, by article content path.
    package var readings: [String: ReadingData] = [:]
    package var termReadings: [TermInLanguage: TermReadingData] = [:]
    /// What the related lists were scored from, when asked to remember it (the preview).
    package private(set) var relatedMemo: RelatedArticles.Memo?

    /// How the related lists are made: every one scored (a build), or, for the preview, with
    /// what they were scored from kept, scoring again only those that can differ from the
    /// last update's.
    package enum RelatedScoring: Sendable {
        case every
        case remembering(earlier: RelatedArticles.Memo?)
    }
    package var archives: [ArchiveKey: ArchiveData] = [:]

    /// A language's archive (`year` nil: the index of years) or one of its years.
    package struct ArchiveKey: Hashable, Sendable {
        package let lang: String
        package let year: Int?
    }

    /// A key of one item in a language: `(taxonomy, lang)`, `(series id, lang)`.
    package struct LanguageKey: Hashable, Sendable {
        package let name: String
        package let lang: String
    }

    /// A term in a language.
    package struct TermInLanguage: Hashable, Sendable {
        package let taxonomy: String
        package let id: String
        package let lang: String
    }

    package struct ListKey: Hashable, Sendable {
        package let list: ListID
        package let number: Int
    }

    /// `alternates`: `Alternates.all(site:)` when the caller has made them already (nil: made
    /// here, for a multilingual site). `held`: the articles' HTML, taken out of `bodies`, for
    /// a build from scratch (nil: read from `bodies`).
    package init(
        site: Site, bodies: RenderedBodies, theme: Theme, alternates: [String: [Alternate]]? = nil, related scoring: RelatedScoring = .every,
        held: ReleasableValues<[UInt8]>? = nil
    ) {
        self.site = site
        self.bodies = bodies
        self.theme = theme
        let config = site.config
        let routes = site.routes
        templates = theme.sources
        // The term pages' reading data and the archives follow from the resolved site alone:
        // made on another core meanwhile (the cards, pages and lists are one long serial
        // stretch).
        let (_, (termReadings, archives)) = Parallel.both({
            for lang in config.languages {
                sites[lang] = SiteData(site: site, lang: lang, strings: theme.strings[lang] ?? theme.strings[config.language]!)
            }
            // Cards and article pages, by content path: made on every core, put in order here.
            let made = Parallel.map(Array(site.articles.indices)) { index in
                (Self.card(index, site: site, bodies: bodies), Self.article(index, site: site, bodies: bodies, held: held))
            }
            cards.reserveCapacity(made.count)
            articles.reserveCapacity(made.count)
            for (index, (card, article)) in made.enumerated() {
                let path = site.articles[index].article.path
                cards[path] = card
                articles[path] = article
            }
            // Lists: every language's articles, and each term's in each language it has a page in.
            let perPage = config.perPage
            // Each article's content path, read once: lists read hundreds of thousands of them.
            let paths = site.articles.map(\.article.path)
            func addList(_ id: ListID, _ indices: [Int]) {
                let total = max(1, (indices.count + perPage - 1) / perPage)
                for number in 1...total {
                    let start = (number - 1) * perPage
                    let slice = start < indices.count ? indices[start..<min(start + perPage, indices.count)] : []
                    lists[ListKey(list: id, number: number)] = ListData(articles: slice.map { paths[$0] }, total: total, count: indices.count)
                }
            }
            for lang in config.languages {
                addList(.all(lang: lang), site.articles(in: lang))
                for taxonomy in site.taxonomies {
                    var index: [TermLinkData] = []
                    for term in taxonomy.terms where term.exists(in: lang) {
                        let key = TermInLanguage(taxonomy: taxonomy.name, id: term.id, lang: lang)
                        let link = TermLinkData(term, taxonomy: taxonomy, lang: lang, routes: routes)
                        termLinks[key] = link
                        index.append(link)
                        terms[key] = TermData(term, taxonomy: taxonomy, lang: lang, defaultLang: site.config.language, bodies: bodies, routes: routes)
                        addList(.term(taxonomy: taxonomy.name, id: term.id, lang: lang), term.articles(in: lang))
                    }
                    taxonomyIndexes[LanguageKey(name: taxonomy.name, lang: lang)] = index
                }
                var dialogues: [DialogueSummaryData] = []
                for term in site.dialogues.terms where term.exists(in: lang) {
                    let key = TermInLanguage(taxonomy: site.dialogues.name, id: term.id, lang: lang)
                    terms[key] = TermData(term, taxonomy: site.dialogues, lang: lang, defaultLang: site.config.language, bodies: bodies, routes: routes)
                    termLinks[key] = TermLinkData(term, taxonomy: site.dialogues, lang: lang, routes: routes)
                    dialogues.append(DialogueSummaryData(term, lang: lang, site: site, link: termLinks[key]!))
                    series[LanguageKey(name: term.id, lang: lang)] = SeriesData(term, lang: lang, site: site)
                }
                dialogueIndexes[lang] = dialogues
            }
            for (index, page) in site.pages.enumerated() {
                pages[page.page.path] = PageData(title: page.page.title, body: bodies.pages[index].html, params: page.page.params)
            }
            if let alternates {
                self.alternates = alternates
            } else if config.isMultilingual {
                self.alternates = Alternates.all(site: site)
            }
            // What follows from front matter across articles: made again only when resolving is
            // (an edit that leaves every front matter as it was cannot change it).
            let series = SeriesNavigation.all(site: site)
            let related: [[Int]]
            switch scoring {
            case .every:
                related = RelatedArticles(site: site).all()
            case .remembering(let earlier):
                (related, relatedMemo) = RelatedArticles(site: site).all(reusing: earlier)
            }
            let readingValues = Parallel.map(Array(site.articles.indices)) { index in
                ReadingData(.init(series: series[index], related: related[index].map { ArticleReference($0, site: site) }))
            }
            readings.reserveCapacity(readingValues.count)
            for (index, reading) in readingValues.enumerated() { readings[site.articles[index].article.path] = reading }
        }, { [site] in (TermReadingData.all(site: site), ArchiveData.all(site: site)) })
        self.termReadings = termReadings
        self.archives = archives
    }

    static func card(_ index: Int, site: Site, bodies: RenderedBodies) -> CardData {
        let published = site.articles[index]
        let article = published.article
        let dialogue = published.dialogue.map { site.dialogues.terms[$0] }
        return CardData(.init(
            title: article.title, path: published.path, date: article.date, updated: article.updated,
            summary: article.summary ?? Summary.truncate(bodies.articles[index].firstParagraph ?? ""),
            location: article.location, lang: article.lang,
            dialogue: dialogue.map { TermNameData($0, in: site.dialogues, languages: site.config.languages) },
            session: article.session))
    }

    static func article(_ index: Int, site: Site, bodies: RenderedBodies, held: ReleasableValues<[UInt8]>?) -> ArticleData {
        let published = site.articles[index]
        let article = published.article
        let agencies = site.taxonomies.firstIndex { $0.name == "agencies" }
        return ArticleData(.init(
            body: held.map { .held($0, index: index) } ?? .text(bodies.articles[index].htmlUTF8), params: article.params,
            terms: site.taxonomies.indices.map { position in published.terms[position].map { site.taxonomies[position].terms[$0].id } },
            slug: article.slug, translationKey: article.translationKey,
            chairs: article.chairs.enumerated().map { position, chair in
                ChairData(
                    name: chair.name, role: chair.role, agency: chair.agency?.text,
                    agencyTerm: published.chairAgencies[position].flatMap { term in
                        agencies.map { TermNameData(site.taxonomies[$0].terms[term], in: site.taxonomies[$0], languages: site.config.languages) }
                    })
            },
            documents: article.documents.map { DocumentData(title: $0.title, url: $0.url) }))
    }

    // MARK: - Updates

    /// Lets go of the site's and the bodies' article arrays, which the next build changes in
    /// place (this value keeping them would make that a copy). Only `update(site:...)`, which
    /// takes the new ones first, and `changes(since:)`, which compares values alone, may
    /// follow.
    package mutating func releaseSources() {
        site.articles = []
        bodies.articles = []
        bodies.pages = []
    }

    /// Takes in a site with the same structure as this one's (resolving was reused) whose
    /// `changed` files (content paths: articles, pages, registry entries and translations,
    /// `site.yaml` for the site's words) may have new values, and a theme that may be new:
    /// only their values are made again. The dependencies whose values changed.
    package mutating func update(site: Site, bodies: RenderedBodies, theme: Theme, changed: Set<String>) -> Set<Dependency> {
        var result: Set<Dependency> = []
        let themeChanged = theme.sources != self.theme.sources || theme.strings != self.theme.strings
        let settingsChanged = site.config != self.site.config
        if site.config.title != self.site.config.title {
            // Feeds' ids are made from the title, which a language's own title can hide
            // from its `SiteData`.
            for lang in site.config.languages { result.insert(.site(lang: lang)) }
        }
        self.site = site
        self.bodies = bodies
        self.theme = theme
        if themeChanged {
            for kind in Set(templates.keys).union(theme.sources.keys) where templates[kind] != theme.sources[kind] {
                result.insert(.template(kind))
            }
            templates = theme.sources
        }
        if themeChanged || settingsChanged {
            for lang in site.config.languages {
                let data = SiteData(site: site, lang: lang, strings: theme.strings[lang] ?? theme.strings[site.config.language]!)
                if sites[lang] != data {
                    sites[lang] = data
                    result.insert(.site(lang: lang))
                }
            }
        }
        guard !changed.isEmpty else { return result }
        // By index: an element copied out of the array would retain every field of 10,000 articles.
        for index in site.articles.indices where changed.contains(site.articles[index].article.path) {
            let path = site.articles[index].article.path
            let card = Self.card(index, site: site, bodies: bodies)
            if cards[path] != card {
                cards[path] = card
                result.insert(.card(path))
            }
            let article = Self.article(index, site: site, bodies: bodies, held: nil)
            if articles[path] != article {
                articles[path] = article
                result.insert(.article(path))
            }
        }
        for index in site.pages.indices where changed.contains(site.pages[index].page.path) {
            let page = site.pages[index]
            let data = PageData(title: page.page.title, body: bodies.pages[index].html, params: page.page.params)
            if pages[page.page.path] != data {
                pages[page.page.path] = data
                result.insert(.page(page.page.path))
            }
        }
        for taxonomy in site.taxonomies + [site.dialogues] {
            for term in taxonomy.terms {
                let files = [term.entry?.path].compactMap { $0 } + term.translations.values.map(\.path)
                guard files.contains(where: changed.contains) else { continue }
                for lang in term.languages {
                    let key = TermInLanguage(taxonomy: taxonomy.name, id: term.id, lang: lang)
                    let data = TermData(term, taxonomy: taxonomy, lang: lang, defaultLang: site.config.language, bodies: bodies, routes: site.routes)
                    if terms[key] != data {
                        terms[key] = data
                        result.insert(.term(taxonomy: taxonomy.name, id: term.id, lang: lang))
                    }
                }
            }
        }
        return result
    }

    // MARK: - What changed

    /// The dependencies whose values differ from those of `earlier` (or exist in only one):
    /// what the pages to render again read.
    package func changes(since earlier: RenderInputs) -> Set<Dependency> {
        typealias Comparison = @Sendable () -> [Dependency]
        func compare<Key: Hashable & Sendable, Value: Equatable & Sendable>(
            _ new: [Key: Value], _ old: [Key: Value], same: @escaping @Sendable (Value, Value) -> Bool = (==),
            _ dependency: @escaping @Sendable (Key) -> Dependency
        ) -> Comparison {
            {
                new.compactMap { key, value in old[key].map { same($0, value) } == true ? nil : dependency(key) }
                    + old.keys.compactMap { key in new[key] == nil ? dependency(key) : nil }
            }
        }
        // Each kind of value on its own core: the cards, pages and readings of 10,000 articles
        // are most of it.
        let comparisons: [Comparison] = [
            compare(cards, earlier.cards) { .card($0) },
            compare(articles, earlier.articles) { .article($0) },
            compare(readings, earlier.readings) { .reading($0) },
            compare(lists, earlier.lists) { .list($0.list, number: $0.number) },
            compare(sites, earlier.sites) { .site(lang: $0) },
            compare(templates, earlier.templates) { .template($0) },
            // What reads a term's link (an article's page, a feed) shows its names and address,
            // never its count, which changes with every article tagged with the term.
            compare(termLinks, earlier.termLinks, same: TermLinkData.sameLink) {
                .termLink(taxonomy: $0.taxonomy, id: $0.id, lang: $0.lang)
            },
            compare(terms, earlier.terms) { .term(taxonomy: $0.taxonomy, id: $0.id, lang: $0.lang) },
            compare(taxonomyIndexes, earlier.taxonomyIndexes) { .taxonomyIndex(taxonomy: $0.name, lang: $0.lang) },
            compare(dialogueIndexes, earlier.dialogueIndexes) { .dialogueIndex(lang: $0) },
            compare(series, earlier.series) { .series(id: $0.name, lang: $0.lang) },
            compare(pages, earlier.pages) { .page($0) },
            compare(alternates, earlier.alternates) { .alternates($0) },
            compare(termReadings, earlier.termReadings) { .termReading(taxonomy: $0.taxonomy, id: $0.id, lang: $0.lang) },
            compare(archives, earlier.archives) { .archive(lang: $0.lang, year: $0.year) },
        ]
        return Set(Parallel.map(comparisons) { $0() }.joined())
    }
}

// MARK: - The values

/// The site as every page in a language sees it: settings, navigation, the theme's words.
///
/// A class, with nothing in it that changes: each page reads its language's, and a copy of
/// a structure counted a reference for each of its texts and lists, on values both cores
/// share (one count now, for the whole).
package final class SiteData: Sendable, Equatable {
    /// The site's address (`baseURL`): every page and feed writes it, in absolute URLs and
    /// links under its path.
    package let address: String
    package let lang: String
    package let title: String
    package let description: String
    package let params: [String: ParamValue]
    /// Each taxonomy's name and its heading in this language.
    package let taxonomies: [LinkData]
    /// The standalone pages of this language.
    package let pages: [LinkData]
    /// Every language, with the path of its home page: the language menu.
    package let languages: [String]
    package let strings: LanguageStrings
    /// The URLs of the links `Views.site(_:markedFor:)` can mark as the current page's (made
    /// from the values above): every page's header and `site` value ask whether the page is
    /// one of them, and made the paths and their URLs again each time.
    private let navigationURLs: Set<String>

    package static func == (a: SiteData, b: SiteData) -> Bool {
        a === b || (a.address == b.address && a.lang == b.lang && a.title == b.title && a.description == b.description
            && a.params == b.params && a.taxonomies == b.taxonomies && a.pages == b.pages && a.languages == b.languages
            && a.strings == b.strings)
    }

    init(site: Site, lang: String, strings: LanguageStrings) {
        address = site.routes.absolute("")
        self.lang = lang
        self.strings = strings
        let config = site.config
        title = config.title(in: lang)
        description = config.description(in: lang)
        params = config.params
        taxonomies = site.taxonomies.map { taxonomy in
            LinkData(name: strings.words["taxonomies.\(taxonomy.name)"] ?? taxonomy.title, path: site.routes.localized(taxonomy.path, lang), key: taxonomy.name)
        }
        pages = site.pages.filter { $0.page.lang == lang }.map { LinkData(name: $0.page.title, path: $0.path, key: $0.page.slug) }
        languages = config.languages
        let routes = site.routes
        let paths = taxonomies.map(\.path) + pages.map(\.path)
            + [Routes.articles, Routes.dialogues, Routes.archive, Routes.search].map { routes.localized($0, lang) }
        navigationURLs = Set(paths.map(routes.href))
    }

    /// `page`'s path when the navigation has a link to it (its URL is one of theirs), else
    /// "": what marks a link as the current page's, so part of what a page's header and
    /// `site` value are made for.
    package func currentNavigationPath(_ page: PlannedPage, routes: Routes) -> String {
        navigationURLs.contains(routes.href(page.path)) ? page.path : ""
    }
}

/// A link: its text, site path and the key that marks it as current or in section.
package struct LinkData: Sendable, Equatable {
    package let name: String
    package let path: String
    package let key: String
}

/// A term's id, page and name in every language: what a card shows of its series.
package struct TermNameData: Sendable, Equatable {
    package let id: String
    package let path: String
    /// The site's languages, and the term's name in each: arrays, not a dictionary, because
    /// every card of 10,000 is compared with the last update's (two arrays of the same
    /// strings compare without hashing).
    private let languages: [String]
    private let names: [String]

    init(_ term: Term, in taxonomy: Taxonomy, languages: [String]) {
        id = term.id
        path = term.path
        self.languages = languages
        names = languages.map { term.name(in: $0) }
    }

    /// Its name in `lang`, one of the site's languages.
    package func name(in lang: String) -> String? {
        languages.firstIndex(of: lang).map { names[$0] }
    }
}

/// An article's entry in lists.
package struct CardData: Sendable, Equatable {
    /// Its fields in one box shared by every copy (`SharedBox`): the values are copied into
    /// every comparison of two updates and every page's context.
    private let box: SharedBox<Fields>

    struct Fields: Sendable, Equatable {
        let title: String
        let path: String
        let date: ContentDate
        let updated: ContentDate?
        let summary: String
        let location: String?
        let lang: String
        let dialogue: TermNameData?
        let session: Int?
    }

    init(_ fields: Fields) {
        box = SharedBox(fields)
    }

    package var title: String { box.value.title }
    /// Its page's site path.
    package var path: String { box.value.path }
    package var date: ContentDate { box.value.date }
    package var updated: ContentDate? { box.value.updated }
    package var summary: String { box.value.summary }
    package var location: String? { box.value.location }
    package var lang: String { box.value.lang }
    package var dialogue: TermNameData? { box.value.dialogue }
    package var session: Int? { box.value.session }

    package static func == (a: CardData, b: CardData) -> Bool { SharedBox.same(a.box, b.box) }
}

/// What an article's own page shows besides its card.
package struct ArticleData: Sendable, Equatable {
    /// Its fields in one shared box, as `CardData`'s.
    private let box: SharedBox<Fields>

    struct Fields: Sendable, Equatable {
        let body: Body
        let params: [String: ParamValue]
        let terms: [[String]]
        let slug: String
        let translationKey: String?
        let chairs: [ChairData]
        let documents: [DocumentData]
    }

    init(_ fields: Fields) {
        box = SharedBox(fields)
    }

    /// The body's HTML, in UTF-8.
    package var body: [UInt8] {
        switch box.value.body {
        case .text(let text):
            return text
        case .held(let bodies, let index):
            // Let go of only once nothing reads it (its page written, no feed showing it):
            // reading it after would write a page without its body.
            guard let html = bodies.value(index) else { preconditionFailure("the HTML of article \(index) was read after it was let go of") }
            return html
        }
    }
    package var params: [String: ParamValue] { box.value.params }
    /// Its terms' ids, by taxonomy (their names and links are `TermLinkData`).
    package var terms: [[String]] { box.value.terms }
    package var slug: String { box.value.slug }
    package var translationKey: String? { box.value.translationKey }
    package var chairs: [ChairData] { box.value.chairs }
    package var documents: [DocumentData] { box.value.documents }

    package static func == (a: ArticleData, b: ArticleData) -> Bool { SharedBox.same(a.box, b.box) }

    /// The body's HTML, or where a build from scratch holds it until its page is written.
    enum Body: Sendable, Equatable {
        case text([UInt8])
        case held(ReleasableValues<[UInt8]>, index: Int)

        static func == (a: Body, b: Body) -> Bool {
            switch (a, b) {
            case (.text(let a), .text(let b)): a == b
            case (.held(let a, let first), .held(let b, let second)): a === b && first == second
            default: false
            }
        }
    }
}

/// A chair as the article page shows it: the agency as written, and the agency's term when
/// the reference resolves (then shown by its name in the page's language, and linked where
/// it has a page: `ChairAgency`).
package struct ChairData: Sendable, Equatable {
    package let name: String
    package let role: String?
    package let agency: String?
    package let agencyTerm: TermNameData?
}

/// A chair's agency as a page in one language shows it: the term's name in that language
/// (or the reference as written, when it names no term), and the term's page in that
/// language, or, where it has none there, in the first of the site's languages (the default
/// first) that has one, marked with that language.
package struct ChairAgency: Sendable, Equatable {
    package let name: String
    /// The term's page, when it has one in some language.
    package let path: String?
    /// The language of `path` when it is not the page's.
    package let hreflang: String?
}

/// An outcome document: its title and address as written (an absolute URL or a site path).
package struct DocumentData: Sendable, Equatable {
    package let title: String
    package let url: String
}

/// What an article's page shows of other articles: its place in its series, its related
/// articles.
package struct ReadingData: Sendable, Equatable {
    /// Its fields in one shared box, as `CardData`'s.
    private let box: SharedBox<Fields>

    struct Fields: Sendable, Equatable {
        let series: SeriesNavigation?
        let related: [ArticleReference]
    }

    init(_ fields: Fields) {
        box = SharedBox(fields)
    }

    package var series: SeriesNavigation? { box.value.series }
    package var related: [ArticleReference] { box.value.related }

    package static func == (a: ReadingData, b: ReadingData) -> Bool { SharedBox.same(a.box, b.box) }
}

/// Which articles one page of a list shows, by content path, and how many pages and
/// articles the list has.
package struct ListData: Sendable, Equatable {
    package let articles: [String]
    package let total: Int
    package let count: Int
}

/// A link to a term in a language.
///
/// A class, with nothing in it that changes: the pages on both cores copy the same links (an
/// article's terms), and a copy of a structure counted a reference for each of its texts
/// (one count now).
package final class TermLinkData: Sendable, Equatable {
    package let id: String
    package let name: String
    package let short: String?
    /// Its page in this language.
    package let path: String
    /// Its articles in this language.
    package let count: Int

    package static func == (a: TermLinkData, b: TermLinkData) -> Bool {
        a === b || (sameLink(a, b) && a.count == b.count)
    }

    /// Whether the two show alike where the count is not shown (`Dependency.termLink`).
    @Sendable static func sameLink(_ a: TermLinkData, _ b: TermLinkData) -> Bool {
        a.id == b.id && a.name == b.name && a.short == b.short && a.path == b.path
    }

    init(_ term: Term, taxonomy: Taxonomy, lang: String, routes: Routes) {
        id = term.id
        name = term.name(in: lang)
        short = term.short
        path = routes.localized(term.path, lang)
        count = term.articles(in: lang).count
    }
}

/// A term's own page data in a language.
package struct TermData: Sendable, Equatable {
    package let link: TermLinkData
    package let aliases: [String]
    /// The names in the other languages, by language.
    package let names: [String: String]
    /// Every name it is known by, in every language (its name, short name, aliases, names
    /// and translations' names): what search finds it by.
    package let allNames: [String]
    /// The description's HTML in this language (the default one where it has none).
    package let description: String
    /// The description's language where it is not the page's (the default one's, shown where
    /// the language has none): marked on the page for screen readers.
    package let descriptionLang: String?
    /// The description's first paragraph, for the page's meta description.
    package let firstParagraph: String?
    package let isRegistered: Bool
    package let params: [String: ParamValue]

    init(_ term: Term, taxonomy: Taxonomy, lang: String, defaultLang: String, bodies: RenderedBodies, routes: Routes) {
        link = TermLinkData(term, taxonomy: taxonomy, lang: lang, routes: routes)
        let entry = term.entry
        aliases = entry?.aliases ?? []
        names = term.otherNames
        allNames = term.searchNames
        // A translation that only names the term (an empty body) leaves the default description.
        let translated = term.translations[lang].flatMap { $0.body.trimmingWhitespace.isEmpty ? nil : bodies.entries[$0.path] }
        let document = translated ?? entry.flatMap { bodies.entries[$0.path] }
        description = document?.html ?? ""
        descriptionLang = translated == nil && document != nil && lang != defaultLang ? defaultLang : nil
        firstParagraph = document?.firstParagraph
        isRegistered = entry != nil
        params = entry?.params ?? [:]
    }
}

/// A series in the index of dialogue series of a language.
package struct DialogueSummaryData: Sendable, Equatable {
    package let link: TermLinkData
    package let sessionCount: Int
    package let first: ContentDate?
    package let last: ContentDate?

    init(_ term: Term, lang: String, site: Site, link: TermLinkData) {
        self.link = link
        let articles = term.articles(in: lang)
        sessionCount = Set(articles.compactMap { site.articles[$0].article.session }).count
        first = articles.last.map { site.articles[$0].article.date }
        last = articles.first.map { site.articles[$0].article.date }
    }
}

/// Which articles a series' page lists in a language: each session's, oldest first, in this
/// language where it has a report and in another otherwise; then those without a session.
package struct SeriesData: Sendable, Equatable {
    package let sessions: [Session]
    /// The articles of this language without a session number, newest first.
    package let others: [String]

    package struct Session: Sendable, Equatable {
        package let number: Int
        package let articles: [String]
    }

    init(_ term: Term, lang: String, site: Site) {
        sessions = Self.sessions(term, lang: lang, site: site).map { session in
            Session(number: session.number, articles: session.articles.map { site.articles[$0].article.path })
        }
        others = term.articles.filter {
            site.articles[$0].article.session == nil && site.articles[$0].article.lang == lang
        }.map { site.articles[$0].article.path }
    }

    /// The sessions the series page of `lang` lists, in its order, each with its articles
    /// (indices into `site.articles`): what the page shows and the order its articles'
    /// previous and next links follow (`SeriesNavigation`).
    static func sessions(_ term: Term, lang: String, site: Site) -> [(number: Int, articles: [Int])] {
        var byNumber: [Int: [Int]] = [:]
        for index in term.articles {
            if let session = site.articles[index].article.session { byNumber[session, default: []].append(index) }
        }
        let chosen = byNumber.map { number, all in
            // This language's articles on the session; where it has none, those of the
            // default language, else of the first language that has one.
            let languages = [lang, site.config.language] + site.config.languages
            let articles = languages.lazy.map { lang in all.filter { site.articles[$0].article.lang == lang } }.first { !$0.isEmpty } ?? all
            // Within a session, oldest first: a preview before its report.
            return (number: number, articles: Array(articles.reversed()))
        }
        // The reports by date, ties by session (the contract's "Reading a dialogue"): each
        // session where its first article falls; a session with a preview and a later report
        // is listed whole where its preview falls.
        return chosen.sorted { a, b in
            let (x, y) = (site.articles[a.articles[0]].article.date, site.articles[b.articles[0]].article.date)
            return x.isSameInstant(as: y) ? a.number < b.number : x < y
        }
    }
}

/// A standalone page.
package struct PageData: Sendable, Equatable {
    package let title: String
    package let body: String
    package let params: [String: ParamValue]
}

/// A version of a page in a language: for `hreflang` links and the language switcher.
package struct Alternate: Sendable, Hashable {
    package let lang: String
    package let path: String
    /// Whether it is the same content translated (false: the other language's home, where
    /// the page has no translation).
    package let isTranslation: Bool
}
