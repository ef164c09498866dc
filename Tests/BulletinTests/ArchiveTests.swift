import BulletinBuild
@testable import BulletinCore
import Foundation
import Testing

/// `/archive/` (years with counts, newest first) and `/archive/<year>/` (months as headings,
/// newest first), in each language, linked from the navigation and listed in the sitemap.
@Suite struct ArchiveTests {
    static func site() -> TestSite {
        var site = ReadingFixture.site([
            "y1": ReadingFixture.article("Year end", "2023-12-31"),
            "j": ReadingFixture.article("January", "2024-01-15"),
            "m1": ReadingFixture.article("Early March", "2024-03-01"),
            "m2": ReadingFixture.article("Late March", "2024-03-20"),
            "k": ReadingFixture.article("February ko", "2024-02-01", "lang: ko\n"),
        ], siteYAML: "title: Reading\nbaseURL: https://reading.test/\nlanguages: [en, ko]\n")
        site["Templates/i18n/ko.yaml"] = "nav: {archive: 보관}\n"
        return site
    }

    @Test func theIndexListsYearsWithCountsNewestFirst() throws {
        let result = Self.site().build()
        #expect(result.succeeded, "\(result.errors.map { $0.formatted() })")
        let index = try #require(result.text("archive/index.html"))
        #expect(ReadingFixture.links(in: index, after: "<ul class=\"archive-years\">") == ["/archive/2024/", "/archive/2023/"])
        #expect(index.contains("<a href=\"/archive/2024/\">2024</a> <span class=\"count\">3 articles</span>"))
        #expect(index.contains("<a href=\"/archive/2023/\">2023</a> <span class=\"count\">1 article</span>"))
        // Linked from the navigation of every page, current on its own.
        #expect(index.contains("<a href=\"/archive/\" aria-current=\"page\""))
        #expect(try #require(result.text("index.html")).contains("<a href=\"/archive/\""))
        let sitemap = try #require(result.text("sitemap.xml"))
        for url in ["archive/", "archive/2024/", "archive/2023/", "ko/archive/", "ko/archive/2024/"] {
            #expect(sitemap.contains("<loc>https://reading.test/\(url)</loc>"))
        }
    }

    @Test func aYearListsItsArticlesUnderMonthsNewestFirst() throws {
        let result = Self.site().build()
        let year = try #require(result.text("archive/2024/index.html"))
        let march = try #require(year.range(of: "<h2 id=\"month_3\">March</h2>"))
        let january = try #require(year.range(of: "<h2 id=\"month_1\">January</h2>"))
        #expect(march.lowerBound < january.lowerBound)
        #expect(!year.contains("month_2"))  // February's article is Korean
        let late = try #require(year.range(of: "/articles/m2/"))
        let early = try #require(year.range(of: "/articles/m1/"))
        #expect(late.lowerBound < early.lowerBound && early.lowerBound < january.lowerBound)
        #expect(!year.contains("/articles/y1/"))
    }

    @Test func eachLanguageHasItsOwnArchive() throws {
        let result = Self.site().build()
        let korean = try #require(result.text("ko/archive/index.html"))
        #expect(ReadingFixture.links(in: korean, after: "<ul class=\"archive-years\">") == ["/ko/archive/2024/"])
        #expect(korean.contains(">보관</a>"))
        #expect(result.text("ko/archive/2024/index.html")?.contains("/ko/articles/k/") == true)
        #expect(result.text("ko/archive/2023/index.html") == nil)
    }

    @Test func archiveAndDataAreReservedSlugs() throws {
        var site = Self.site()
        site["Content/pages/archive.md"] = "---\ntitle: Mine\n---\n"
        site["Content/pages/data.md"] = "---\ntitle: Data\n---\n"
        let result = site.build()
        #expect(result.errors.filter { $0.code == .reservedSlug }.count == 2, "\(result.errors.map { $0.formatted() })")
    }
}
