import BulletinCore
import BulletinContent
package import BulletinResolve

/// What a term's or series' page shows besides its own data and list, in a language: the
/// terms most often found in the same articles, and how many of its articles each year has.
/// All of it follows from front matter.
package struct TermReadingData: Sendable, Equatable {
    /// A term found with this one.
    package struct Companion: Sendable, Equatable {
        /// Its taxonomy's name (`dialogues` for a series).
        package let taxonomy: String
        package let name: String
        /// Its page in this language.
        package let path: String
        /// The articles of this language carrying both.
        package let count: Int
    }

    /// A year and how many of the term's articles of this language it has.
    package struct YearCount: Sendable, Equatable {
        package let year: Int
        package let count: Int
    }

    /// At most `limit` companions, most shared first, ties by name, then taxonomy and id.
    package let companions: [Companion]
    /// Every year from its oldest article's to its newest's, oldest first, years without an
    /// article included (a chart with gaps closed would mislead).
    package let years: [YearCount]

    /// The number of companions a page lists.
    package static let limit = 8
}

extension TermReadingData {
    /// The reading data of every term and series that has a page, by taxonomy name, id and
    /// language.
    ///
    /// Co-occurrence is counted article by article: each article of a language adds one to
    /// every ordered pair of its terms, so the cost is the sum of the squares of the
    /// articles' term counts (a few dozen each), never terms × terms.
    static func all(site: Site) -> [RenderInputs.TermInLanguage: TermReadingData] {
        let taxonomies = site.taxonomies + [site.dialogues]
        struct TermRef: Hashable { let taxonomy: Int; let term: Int }
        var result: [RenderInputs.TermInLanguage: TermReadingData] = [:]
        for lang in site.config.languages {
            var counts: [TermRef: [TermRef: Int]] = [:]
            for index in site.articles(in: lang) {
                let published = site.articles[index]
                var refs: [TermRef] = []
                for (position, terms) in published.terms.enumerated() { refs += terms.map { TermRef(taxonomy: position, term: $0) } }
                if let dialogue = published.dialogue { refs.append(TermRef(taxonomy: site.taxonomies.count, term: dialogue)) }
                for a in refs {
                    for b in refs where b != a { counts[a, default: [:]][b, default: 0] += 1 }
                }
            }
            for (position, taxonomy) in taxonomies.enumerated() {
                for (termIndex, term) in taxonomy.terms.enumerated() where term.exists(in: lang) {
                    let found = counts[TermRef(taxonomy: position, term: termIndex)] ?? [:]
                    let companions = found.map { ref, count in
                        let other = taxonomies[ref.taxonomy]
                        let otherTerm = other.terms[ref.term]
                        return Companion(
                            taxonomy: other.name, name: otherTerm.name(in: lang),
                            path: site.routes.localized(otherTerm.path, lang), count: count)
                    }
                    .sorted { a, b in
                        if a.count != b.count { return a.count > b.count }
                        if a.name != b.name { return a.name.codePointPrecedes(b.name) }
                        return a.path.codePointPrecedes(b.path)
                    }
                    result[.init(taxonomy: taxonomy.name, id: term.id, lang: lang)] = TermReadingData(
                        companions: Array(companions.prefix(limit)), years: years(of: term.articles(in: lang), site: site))
                }
            }
        }
        return result
    }

    static func years(of articles: [Int], site: Site) -> [YearCount] {
        var byYear: [Int: Int] = [:]
        for index in articles { byYear[site.articles[index].article.date.year, default: 0] += 1 }
        guard let first = byYear.keys.min(), let last = byYear.keys.max() else { return [] }
        return (first...last).map { YearCount(year: $0, count: byYear[$0] ?? 0) }
    }
}
