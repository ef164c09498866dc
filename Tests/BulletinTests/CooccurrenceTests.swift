@testable import BulletinCore
import BulletinBuild
import Foundation
import Testing

/// Co-occurrence and years on term and series pages, counted by hand below.
@Suite struct CooccurrenceTests {
    /// kisa is on a1, a2, a3, a4: with it, eeas twice (a1, a2), ransomware twice (a1, a3), the
    /// series D, mofa and phishing once each. Ties by name in code-point order: eeas before
    /// ransomware; D (capital) before mofa before phishing. kisa's years: 2023 one article,
    /// 2024 two, 2025 none, 2026 one.
    static func site() -> TestSite {
        var site = ReadingFixture.site([
            "a1": ReadingFixture.article("A1", "2023-05-01", "agencies: [kisa, eeas]\nthreats: [ransomware]\ndialogue: D\n"),
            "a2": ReadingFixture.article("A2", "2024-02-01", "agencies: [kisa, eeas]\nthreats: [phishing]\n"),
            "a3": ReadingFixture.article("A3", "2024-03-01", "agencies: [kisa]\nthreats: [ransomware]\n"),
            "a4": ReadingFixture.article("A4", "2026-01-01", "agencies: [kisa, mofa]\n"),
            "a5": ReadingFixture.article("A5", "2024-04-01", "agencies: [eeas]\n"),
            "k1": ReadingFixture.article("K1", "2024-04-02", "agencies: [kisa, nis]\nlang: ko\n"),
        ], siteYAML: "title: Reading\nbaseURL: https://reading.test/\nlanguages: [en, ko]\n")
        site["Templates/i18n/ko.yaml"] = "nav: {articles: 기사}\n"
        return site
    }

    @Test func aTermPageNamesTheTermsFoundWithItMostSharedFirstTiesByName() throws {
        let result = Self.site().build()
        #expect(result.succeeded, "\(result.errors.map { $0.formatted() })")
        let kisa = try #require(result.text("agencies/kisa/index.html"))
        #expect(ReadingFixture.links(in: kisa, after: "<section class=\"term-companions\"") == [
            "/agencies/eeas/", "/threats/ransomware/", "/dialogues/d/", "/agencies/mofa/", "/threats/phishing/",
        ])
        #expect(kisa.contains("<a href=\"/agencies/eeas/\" dir=\"auto\">eeas</a> <span class=\"count\">2 articles</span>"))
        #expect(kisa.contains("<a href=\"/agencies/mofa/\" dir=\"auto\">mofa</a> <span class=\"count\">1 article</span>"))
        // Counted over the page's language: the Korean page knows only nis.
        let korean = try #require(result.text("ko/agencies/kisa/index.html"))
        #expect(ReadingFixture.links(in: korean, after: "<section class=\"term-companions\"") == ["/ko/agencies/nis/"])
        // A series page has them too: eeas, kisa, ransomware, once each, by name.
        let series = try #require(result.text("dialogues/d/index.html"))
        #expect(ReadingFixture.links(in: series, after: "<section class=\"term-companions\"") == [
            "/agencies/eeas/", "/agencies/kisa/", "/threats/ransomware/",
        ])
    }

    @Test func theYearsAreABarChartAndATableWithTheSameNumbers() throws {
        let kisa = try #require(Self.site().build().text("agencies/kisa/index.html"))
        // Four years (2025 kept, with no article); the tallest bar (2 articles) 60 units high.
        #expect(kisa.contains("<svg class=\"year-chart\" width=\"128\" height=\"80\" viewBox=\"0 0 128 80\" aria-hidden=\"true\" focusable=\"false\">"))
        #expect(kisa.contains("<rect x=\"4\" y=\"30\" width=\"24\" height=\"30\"></rect>"))
        #expect(kisa.contains("<rect x=\"36\" y=\"0\" width=\"24\" height=\"60\"></rect>"))
        #expect(kisa.contains("<rect x=\"68\" y=\"60\" width=\"24\" height=\"0\"></rect>"))
        #expect(kisa.contains("<text x=\"112\" y=\"76\" text-anchor=\"middle\">2026</text>"))
        for (year, count) in [(2023, 1), (2024, 2), (2025, 0), (2026, 1)] {
            #expect(kisa.contains("<tr><th scope=\"row\">\(year)</th><td>\(count)</td></tr>"))
        }
    }

    @Test func atMostEightCompanions() throws {
        let site = ReadingFixture.site([
            "hub": ReadingFixture.article("Hub", "2024-01-01", "agencies: [hub, c1, c2, c3, c4, c5, c6, c7, c8, c9]\n"),
            "more": ReadingFixture.article("More", "2024-01-02", "agencies: [hub, c9]\n"),
        ])
        let hub = try #require(site.build().text("agencies/hub/index.html"))
        // c9 is shared twice, so first; then c1...c7 by name; c8 is the ninth and left out.
        #expect(ReadingFixture.links(in: hub, after: "<section class=\"term-companions\"") == [
            "/agencies/c9/", "/agencies/c1/", "/agencies/c2/", "/agencies/c3/", "/agencies/c4/", "/agencies/c5/",
            "/agencies/c6/", "/agencies/c7/",
        ])
    }
}
