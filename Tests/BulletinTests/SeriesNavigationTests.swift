@testable import BulletinCore
import BulletinBuild
import Foundation
import Testing

/// Series navigation: every article of a series links to the series page and to the reports
/// before and after it on that page (the series page of its language: by date, ties by
/// session, another language's report for a session with none in its own).
@Suite struct SeriesNavigationTests {
    static func site() -> TestSite {
        var site = ReadingFixture.site([
            "s1": ReadingFixture.article("Session one", "2024-01-10", "dialogue: Harbour Talks\nsession: 1\n"),
            // Two reports on one day: the session number orders them, not the slug.
            "b-s3": ReadingFixture.article("Session three", "2024-03-05", "dialogue: Harbour Talks\nsession: 3\n"),
            "z-s2": ReadingFixture.article("Session two", "2024-03-05", "dialogue: Harbour Talks\nsession: 2\ntranslationKey: s2\n"),
            "s2-ko": ReadingFixture.article("제2차 회의", "2024-03-06", "dialogue: Harbour Talks\nsession: 2\nlang: ko\ntranslationKey: s2\n"),
            "s1-ko": ReadingFixture.article("제1차 회의", "2024-01-11", "dialogue: Harbour Talks\nsession: 1\nlang: ko\n"),
            "unrelated": ReadingFixture.article("Elsewhere", "2024-02-01"),
            // Background: in the series, without a session, between the 1st and the 2nd.
            "background": ReadingFixture.article("Background", "2024-02-15", "dialogue: Harbour Talks\n"),
        ], siteYAML: "title: Reading\nbaseURL: https://reading.test/\nlanguages: [en, ko]\n")
        site["Templates/i18n/ko.yaml"] = "session: \"제{number}차\"\n"
        return site
    }

    @Test func neighboursAreByDateThenSessionInTheArticlesLanguage() throws {
        let result = Self.site().build()
        #expect(result.succeeded, "\(result.errors.map { $0.formatted() })")
        // English order: s1 (10 Jan), z-s2 (5 Mar, session 2), b-s3 (5 Mar, session 3).
        let two = try #require(result.text("articles/z-s2/index.html"))
        let box = ReadingFixture.links(in: two, after: "class=\"aside-box series-box\"", until: "</section>")
        #expect(box == ["/dialogues/harbour-talks/", "/articles/s1/", "/articles/b-s3/"])
        #expect(two.contains("(2 of 3)"))
        #expect(two.contains("rel=\"prev\" dir=\"auto\">Session one</a> <span class=\"meta\">1st session · <time datetime=\"2024-01-10\">10 January 2024</time>"))
        #expect(two.contains("rel=\"next\" dir=\"auto\">Session three</a> <span class=\"meta\">3rd session · <time datetime=\"2024-03-05\">5 March 2024</time>"))

        // The first has no previous, the last no next.
        let one = try #require(result.text("articles/s1/index.html"))
        #expect(ReadingFixture.links(in: one, after: "class=\"aside-box series-box\"", until: "</section>") == ["/dialogues/harbour-talks/", "/articles/z-s2/"])
        #expect(!one.contains("rel=\"prev\""))
        let three = try #require(result.text("articles/b-s3/index.html"))
        #expect(ReadingFixture.links(in: three, after: "class=\"aside-box series-box\"", until: "</section>") == ["/dialogues/harbour-talks/", "/articles/z-s2/"])
        #expect(!three.contains("rel=\"next\""))

        // Korean: its own series page, which lists session 3 by its English report (5 March),
        // before the Korean report of session 2 (6 March): the neighbours are that page's.
        let koreanPage = try #require(result.text("ko/dialogues/harbour-talks/index.html"))
        #expect(ReadingFixture.links(in: koreanPage, after: "<ol", until: "</ol>") == ["/ko/articles/s1-ko/", "/articles/b-s3/", "/ko/articles/s2-ko/"])
        let koreanOne = try #require(result.text("ko/articles/s1-ko/index.html"))
        #expect(ReadingFixture.links(in: koreanOne, after: "class=\"aside-box series-box\"", until: "</section>") == ["/ko/dialogues/harbour-talks/", "/articles/b-s3/"])
        #expect(koreanOne.contains("rel=\"next\" dir=\"auto\" hreflang=\"en\" lang=\"en\">Session three</a> <span class=\"meta\">제3차 · "))
        // The test's Korean words lack `reading.position`: the English one stands in.
        #expect(koreanOne.contains("<span class=\"position\">(1 of 3)</span>"))
        let korean = try #require(result.text("ko/articles/s2-ko/index.html"))
        #expect(ReadingFixture.links(in: korean, after: "class=\"aside-box series-box\"", until: "</section>") == ["/ko/dialogues/harbour-talks/", "/articles/b-s3/"])
        #expect(korean.contains("rel=\"prev\" dir=\"auto\" hreflang=\"en\" lang=\"en\">Session three</a>"))
        #expect(!korean.contains("rel=\"next\""))

        // A background piece is no report: it is nobody's neighbour, and its own neighbours
        // are the reports either side of its date.
        let background = try #require(result.text("articles/background/index.html"))
        #expect(ReadingFixture.links(in: background, after: "class=\"aside-box series-box\"", until: "</section>") == ["/dialogues/harbour-talks/", "/articles/s1/", "/articles/z-s2/"])
        #expect(!background.contains("class=\"position\""))

        // An article without a series has no series box.
        let unrelated = try #require(result.text("articles/unrelated/index.html"))
        #expect(!unrelated.contains("series-box"))
    }
}
