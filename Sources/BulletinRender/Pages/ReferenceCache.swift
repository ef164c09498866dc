import BulletinCore
import BulletinContent
package import BulletinResolve
package import BulletinTemplates

/// Other articles as article pages name them (related articles, series neighbours), as
/// template values made once for the pages being rendered: an article is named on the pages
/// of several others (a related list of five on each of 10,000 pages is 50,000 names), but
/// its name, link and date read the same on all of them.
package struct ReferenceCache: Sendable {
    private struct Key: Hashable, Sendable {
        let path: String
        let lang: String
    }

    private let entries: [Key: TemplateValue]

    /// The references the article pages among `pages` show, in parallel.
    package init(inputs: RenderInputs, pages: [PlannedPage]) {
        var needed: [Key: ArticleReference] = [:]
        for page in pages {
            guard case .article(let index) = page.subject, let reading = inputs.readings[inputs.site.articles[index].article.path]
            else { continue }
            let references = reading.related + [reading.series?.previous, reading.series?.next].compactMap { $0 }
            for reference in references { needed[Key(path: reference.path, lang: page.lang)] = reference }
        }
        let (wanted, keys) = (needed, Array(needed.keys))
        let made = Parallel.map(keys) { key in
            let views = Views(routes: inputs.site.routes, strings: inputs.sites[key.lang]!.strings, lang: key.lang)
            return views.reference(wanted[key]!)
        }
        entries = Dictionary(uniqueKeysWithValues: zip(keys, made))
    }

    /// `reference` on a page of `lang` (made now if the pages given did not include it).
    package func value(_ reference: ArticleReference, views: Views) -> TemplateValue {
        entries[Key(path: reference.path, lang: views.lang)] ?? views.reference(reference)
    }
}
