import BulletinCore
import BulletinContent
internal import Foundation
package import BulletinResolve

/// Related articles, scored as the contract says (docs/reading.md): a candidate of the same
/// language scores, for every term the two articles share (the dialogue series counting as a
/// term of its own), `weight(taxonomy) × ln(1 + N / df)`, with `N` the language's published
/// articles and `df` those of them carrying the term. A rare shared term says much, one on
/// every article little (Hugo's related content needs a cut-off for that, #10744).
///
/// Computed through the inverted index the resolved site already is (each term's articles
/// by language): an article's candidates are the articles of its own terms' lists, never
/// every other article, so the cost follows the number of shared terms, not N².
package struct RelatedArticles: Sendable {
    /// An article's related articles, best first, with their scores.
    package struct Scored: Sendable, Equatable {
        package let article: Int
        package let score: Double
    }

    let site: Site
    /// The weight of a shared term, by taxonomy position in `site.taxonomies`, the series
    /// last.
    private let weights: [Double]

    package init(site: Site) {
        self.site = site
        let settings = site.config.related
        weights = site.taxonomies.map { settings.weight($0.name) } + [settings.weight(site.dialogues.name)]
    }

    /// Every article's related articles, by index into `site.articles`.
    package func all() -> [[Int]] {
        var scores = [Double](repeating: 0, count: site.articles.count)
        return site.articles.indices.map { index in
            scored(index, limit: site.config.related.limit, scratch: &scores).map(\.article)
        }
    }

    /// The best `limit` candidates of article `index`, with their scores. `scratch` holds a
    /// zero for every article on entry and on return (reused so that scoring 10,000 articles
    /// allocates one array, not 10,000).
    package func scored(_ index: Int, limit: Int, scratch scores: inout [Double]) -> [Scored] {
        guard limit > 0 else { return [] }
        let published = site.articles[index]
        let lang = published.article.lang
        let total = Double(site.articles(in: lang).count)
        var touched: [Int] = []
        func add(_ term: Term, weight: Double) {
            guard weight > 0 else { return }
            let postings = term.articles(in: lang)
            let contribution = weight * log(1 + total / Double(postings.count))
            for candidate in postings where candidate != index {
                if scores[candidate] == 0 { touched.append(candidate) }
                scores[candidate] += contribution
            }
        }
        for (position, taxonomy) in site.taxonomies.enumerated() where weights[position] > 0 {
            for term in published.terms[position] { add(taxonomy.terms[term], weight: weights[position]) }
        }
        if let dialogue = published.dialogue { add(site.dialogues.terms[dialogue], weight: weights[site.taxonomies.count]) }

        // A translation is in another language, so never among the candidates; said here
        // all the same, for the day candidates span languages.
        let translations = Set(published.translations.values)
        var candidates = touched.filter { !translations.contains($0) }.map { Scored(article: $0, score: scores[$0]) }
        for candidate in touched { scores[candidate] = 0 }
        candidates.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            let (left, right) = (site.articles[a.article], site.articles[b.article])
            if left.article.date != right.article.date { return left.article.date > right.article.date }
            return left.path.codePointPrecedes(right.path)
        }
        return Array(candidates.prefix(limit))
    }
}
