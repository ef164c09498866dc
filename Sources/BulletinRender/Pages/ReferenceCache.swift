import BulletinCore
import BulletinContent
package import BulletinResolve
package import BulletinTemplates

/// Other articles as article pages name them (related articles, series neighbours), as
/// template values made once for the pages being rendered: an article is named on the pages
/// of several others (a related list of five on each of 10,000 pages is 50,000 names), but
/// its name, link and date read the same on all of them.
package struct ReferenceCache: Sendable {
    /// By language, by index into the site's articles (no path hashed for each of 50,000
    /// references).
    private let entries: [String: [TemplateValue?]]

    /// The references the article pages among `pages` show, in parallel.
    package init(inputs: RenderInputs, pages: [PlannedPage]) {
        let site = inputs.site
        let count = site.articles.count
        var articlePages: [String: [Int]] = [:]
        for page in pages {
            if case .article(let index) = page.subject { articlePages[page.lang, default: []].append(index) }
        }
        var entries: [String: [TemplateValue?]] = [:]
        for (lang, indices) in articlePages {
            // The articles each page names, by index, found in parallel (each page's reading
            // looked up by path took one core 40 ms at 10,000 articles, and so did freeing
            // copies of the names); then, on the indices alone, where each is named first.
            let readings = Parallel.map(indices) { inputs.readings[site.articles[$0].article.path] }
            let indexes = Parallel.map(readings) { reading -> [Int] in
                guard let reading else { return [] }
                return Self.named(reading).map(\.index)
            }
            var firstNamed = [(page: Int32, place: Int32)?](repeating: nil, count: count)
            for (page, list) in indexes.enumerated() {
                for (place, index) in list.enumerated() where index < count && firstNamed[index] == nil {
                    firstNamed[index] = (Int32(page), Int32(place))
                }
            }
            let first = firstNamed
            let present = first.indices.filter { first[$0] != nil }
            guard !present.isEmpty else { continue }
            let views = Views(routes: site.routes, strings: inputs.sites[lang]!.strings, lang: lang)
            let made = Parallel.map(present) { index in
                let (page, place) = first[index]!
                return views.reference(Self.named(readings[Int(page)]!)[Int(place)])
            }
            var values = [TemplateValue?](repeating: nil, count: count)
            for (index, value) in zip(present, made) { values[index] = value }
            entries[lang] = values
        }
        self.entries = entries
    }

    /// The articles an article's page names, in the order it names them.
    private static func named(_ reading: ReadingData) -> [ArticleReference] {
        reading.related + [reading.series?.previous, reading.series?.next].compactMap { $0 }
    }

    /// `reference` on a page of `lang` (made now if the pages given did not include it).
    package func value(_ reference: ArticleReference, views: Views) -> TemplateValue {
        if let values = entries[views.lang], reference.index < values.count, let value = values[reference.index] { return value }
        return views.reference(reference)
    }
}
