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

    /// Each page's `<url>` element as the last update wrote it, with what it was made from,
    /// by site path: kept by the preview, where an edit changes a few pages' dates and the
    /// other 15,000 elements would be written again the same.
    package struct Memo: Sendable {
        /// The site's address the elements were written with (they hold absolute URLs).
        fileprivate var address = ""
        fileprivate var urls: [String: URLElement] = [:]

        package init() {}

        fileprivate init(address: String, urls: [String: URLElement]) {
            self.address = address
            self.urls = urls
        }
    }

    fileprivate struct URLElement: Sendable {
        let lastmod: ContentDate?
        /// `(hreflang, path)` of every version, itself included; empty without versions.
        let versions: [Version]
        let xml: String
    }

    fileprivate struct Version: Sendable, Equatable {
        let lang: String
        let path: String
    }

    package static func files(for site: Site, alternates: [String: [Alternate]] = [:]) -> [(path: String, text: String)] {
        var memo: Memo?
        return files(for: site, alternates: alternates, memo: &memo)
    }

    /// The files, reusing the `<url>` element of every page whose address, date and versions
    /// are those `memo` has (and remembering this call's), unless `memo` is nil.
    package static func files(for site: Site, alternates: [String: [Alternate]], memo: inout Memo?) -> [(path: String, text: String)] {
        let routes = site.routes
        let multilingual = site.config.isMultilingual
        let changes = LastChanges(site: site)
        let address = routes.absolute("")
        let earlier = memo?.address == address ? memo!.urls : [:]
        var kept: [String: URLElement] = [:]
        if memo != nil { kept.reserveCapacity(site.plan.count) }
        var elements: [String] = []
        elements.reserveCapacity(site.plan.count)
        for page in site.plan where page.kind != .notFound {
            var versions = (alternates[page.path] ?? []).filter(\.isTranslation).map { Version(lang: $0.lang, path: $0.path) }
            if let first = versions.first(where: { $0.lang == site.config.language }) {
                versions.append(Version(lang: "x-default", path: first.path))
            }
            let lastmod = changes.of(page)
            let element: URLElement
            if let known = earlier[page.path], known.lastmod == lastmod, known.versions == versions {
                element = known
            } else {
                var xml = "<url><loc>\(XMLText.escape(routes.absolute(page.path)))</loc>"
                if let lastmod { xml += "<lastmod>\(lastmod.htmlDateTime)</lastmod>" }
                for version in versions {
                    xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(version.lang))\" href=\"\(XMLText.escape(routes.absolute(version.path)))\"/>"
                }
                element = URLElement(lastmod: lastmod, versions: versions, xml: xml + "</url>\n")
            }
            if memo != nil { kept[page.path] = element }
            elements.append(element.xml)
        }
        if let earlier = memo.take() {
            memo = Memo(address: address, urls: kept)
            // The last elements freed on another thread: nothing waits for it.
            Parallel.release(earlier)
        }
        func urlset(_ slice: ArraySlice<String>) -> String {
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + (multilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n")
                + slice.joined() + "</urlset>\n"
        }
        var files: [(path: String, text: String)] = []
        if elements.count <= limit {
            files.append(("sitemap.xml", urlset(elements[...])))
        } else {
            var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for (number, start) in stride(from: 0, to: elements.count, by: limit).enumerated() {
                let path = "sitemap-\(number + 1).xml"
                files.append((path, urlset(elements[start..<min(start + limit, elements.count)])))
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
