import BulletinCore
package import BulletinContent
package import BulletinResolve

/// `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`.
///
/// Every page of every language but the 404 page, with an absolute `loc` and, where the page
/// has a date, its `lastmod`: an article's `updated` or `date`, a list's newest article. In a
/// site of several languages, each page that has versions in other languages lists them all,
/// itself included, as `xhtml:link rel="alternate" hreflang` (Google's sitemap extension).
/// Over 50,000 pages (the protocol's limit) the sitemap becomes an index of `sitemap-N.xml`
/// files.
package enum Sitemap {
    package static let limit = 50_000

    /// The paths `files(for:)` writes, without writing them.
    package static func paths(for site: Site) -> [String] {
        let entries = site.plan.count(where: { $0.kind != .notFound })
        let parts = entries <= limit ? [] : (1...((entries + limit - 1) / limit)).map { "sitemap-\($0).xml" }
        return parts + ["sitemap.xml", "robots.txt"]
    }

    struct Entry {
        let loc: String
        let lastmod: ContentDate?
        /// `(hreflang, href)` of every version, itself included; empty without versions.
        let alternates: [(String, String)]
    }

    package static func files(for site: Site, alternates: [String: [Alternate]] = [:]) -> [(path: String, text: String)] {
        let routes = site.routes
        let multilingual = site.config.isMultilingual
        let changes = LastChanges(site: site)
        let entries = site.plan.compactMap { page -> Entry? in
            if page.kind == .notFound { return nil }
            let versions = (alternates[page.path] ?? []).filter(\.isTranslation)
            var links = versions.map { ($0.lang, routes.absolute($0.path)) }
            if let first = versions.first(where: { $0.lang == site.config.language }) { links.append(("x-default", routes.absolute(first.path))) }
            return Entry(loc: routes.absolute(page.path), lastmod: changes.of(page), alternates: links)
        }
        func urlset(_ slice: ArraySlice<Entry>) -> String {
            var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + (multilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n")
            for entry in slice {
                xml += "<url><loc>\(XMLText.escape(entry.loc))</loc>"
                if let lastmod = entry.lastmod { xml += "<lastmod>\(lastmod.htmlDateTime)</lastmod>" }
                for (lang, href) in entry.alternates {
                    xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(lang))\" href=\"\(XMLText.escape(href))\"/>"
                }
                xml += "</url>\n"
            }
            return xml + "</urlset>\n"
        }
        var files: [(path: String, text: String)] = []
        if entries.count <= limit {
            files.append(("sitemap.xml", urlset(entries[...])))
        } else {
            var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for (number, start) in stride(from: 0, to: entries.count, by: limit).enumerated() {
                let path = "sitemap-\(number + 1).xml"
                files.append((path, urlset(entries[start..<min(start + limit, entries.count)])))
                index += "<sitemap><loc>\(XMLText.escape(routes.absolute(path)))</loc></sitemap>\n"
            }
            files.append(("sitemap.xml", index + "</sitemapindex>\n"))
        }
        files.append(("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(routes.absolute("sitemap.xml"))\n"))
        return files
    }

    /// The date each page last changed: the newest article it shows. Each article's `updated`
    /// or `date`, and its instant and year, are read once, not once for every page that
    /// shows the article (the home page and the archive show them all, each year's page
    /// looks through them all).
    struct LastChanges {
        let site: Site
        private let dates: [ContentDate]
        private let seconds: [Int64]
        private let nanoseconds: [Int32]
        private let years: [Int]

        init(site: Site) {
            self.site = site
            dates = site.articles.map { $0.article.updated ?? $0.article.date }
            seconds = dates.map(\.seconds)
            nanoseconds = dates.map(\.nanoseconds)
            years = site.articles.map(\.article.date.year)
        }

        /// The latest of `indices`' dates, the first of them when two are one instant (as
        /// `max()`).
        private func newest(_ indices: some Sequence<Int>) -> ContentDate? {
            var best: Int?
            for index in indices {
                guard let known = best else {
                    best = index
                    continue
                }
                if (seconds[known], nanoseconds[known]) < (seconds[index], nanoseconds[index]) { best = index }
            }
            return best.map { dates[$0] }
        }

        func of(_ page: PlannedPage) -> ContentDate? {
            let perPage = site.config.perPage
            func slice(_ indices: [Int], _ number: Int) -> ArraySlice<Int> {
                let start = min((number - 1) * perPage, indices.count)
                return indices[start..<min(start + perPage, indices.count)]
            }
            let lang = page.lang
            switch page.subject {
            case .home:
                return newest(site.articles(in: lang))
            case .dialogues:
                return newest(site.dialogues.terms.lazy.flatMap { $0.articles(in: lang) })
            case .articleList(let number):
                return newest(slice(site.articles(in: lang), number))
            case .article(let index):
                return newest([index])
            case .taxonomy(let index):
                return newest(site.taxonomies[index].terms.lazy.flatMap { $0.articles(in: lang) })
            case .term(let taxonomy, let term, let number):
                return newest(slice(site.taxonomies[taxonomy].terms[term].articles(in: lang), number))
            case .dialogue(let index):
                return newest(site.dialogues.terms[index].articles)
            case .archive:
                return newest(site.articles(in: lang))
            case .archiveYear(let year):
                return newest(site.articles(in: lang).lazy.filter { years[$0] == year })
            case .page, .search, .notFound:
                return nil
            }
        }
    }
}
