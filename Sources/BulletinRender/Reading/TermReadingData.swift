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
    /// Co-occurrence is counted term by term over the term's own articles (the inverted
    /// index the resolved site is): each of them adds one for every other term it carries,
    /// so the cost is the sum of the squares of the articles' term counts (a few dozen each),
    /// never terms × terms. Terms are numbered densely (`DenseTerms`), so that a term's
    /// companions are counted by number, and terms are counted on every core, each
    /// depending on nothing but the site.
    static func all(site: Site) -> [RenderInputs.TermInLanguage: TermReadingData] {
        let dense = DenseTerms(site: site)
        let taxonomies = dense.taxonomies
        // Each article's year, read once (not once for every term the article has).
        let yearOf = site.articles.map(\.article.date.year)
        struct Unit: Sendable { let taxonomy: Int; let term: Int }
        var result: [RenderInputs.TermInLanguage: TermReadingData] = [:]
        for lang in site.config.languages {
            var names: [String] = []
            var paths: [String] = []
            var units: [Unit] = []
            names.reserveCapacity(dense.count)
            paths.reserveCapacity(dense.count)
            for (position, taxonomy) in taxonomies.enumerated() {
                for (index, term) in taxonomy.terms.enumerated() {
                    names.append(term.name(in: lang))
                    paths.append(site.routes.localized(term.path, lang))
                    if term.exists(in: lang) { units.append(Unit(taxonomy: position, term: index)) }
                }
            }
            // Ties by the name shown, compared as term keys are (case folded, normalised), so
            // that "bravo" comes before "Charlie"; made only for terms with a page here (the
            // only ones listed).
            var keys = [TermKey](repeating: TermKey(""), count: names.count)
            for unit in units { keys[dense.number(taxonomy: unit.taxonomy, term: unit.term)] = TermKey(names[dense.number(taxonomy: unit.taxonomy, term: unit.term)]) }
            let (termNames, termPaths, termKeys) = (names, paths, keys)
            // In chunks on every core, each with counts for every term (all zero between two
            // terms) and the list of those touched: a dictionary of counts per term was most
            // of the time.
            let chunk = 64
            let counted = Parallel.map(Array(stride(from: 0, to: units.count, by: chunk))) { [units] start -> [TermReadingData] in
                var counts = [Int](repeating: 0, count: dense.count)
                var touched: [Int] = []
                return units[start..<min(start + chunk, units.count)].map { unit -> TermReadingData in
                    let own = dense.number(taxonomy: unit.taxonomy, term: unit.term)
                    let articles = taxonomies[unit.taxonomy].terms[unit.term].articles(in: lang)
                    for article in articles {
                        for other in dense.ofArticle[article] where other != own {
                            if counts[other] == 0 { touched.append(other) }
                            counts[other] += 1
                        }
                    }
                    func precedes(_ a: (key: Int, value: Int), _ b: (key: Int, value: Int)) -> Bool {
                        if a.value != b.value { return a.value > b.value }
                        if termKeys[a.key] != termKeys[b.key] { return termKeys[a.key] < termKeys[b.key] }
                        if termNames[a.key] != termNames[b.key] { return termNames[a.key].codePointPrecedes(termNames[b.key]) }
                        return termPaths[a.key].codePointPrecedes(termPaths[b.key])
                    }
                    // The best `limit`, kept in order as the counts go by: a common term is found
                    // with thousands of others, and sorting them all cost more than counting them.
                    // (The order is total, two terms never having one path, so this is the sort's
                    // prefix, whatever order the terms come in.)
                    var best: [(key: Int, value: Int)] = []
                    best.reserveCapacity(limit + 1)
                    for other in touched {
                        let entry = (key: other, value: counts[other])
                        counts[other] = 0
                        if best.count == limit, !precedes(entry, best[limit - 1]) { continue }
                        best.insert(entry, at: best.firstIndex { precedes(entry, $0) } ?? best.count)
                        if best.count > limit { best.removeLast() }
                    }
                    touched.removeAll(keepingCapacity: true)
                    let companions = best.map { other, count in
                        let position = dense.taxonomy(of: other)
                        return Companion(
                            taxonomy: taxonomies[position].name, name: termNames[other], path: termPaths[other], count: count)
                    }
                    return TermReadingData(companions: companions, years: years(of: articles, yearOf: yearOf))
                }
            }.flatMap { $0 }
            for (unit, reading) in zip(units, counted) {
                let term = taxonomies[unit.taxonomy].terms[unit.term]
                result[.init(taxonomy: taxonomies[unit.taxonomy].name, id: term.id, lang: lang)] = reading
            }
        }
        return result
    }

    /// The articles per year, from the first year to the last; `yearOf` gives each article's.
    static func years(of articles: [Int], yearOf: [Int]) -> [YearCount] {
        guard let some = articles.first else { return [] }
        var (first, last) = (yearOf[some], yearOf[some])
        for index in articles {
            first = min(first, yearOf[index])
            last = max(last, yearOf[index])
        }
        // Counted in an array by year (a dictionary was most of the time for long lists).
        var counts = [Int](repeating: 0, count: last - first + 1)
        for index in articles { counts[yearOf[index] - first] += 1 }
        return counts.enumerated().map { YearCount(year: first + $0.offset, count: $0.element) }
    }
}
