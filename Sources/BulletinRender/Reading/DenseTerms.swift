package import BulletinResolve

/// Every term of every taxonomy, and every dialogue series, numbered from 0: each taxonomy's
/// terms in order, the series last. Related articles and co-occurrence count into arrays by
/// these numbers instead of dictionaries keyed by taxonomy and term.
struct DenseTerms: Sendable {
    /// The site's taxonomies, then the series.
    let taxonomies: [Taxonomy]
    /// The number of the first term of each of `taxonomies`.
    private let offsets: [Int]
    /// How many terms there are in all.
    let count: Int
    /// Each article's terms and series, numbered, in the order its front matter gives them
    /// (taxonomies in order, the series last).
    let ofArticle: [[Int]]

    init(site: Site) {
        taxonomies = site.taxonomies + [site.dialogues]
        var offsets: [Int] = []
        var count = 0
        for taxonomy in taxonomies {
            offsets.append(count)
            count += taxonomy.terms.count
        }
        self.offsets = offsets
        self.count = count
        ofArticle = site.articles.map { published in
            var numbers: [Int] = []
            for (position, terms) in published.terms.enumerated() { numbers += terms.map { offsets[position] + $0 } }
            if let dialogue = published.dialogue { numbers.append(offsets[site.taxonomies.count] + dialogue) }
            return numbers
        }
    }

    /// The number of term `term` of `taxonomies[taxonomy]`.
    func number(taxonomy: Int, term: Int) -> Int { offsets[taxonomy] + term }

    /// The position in `taxonomies` of the taxonomy of term `number`.
    func taxonomy(of number: Int) -> Int {
        // The last taxonomy starting at or before it (an empty one starts where the next does).
        offsets.lastIndex { $0 <= number }!
    }
}
