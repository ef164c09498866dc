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
    /// Each article's terms and series, numbered densely (the taxonomies' terms in order,
    /// the series last), and its translations: read from plain arrays in the scoring loop,
    /// not through `Term` values, whose every copy retains a dozen strings and arrays.
    private let termsOf: [[Int]]
    private let translationsOf: [[Int]]
    /// The site's taxonomies and series, whose terms those numbers count.
    private let taxonomies: [Taxonomy]
    /// By language: each numbered term's articles of that language, newest first, and what a
    /// shared term adds to a candidate's score (`weight × ln(1 + N / df)`, 0 when the
    /// taxonomy's weight is 0).
    private let postings: [String: [[Int]]]
    private let contributions: [String: [Double]]
    /// Each article's instant and URL, for ties: read from arrays of plain values, not from
    /// the articles (whose every read retains a score of strings and arrays), because ties
    /// are common where many candidates share one term.
    private let instants: [Instant]
    private let paths: [String]

    fileprivate struct Instant: Sendable, Comparable {
        let seconds: Int64
        let nanoseconds: Int32
        static func < (a: Instant, b: Instant) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }
    }

    package init(site: Site) {
        self.site = site
        instants = site.articles.map { Instant(seconds: $0.article.date.seconds, nanoseconds: $0.article.date.nanoseconds) }
        paths = site.articles.map(\.path)
        let settings = site.config.related
        let terms = DenseTerms(site: site)
        termsOf = terms.ofArticle
        taxonomies = terms.taxonomies
        translationsOf = site.articles.map { Array($0.translations.values) }
        var postings: [String: [[Int]]] = [:]
        var contributions: [String: [Double]] = [:]
        for lang in site.config.languages {
            let total = Double(site.articles(in: lang).count)
            var lists: [[Int]] = []
            var added: [Double] = []
            lists.reserveCapacity(terms.count)
            added.reserveCapacity(terms.count)
            for taxonomy in terms.taxonomies {
                let weight = settings.weight(taxonomy.name)
                for term in taxonomy.terms {
                    let list = term.articles(in: lang)
                    lists.append(list)
                    added.append(weight > 0 && !list.isEmpty ? weight * log(1 + total / Double(list.count)) : 0)
                }
            }
            postings[lang] = lists
            contributions[lang] = added
        }
        self.postings = postings
        self.contributions = contributions
    }

    /// Every article's related articles, by index into `site.articles`: in chunks on every
    /// core, each chunk with a scratch space of its own; each article's list depends on
    /// nothing but the site, so the result is the same whatever the number of cores.
    package func all() -> [[Int]] {
        scored(Array(site.articles.indices)).map { $0.map(\.article) }
    }

    /// The lists of `articles` (indices into `site.articles`), in their order, with scores.
    private func scored(_ articles: [Int]) -> [[Scored]] {
        let count = site.articles.count
        let chunk = 256
        let starts = Array(stride(from: 0, to: articles.count, by: chunk))
        let limit = site.config.related.limit
        return Parallel.map(starts) { start in
            var scratch = Scratch(articles: count)
            return articles[start..<min(start + chunk, articles.count)].map { scored($0, limit: limit, scratch: &scratch) }
        }.flatMap { $0 }
    }

    /// What every list was scored from, kept by the preview from one update to the next.
    package struct Memo: Sendable {
        /// By term and language: what it adds to a score, and its articles with what ties
        /// between them are broken by.
        fileprivate var terms: [TermInLanguage: TermState] = [:]
        /// By article URL: what its list was made from and what it is.
        fileprivate var lists: [String: Remembered] = [:]
        fileprivate var limit = 0
        /// How many lists the update that made this reused (the rest it scored again), and
        /// how many of those had a moved article among their candidates.
        package fileprivate(set) var reused = 0
        package fileprivate(set) var reusedPastMoves = 0
    }

    /// An article's list as the last update made it.
    fileprivate struct Remembered: Sendable {
        /// Its terms (`taxonomy/id`), its instant, and its list as URLs.
        let terms: [String]
        let instant: Instant
        let related: [String]
        /// The score a candidate needs to be able to enter the list or move in it: the last
        /// one's when the list is full, 0 when it is not (every candidate is in it).
        let threshold: Double
    }

    fileprivate struct TermInLanguage: Hashable, Sendable {
        let term: String
        let lang: String
    }

    fileprivate struct TermState: Equatable, Sendable {
        let contribution: Double
        let members: [String]
        let instants: [Instant]

        /// Whether this and `other` differ only in where the `moved` articles stand: the same
        /// contribution, and the same other members with the same instants in the same order
        /// (the moved ones, whose terms are unchanged, are members of both).
        func differsOnlyByMoving(_ moved: Set<String>, from other: TermState) -> Bool {
            guard contribution == other.contribution, members.count == other.members.count else { return false }
            func kept(_ state: TermState) -> [(String, Instant)] {
                zip(state.members, state.instants).filter { !moved.contains($0.0) }
            }
            return kept(self).elementsEqual(kept(other)) { $0.0 == $1.0 && $0.1 == $1.1 }
        }
    }

    /// How far the reuse of lists past a moved article goes: with more moved articles than
    /// this (a large edit, or a change of the whole site), every candidate's list is scored.
    private static let movedLimit = 32

    /// Every article's related articles, as `all()`, scoring again only the articles whose
    /// lists can differ from `earlier`'s. When an article has the same terms, and each adds as
    /// much as before and has the same articles of its language, with the same dates and URLs,
    /// the article has the same candidates with the same scores and ties, so the same list.
    /// (An article that changes language changes its terms' articles in both; its
    /// translations, in other languages, are never candidates.)
    ///
    /// An edit that moves articles by their date alone (same URL, same terms) changes no
    /// score, only how ties are broken: a list changes only if a moved article scores, as
    /// its candidate, at least as much as the list's last (or the list is not full and the
    /// moved article is in it). The other articles sharing a term with it keep their lists.
    package func all(reusing earlier: Memo?) -> (lists: [[Int]], memo: Memo) {
        let names = taxonomies.flatMap { taxonomy in taxonomy.terms.map { taxonomy.name + "/" + $0.id } }
        let limit = site.config.related.limit
        let termNames = termsOf.map { $0.map { names[$0] } }
        let comparable = earlier.map { $0.limit == limit } ?? false
        // Each article as the last update remembered it, and those moved by their date alone.
        let known = site.articles.indices.map { comparable ? earlier!.lists[paths[$0]] : nil }
        var moved: [Int] = []
        for article in site.articles.indices {
            if let known = known[article], known.instant != instants[article], known.terms == termNames[article] { moved.append(article) }
        }
        let movedPaths = Set(moved.map { paths[$0] })
        var memo = Memo()
        memo.limit = limit
        // Each term's state in each language, compared with the last once: the same, changed
        // by moved articles alone, or changed.
        enum Change { case none, moves, other }
        var changes: [String: [Change]] = [:]
        for lang in site.config.languages {
            guard let postings = postings[lang], let contributions = contributions[lang] else { continue }
            var flags = [Change](repeating: .other, count: names.count)
            for term in names.indices {
                let list = postings[term]
                let state = TermState(contribution: contributions[term], members: list.map { paths[$0] }, instants: list.map { instants[$0] })
                let key = TermInLanguage(term: names[term], lang: lang)
                if let before = earlier?.terms[key] {
                    if before == state {
                        flags[term] = .none
                    } else if moved.count <= Self.movedLimit, state.differsOnlyByMoving(movedPaths, from: before) {
                        flags[term] = .moves
                    }
                }
                memo.terms[key] = state
            }
            changes[lang] = flags
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(paths.count)
        for (position, path) in paths.enumerated() { index[path] = position }
        var lists = [[Int]](repeating: [], count: site.articles.count)
        var thresholds = [Double](repeating: 0, count: site.articles.count)
        var rescore: [Int] = []
        for article in site.articles.indices {
            if let known = known[article], known.terms == termNames[article], let flags = changes[site.articles[article].article.lang],
               !termsOf[article].contains(where: { flags[$0] == .other }) {
                let pastMoves = termsOf[article].contains { flags[$0] == .moves }
                if !pastMoves || !moved.contains(where: { mayChange(article, threshold: known.threshold, movedCandidate: $0) }) {
                    // Every one is still there, its candidates' scores being the same (scored
                    // again otherwise, all the same).
                    let mapped = known.related.compactMap { index[$0] }
                    if mapped.count == known.related.count {
                        lists[article] = mapped
                        thresholds[article] = known.threshold
                        if pastMoves { memo.reusedPastMoves += 1 }
                        continue
                    }
                }
            }
            rescore.append(article)
        }
        for (article, list) in zip(rescore, scored(rescore)) {
            lists[article] = list.map(\.article)
            thresholds[article] = limit > 0 && list.count == limit ? list[limit - 1].score : 0
        }
        memo.reused = lists.count - rescore.count
        memo.lists.reserveCapacity(lists.count)
        for article in lists.indices {
            memo.lists[paths[article]] = Remembered(
                terms: termNames[article], instant: instants[article], related: lists[article].map { paths[$0] },
                threshold: thresholds[article])
        }
        return (lists, memo)
    }

    /// Whether moving `candidate` by its date can change the list of `article`, whose
    /// candidates otherwise kept their scores: when it is a candidate scoring at least the
    /// list's `threshold`. Its score is summed as `scored` sums it (the article's terms in
    /// order), so that it is the same number to the last bit.
    private func mayChange(_ article: Int, threshold: Double, movedCandidate candidate: Int) -> Bool {
        guard candidate != article, site.articles[candidate].article.lang == site.articles[article].article.lang,
              let contributions = contributions[site.articles[article].article.lang] else { return false }
        var score = 0.0
        for term in termsOf[article] where contributions[term] > 0 && termsOf[candidate].contains(term) {
            score += contributions[term]
        }
        return score > 0 && score >= threshold
    }

    /// What scoring one article needs besides the site, made once for many: a score for every
    /// article (all zero between two articles) and room for the list of those touched.
    package struct Scratch {
        var scores: [Double]
        /// One more slot than there are articles: the scoring loop writes every candidate at
        /// the end of the list and moves the end past it only when it is new.
        var touched: [Int32]

        package init(articles: Int) {
            scores = [Double](repeating: 0, count: articles)
            touched = [Int32](repeating: 0, count: articles + 1)
        }
    }

    /// The best `limit` candidates of article `index`, with their scores. `scratch` is left as
    /// it was found (reused so that scoring 10,000 articles allocates once, not 10,000 times).
    package func scored(_ index: Int, limit: Int, scratch: inout Scratch) -> [Scored] {
        guard limit > 0 else { return [] }
        let lang = site.articles[index].article.lang
        guard let postings = postings[lang], let contributions = contributions[lang] else { return [] }
        // The innermost loop of the build's related articles (a common term has thousands of
        // articles): on the buffers, without bounds checks, and without a branch on whether a
        // candidate is new (half of them are, at random: the branch mispredicted half the
        // time). Every candidate is an index into `site.articles`, which `scores` covers; the
        // article itself is scored too and skipped below.
        var touchedCount = 0
        scratch.scores.withUnsafeMutableBufferPointer { scores in
            scratch.touched.withUnsafeMutableBufferPointer { touched in
                for term in termsOf[index] where contributions[term] > 0 {
                    let contribution = contributions[term]
                    postings[term].withUnsafeBufferPointer { candidates in
                        for candidate in candidates {
                            let before = scores[candidate]
                            touched[touchedCount] = Int32(truncatingIfNeeded: candidate)
                            touchedCount &+= before == 0 ? 1 : 0
                            scores[candidate] = before + contribution
                        }
                    }
                }
            }
        }

        // A translation is in another language, so never among the candidates; said here
        // all the same, for the day candidates span languages.
        let translations = translationsOf[index]
        // The best `limit`, kept sorted while the candidates go by: a candidate is compared
        // with the worst kept one only, and by score alone unless the two are tied (sorting
        // every candidate of a 10,000-article site, thousands for an article with a common
        // term, cost more than the scoring itself).
        var best: [Scored] = []
        best.reserveCapacity(limit + 1)
        var worst = -Double.infinity
        scratch.scores.withUnsafeMutableBufferPointer { scores in
            scratch.touched.withUnsafeBufferPointer { touched in
                for position in 0..<touchedCount {
                    let candidate = Int(touched[position])
                    let score = scores[candidate]
                    scores[candidate] = 0
                    if score < worst || candidate == index { continue }
                    let scored = Scored(article: candidate, score: score)
                    if best.count == limit, !precedes(scored, best[limit - 1]) { continue }
                    if translations.contains(candidate) { continue }
                    let place = best.firstIndex { precedes(scored, $0) } ?? best.count
                    best.insert(scored, at: place)
                    if best.count > limit { best.removeLast() }
                    if best.count == limit { worst = best[limit - 1].score }
                }
            }
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
