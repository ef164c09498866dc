import BulletinCore
import BulletinContent
package import BulletinResolve

/// An article's place in its dialogue series, in its language: the series page and the
/// session reports before and after it.
package struct SeriesNavigation: Sendable, Equatable {
    /// The series' name in the article's language.
    package let name: String
    /// The series page in the article's language.
    package let path: String
    package let previous: ArticleReference?
    package let next: ArticleReference?
    /// For a session report, its position (from 1) among the series' reports of its
    /// language; nil for another article of the series (a background piece).
    package let position: Int?
    /// The number of the series' session reports in the article's language.
    package let count: Int

    /// The navigation of every article that has a series, by index into `site.articles`.
    ///
    /// The neighbours are session reports (articles with a `session`) of the article's
    /// language, in the order a reader follows the series: by date, oldest first (by
    /// instant), ties by session, then by URL. An article of the series without a session
    /// number sits among them by its date, so that a background piece links to the sessions
    /// before and after it.
    package static func all(site: Site) -> [Int: SeriesNavigation] {
        var result: [Int: SeriesNavigation] = [:]
        func precedes(_ a: Int, _ b: Int) -> Bool {
            let left = site.articles[a]
            let right = site.articles[b]
            // By instant: two dates written with different offsets may be the same moment.
            let (x0, y0) = (left.article.date, right.article.date)
            if !x0.isSameInstant(as: y0) { return x0 < y0 }
            let (x, y) = (left.article.session ?? Int.max, right.article.session ?? Int.max)
            if x != y { return x < y }
            return left.path.codePointPrecedes(right.path)
        }
        for term in site.dialogues.terms {
            for lang in term.languages {
                let members = term.articles(in: lang)
                guard !members.isEmpty else { continue }
                let reports = members.filter { site.articles[$0].article.session != nil }.sorted(by: precedes)
                let name = term.name(in: lang)
                let path = site.routes.localized(term.path, lang)
                for index in members {
                    let position = reports.firstIndex(of: index)
                    // Where the article falls among the reports: before the first report that
                    // comes after it.
                    let after = reports.firstIndex { $0 != index && precedes(index, $0) } ?? reports.count
                    let before = position ?? after
                    result[index] = SeriesNavigation(
                        name: name, path: path,
                        previous: before > 0 ? ArticleReference(reports[before - 1], site: site) : nil,
                        next: after < reports.count ? ArticleReference(reports[after], site: site) : nil,
                        position: position.map { $0 + 1 }, count: reports.count)
                }
            }
        }
        return result
    }
}
