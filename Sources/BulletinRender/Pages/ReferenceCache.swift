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
        // The article pages by language, then each language's references marked in one array
        // (each article named kept once: copying every one of 70,000 names was most of the
        // cost of this serial stretch).
        var articlePages: [String: [Int]] = [:]
        for page in pages {
            if case .article(let index) = page.subject { articlePages[page.lang, default: []].append(index) }
        }
        var wanted: [String: [ArticleReference?]] = [:]
        for (lang, indices) in articlePages {
            var references = [ArticleReference?](repeating: nil, count: count)
            func mark(_ reference: ArticleReference?) {
                if let reference, reference.index < count, references[reference.index] == nil { references[reference.index] = reference }
            }
            for index in indices {
                guard let reading = inputs.readings[inputs.site.articles[index].article.path] else { continue }
                for reference in reading.related { mark(reference) }
                mark(reading.series?.previous)
                mark(reading.series?.next)
            }
            if references.contains(where: { $0 != nil }) { wanted[lang] = references }
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
