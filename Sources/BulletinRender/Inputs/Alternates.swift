import BulletinCore
import BulletinContent
package import BulletinResolve

/// The versions of each page in the other languages of a multilingual site: the pages that
/// show the same thing in another language (an article's translations, the home pages, the
/// first page of a list, a term's page), each with its language. A page with more than one
/// version declares them all as `hreflang` alternates; its language switcher links to them,
/// and to the other languages' home pages where it has no version.
package enum Alternates {
    package static func all(site: Site) -> [String: [Alternate]] {
        // Pages that show one thing, whatever their language, share a key.
        var groups: [String: [(lang: String, path: String)]] = [:]
        var keys: [String: String] = [:]
        for page in site.plan {
            guard let key = key(of: page, site: site) else { continue }
            groups[key, default: []].append((page.lang, page.path))
            keys[page.path] = key
        }
        let homes = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0, site.routes.localized(Routes.home, $0)) })
        var result: [String: [Alternate]] = [:]
        for page in site.plan {
            let versions = keys[page.path].flatMap { groups[$0] } ?? []
            var alternates: [Alternate] = []
            for lang in site.config.languages {
                if let version = versions.first(where: { $0.lang == lang }), versions.count > 1 || lang == page.lang {
                    alternates.append(Alternate(lang: lang, path: version.path, isTranslation: versions.count > 1))
                } else {
                    alternates.append(Alternate(lang: lang, path: lang == page.lang ? page.path : homes[lang]!, isTranslation: false))
                }
            }
            result[page.path] = alternates
        }
        return result
    }

    /// What a page shows, the same in every language; nil for a page that has no versions
    /// (a list's later pages, the 404 page).
    static func key(of page: PlannedPage, site: Site) -> String? {
        switch page.subject {
        case .home: "home"
        case .articleList(let number): number == 1 ? "articles" : nil
        case .article(let index):
            site.articles[index].article.translationKey.map { "article/" + $0 } ?? "article-path/" + site.articles[index].article.path
        case .taxonomy(let index): "taxonomy/\(site.taxonomies[index].name)"
        case .term(let taxonomy, let term, let number):
            number == 1 ? "term/\(site.taxonomies[taxonomy].name)/\(site.taxonomies[taxonomy].terms[term].id)" : nil
        case .dialogues: "dialogues"
        case .dialogue(let index): "dialogue/\(site.dialogues.terms[index].id)"
        case .page(let index): site.pages[index].page.translationKey.map { "page/" + $0 } ?? "page-path/" + site.pages[index].page.path
        case .search: "search"
        case .archive: "archive"
        case .archiveYear(let year): "archive/\(year)"
        case .notFound: nil
        }
    }
}
