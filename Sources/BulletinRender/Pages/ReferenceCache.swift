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
        let count = inputs.site.articles.count
        var wanted: [String: [ArticleReference?]] = [:]
        for page in pages {
            guard case .article(let index) = page.subject, let reading = inputs.readings[inputs.site.articles[index].article.path]
            else { continue }
            let neighbours = [reading.series?.previous, reading.series?.next].compactMap { $0 }
            for reference in reading.related + neighbours where reference.index < count {
                wanted[page.lang, default: Array(repeating: nil, count: count)][reference.index] = reference
            }
        }
        var entries: [String: [TemplateValue?]] = [:]
        for (lang, references) in wanted {
            let present = references.indices.filter { references[$0] != nil }
            let views = Views(routes: inputs.site.routes, strings: inputs.sites[lang]!.strings, lang: lang)
            let made = Parallel.map(present) { views.reference(references[$0]!) }
            var values = [TemplateValue?](repeating: nil, count: count)
            for (index, value) in zip(present, made) { values[index] = value }
            entries[lang] = values
        }
        self.entries = entries
    }

    /// `reference` on a page of `lang` (made now if the pages given did not include it).
    package func value(_ reference: ArticleReference, views: Views) -> TemplateValue {
        if let values = entries[views.lang], reference.index < values.count, let value = values[reference.index] { return value }
        return views.reference(reference)
    }
}
