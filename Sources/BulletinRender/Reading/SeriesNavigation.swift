import BulletinCore
import BulletinContent
package import BulletinResolve

/// An article's place in its dialogue series, in its language: the series page and the
/// reports before and after it.
package struct SeriesNavigation: Sendable, Equatable {
    /// The series' name in the article's language.
    package let name: String
    /// The series page in the article's language.
    package let path: String
    package let previous: ArticleReference?
    package let next: ArticleReference?
    /// Its position (from 1) among the series' articles of its language, and their number.
    package let position: Int
    package let count: Int

    /// The navigation of every article that has a series, by index into `site.articles`.
    ///
    /// The series' articles of one language are put in the order a reader follows the
    /// series: by date, oldest first (by instant), ties by session (an article without one
    /// after those with one), then by URL, so that two reports on one day keep their order.
    package static func all(site: Site) -> [Int: SeriesNavigation] {
        var result: [Int: SeriesNavigation] = [:]
        for term in site.dialogues.terms {
            for lang in term.languages {
                let ordered = term.articles(in: lang).sorted { a, b in
                    let left = site.articles[a]
                    let right = site.articles[b]
                    if left.article.date != right.article.date { return left.article.date < right.article.date }
                    let (x, y) = (left.article.session ?? Int.max, right.article.session ?? Int.max)
                    if x != y { return x < y }
                    return left.path.codePointPrecedes(right.path)
                }
                let name = term.name(in: lang)
                let path = site.routes.localized(term.path, lang)
                for (position, index) in ordered.enumerated() {
                    result[index] = SeriesNavigation(
                        name: name, path: path,
                        previous: position > 0 ? ArticleReference(ordered[position - 1], site: site) : nil,
                        next: position + 1 < ordered.count ? ArticleReference(ordered[position + 1], site: site) : nil,
                        position: position + 1, count: ordered.count)
                }
            }
        }
        return result
    }
}
