import BulletinCore
import BulletinContent
package import BulletinResolve

/// An article's place in its dialogue series, in its language: the series page and its
/// neighbours on that page.
package struct SeriesNavigation: Sendable, Equatable {
    /// The series' name in the article's language.
    package let name: String
    /// The series page in the article's language.
    package let path: String
    package let previous: ArticleReference?
    package let next: ArticleReference?
    /// For a session report, its position (from 1) among the reports its series page lists;
    /// nil for another article of the series (a background piece).
    package let position: Int?
    /// The number of reports the series page of the article's language lists.
    package let count: Int

    /// The navigation of every article that has a series, by index into `site.articles`.
    ///
    /// The neighbours are those on the series page of the article's language
    /// (`SeriesData.sessions`): the session reports by date, ties by session, each session in
    /// that language where it has a report there and in another language where it has not.
    /// An article of the series without a session number is not on that list; it sits among
    /// the reports by its date (by instant, ties by URL), so that a background piece links to
    /// the sessions before and after it.
    package static func all(site: Site) -> [Int: SeriesNavigation] {
        @Sendable func precedes(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (site.articles[a].article.date, site.articles[b].article.date)
            // By instant: two dates written with different offsets may be the same moment.
            if !x.isSameInstant(as: y) { return x < y }
            return site.articles[a].path.codePointPrecedes(site.articles[b].path)
        }
        // Each series on a core of its own (a hundred series of a hundred reports took one
        // core 20 ms); an article is in one series, in its own language.
        let perSeries = Parallel.map(site.dialogues.terms) { term -> [(Int, SeriesNavigation)] in
            var found: [(Int, SeriesNavigation)] = []
            for lang in term.languages {
                let members = term.articles(in: lang)
                guard !members.isEmpty else { continue }
                let reports = SeriesData.sessions(term, lang: lang, site: site).flatMap(\.articles)
                var positions: [Int: Int] = [:]
                for (position, report) in reports.enumerated() where positions[report] == nil { positions[report] = position }
                let name = term.name(in: lang)
                let path = site.routes.localized(term.path, lang)
                for index in members {
                    let position = positions[index]
                    // A report's neighbours are beside it; another article goes before the
                    // first report that comes after it.
                    let after = position.map { $0 + 1 } ?? reports.firstIndex { precedes(index, $0) } ?? reports.count
                    let before = position ?? after
                    found.append((index, SeriesNavigation(
                        name: name, path: path,
                        previous: before > 0 ? ArticleReference(reports[before - 1], site: site) : nil,
                        next: after < reports.count ? ArticleReference(reports[after], site: site) : nil,
                        position: position.map { $0 + 1 }, count: reports.count)))
                }
            }
            return found
        }
        var result: [Int: SeriesNavigation] = [:]
        result.reserveCapacity(perSeries.reduce(0) { $0 + $1.count })
        for series in perSeries {
            for (index, navigation) in series { result[index] = navigation }
        }
        return result
    }
}
