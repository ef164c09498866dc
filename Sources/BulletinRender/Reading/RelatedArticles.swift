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
    /// Each article's instant and URL, for ties: read from arrays of plain values, not from
    /// the articles (whose every read retains a score of strings and arrays), because ties
    /// are common where many candidates share one term.
    private let instants: [Instant]
    private let paths: [String]

    private struct Instant: Sendable, Comparable {
        let seconds: Int64
        let nanoseconds: Int32
        static func < (a: Instant, b: Instant) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }
    }

    package init(site: Site) {
        self.site = site
        instants = site.articles.map { Instant(seconds: $0.article.date.seconds, nanoseconds: $0.article.date.nanoseconds) }
        paths = site.articles.map(\.path)
        let settings = site.config.related
        weights = site.taxonomies.map { settings.weight($0.name) } + [settings.weight(site.dialogues.name)]
    }

    /// Every article's related articles, by index into `site.articles`: in chunks on every
    /// core, each chunk with a scratch array of its own; each article's list depends on
    /// nothing but the site, so the result is the same whatever the number of cores.
    package func all() -> [[Int]] {
        let count = site.articles.count
        let chunk = 256
        let starts = Array(stride(from: 0, to: count, by: chunk))
        let limit = site.config.related.limit
        return Parallel.map(starts) { start in
            var scores = [Double](repeating: 0, count: count)
            return (start..<min(start + chunk, count)).map { scored($0, limit: limit, scratch: &scores).map(\.article) }
        }.flatMap { $0 }
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
        let translations = published.translations.values
        // The best `limit`, kept sorted while the candidates go by: a candidate is compared
        // with the worst kept one only (sorting every candidate of a 10,000-article site,
        // thousands for an article with a common term, cost more than the scoring itself).
        var best: [Scored] = []
        best.reserveCapacity(limit + 1)
        for candidate in touched {
            let scored = Scored(article: candidate, score: scores[candidate])
            scores[candidate] = 0
            if best.count == limit, let worst = best.last, !precedes(scored, worst) { continue }
            if translations.contains(candidate) { continue }
            let position = best.firstIndex { precedes(scored, $0) } ?? best.count
            best.insert(scored, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    /// The order of the list: higher score first; ties to the newer article, then the smaller
    /// URL.
    private func precedes(_ a: Scored, _ b: Scored) -> Bool {
        if a.score != b.score { return a.score > b.score }
        let (left, right) = (instants[a.article], instants[b.article])
        if left != right { return left > right }
        return paths[a.article].codePointPrecedes(paths[b.article])
    }
}
