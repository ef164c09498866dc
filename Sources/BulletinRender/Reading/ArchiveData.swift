import BulletinCore
import BulletinContent
package import BulletinResolve

/// What a language's archive shows: the years with their counts, or one year's articles under
/// a heading per month. All of it follows from front matter (dates), so a page of the archive
/// is rendered again when an article moves, and reads the cards of the articles it lists.
package enum ArchiveData: Sendable, Equatable {
    /// The years, newest first, each with its article count.
    case years([TermReadingData.YearCount])
    /// One year's months, newest first, each with its articles (content paths), newest first.
    case months([Month])

    package struct Month: Sendable, Equatable {
        package let month: Int
        package let articles: [String]
    }

    /// The archive of every language, by key.
    static func all(site: Site) -> [RenderInputs.ArchiveKey: ArchiveData] {
        var result: [RenderInputs.ArchiveKey: ArchiveData] = [:]
        for lang in site.config.languages {
            let years = SitePlanner.years(of: site.articles(in: lang), articles: site.articles)
            result[.init(lang: lang, year: nil)] = .years(years.map { TermReadingData.YearCount(year: $0.year, count: $0.articles.count) })
            for (year, members) in years {
                var months: [Month] = []
                // Within a year, by month as written, newest first; each month's articles
                // keep the order of every list (by instant, newest first).
                let byMonth = Dictionary(grouping: members) { site.articles[$0].article.date.month }
                for month in byMonth.keys.sorted(by: >) {
                    months.append(Month(month: month, articles: byMonth[month]!.map { site.articles[$0].article.path }))
                }
                result[.init(lang: lang, year: year)] = .months(months)
            }
        }
        return result
    }
}
