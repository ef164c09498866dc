@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinResolve
@testable import BulletinRender
@testable import BulletinBuild
import Foundation
import Testing

/// Related articles: the contract's formula, `Σ weight(taxonomy) × ln(1 + N / df)` over the
/// shared terms, with every expected score and order worked out by hand below.
@Suite struct RelatedArticlesTests {
    /// N = 5. alpha, beta, ransomware and the series D each on 2 articles, gamma on 1:
    /// each shared term is worth ln(1 + 5/2) = ln 3.5, the series twice that.
    ///   q shares beta and ransomware: 2 ln 3.5 = 2.5055
    ///   s shares the series D:        2 ln 3.5 = 2.5055 (a tie with q: q is newer)
    ///   p shares alpha:                 ln 3.5 = 1.2528
    ///   r shares nothing: not listed.
    static func shared(_ siteYAML: String = "title: Reading\nbaseURL: https://reading.test/\n") -> TestSite {
        ReadingFixture.site([
            "x": ReadingFixture.article("X", "2024-05-01", "agencies: [alpha, beta]\nthreats: [ransomware]\ndialogue: D\n"),
            "p": ReadingFixture.article("P", "2024-04-01", "agencies: [alpha]\n"),
            "q": ReadingFixture.article("Q", "2024-03-01", "agencies: [beta]\nthreats: [ransomware]\n"),
            "r": ReadingFixture.article("R", "2024-02-01", "agencies: [gamma]\n"),
            "s": ReadingFixture.article("S", "2024-01-01", "dialogue: D\n"),
        ], siteYAML: siteYAML)
    }

    static func related(_ result: BuildResult, _ path: String) throws -> [String] {
        ReadingFixture.links(in: try #require(result.text(path)), after: "<ul class=\"related\">")
    }

    /// The scores of `path`'s related articles, from the same code the pages use.
    static func scores(_ site: TestSite, _ slug: String) throws -> [(String, Double)] {
        var clock = PhaseClock()
        let prepared = PreparedBuild(site.tree(), options: BuildOptions(now: TestSite.now), clock: &clock)
        let built = prepared.site
        let index = try #require(built.articles.firstIndex { $0.article.slug == slug })
        var scratch = RelatedArticles.Scratch(articles: built.articles.count)
        return RelatedArticles(site: built).scored(index, limit: 10, scratch: &scratch).map { (built.articles[$0.article].article.slug, $0.score) }
    }

    /// The preview scores again only the lists that can differ from the last update's, and
    /// reuses the others: after each edit of a seeded sequence (dates, with ties, terms
    /// joined and left, series, added and removed articles, the list's length), the lists
    /// are every one as scoring all of them gives.
    @Test func reusedListsAreThoseScoringAgainGives() throws {
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func article(_ number: Int) -> String {
            let agencies = (0..<(1 + next(3))).map { _ in "a\(next(5))" }.joined(separator: ", ")
            let threats = next(2) == 0 ? "threats: [t\(next(3))]\n" : ""
            let dialogue = next(3) == 0 ? "dialogue: D\(next(2))\n" : ""
            return ReadingFixture.article("N\(number)", "2024-0\(1 + next(3))-1\(next(3))", "agencies: [\(agencies)]\n" + threats + dialogue)
        }
        var articles: [String: String] = [:]
        for number in 0..<30 { articles["n\(number)"] = article(number) }
        var yaml = "title: Reading\nbaseURL: https://reading.test/\n"
        func site() -> Site {
            var clock = PhaseClock()
            return PreparedBuild(ReadingFixture.site(articles, siteYAML: yaml).tree(), options: BuildOptions(now: TestSite.now), clock: &clock).site
        }
        var memo = RelatedArticles(site: site()).all(reusing: nil).memo
        var reusedAny = false
        for step in 0..<40 {
            let name = "n\(next(32))"
            switch step % 6 {
            case 0:
                articles[name] = articles[name].map { text in
                    text.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { $0.hasPrefix("date: ") ? "date: 2024-0\(1 + next(3))-1\(next(3))" : String($0) }.joined(separator: "\n")
                }
            case 1: articles[name] = article(step)
            case 2: articles[name] = articles[name] == nil ? article(step) : nil
            case 3: yaml = "title: Reading\nbaseURL: https://reading.test/\nrelated:\n  limit: \(1 + next(4))\n"
            case 4:
                // One term fewer: the terms it leaves change, those it keeps do not.
                articles[name] = articles[name].map { text in
                    text.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { $0.hasPrefix("agencies: [") && $0.contains(", ") ? "agencies: [" + $0.split(separator: ", ").dropFirst().joined(separator: ", ") : String($0) }
                        .joined(separator: "\n")
                }
            default: articles[name] = articles[name].map { $0.replacingOccurrences(of: "title: ", with: "title: Re ") }
            }
            let current = RelatedArticles(site: site())
            let (lists, remembered) = current.all(reusing: memo)
            #expect(lists == current.all(), "step \(step)")
            reusedAny = reusedAny || remembered.reused > 0
            memo = remembered
        }
        #expect(reusedAny, "some lists were reused")
    }

    /// Moving articles by their date alone changes no score, only how ties are broken: the
    /// preview keeps the lists such a move cannot reach (the moved article scores below a
    /// full list's last) and scores the others again. After each move of a seeded sequence
    /// (one or two articles, among few days, so that dates tie and decide), every list is as
    /// scoring all of them gives, and some lists sharing a term with a moved article were kept.
    @Test func aDateMoveScoresAgainOnlyTheListsItCanReach() throws {
        var seed: UInt64 = 0xDA7E
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func day() -> String { "2024-0\(1 + next(2))-1\(next(3))" }
        var articles: [String: String] = [:]
        for number in 0..<40 {
            let agencies = (0..<(1 + next(3))).map { _ in "a\(next(8))" }.joined(separator: ", ")
            let threats = next(2) == 0 ? "threats: [t\(next(3))]\n" : ""
            articles["n\(number)"] = ReadingFixture.article("N\(number)", day(), "agencies: [\(agencies)]\n" + threats)
        }
        let yaml = "title: Reading\nbaseURL: https://reading.test/\nrelated:\n  limit: 3\n"
        func site() -> Site {
            var clock = PhaseClock()
            return PreparedBuild(ReadingFixture.site(articles, siteYAML: yaml).tree(), options: BuildOptions(now: TestSite.now), clock: &clock).site
        }
        var memo = RelatedArticles(site: site()).all(reusing: nil).memo
        var keptPastMoves = 0
        var scoredAgain = 0
        for step in 0..<60 {
            for _ in 0..<(1 + step % 2) {
                let name = "n\(next(40))"
                articles[name] = articles[name].map { text in
                    text.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { $0.hasPrefix("date: ") ? "date: \(day())" : String($0) }.joined(separator: "\n")
                }
            }
            let current = RelatedArticles(site: site())
            let (lists, remembered) = current.all(reusing: memo)
            #expect(lists == current.all(), "step \(step)")
            keptPastMoves += remembered.reusedPastMoves
            scoredAgain += lists.count - remembered.reused
            memo = remembered
        }
        #expect(keptPastMoves > 0, "lists a move could not reach were kept")
        #expect(scoredAgain > 0, "lists a move could reach were scored again")
    }

    /// An article with many terms: every shared one counts. N = 4; x carries 18 agencies,
    /// each shared term on 2 articles (ln 3 each): a shares three (3 ln 3), c two (2 ln 3),
    /// b one (ln 3).
    @Test func anArticleWithManyTermsCountsEverySharedOne() throws {
        let many = (1...18).map { "a\($0)" }.joined(separator: ", ")
        let site = ReadingFixture.site([
            "x": ReadingFixture.article("X", "2024-05-01", "agencies: [\(many)]\n"),
            "a": ReadingFixture.article("A", "2024-04-01", "agencies: [a1, a2, a3]\n"),
            "b": ReadingFixture.article("B", "2024-03-01", "agencies: [a4]\n"),
            "c": ReadingFixture.article("C", "2024-02-01", "agencies: [a17, a18]\n"),
        ])
        let ln3 = log(3.0)
        let scores = try Self.scores(site, "x")
        #expect(scores.map(\.0) == ["a", "c", "b"])
        #expect(scores.map(\.1) == [ln3 + ln3 + ln3, ln3 + ln3, ln3])
        #expect(try Self.scores(site, "a").map(\.0) == ["x"])
        #expect(try Self.scores(site, "a").map(\.1) == [ln3 + ln3 + ln3])
    }

    @Test func sharedTermsScoreByRarityAndTheSeriesCountsDouble() throws {
        let result = Self.shared().build()
        #expect(result.succeeded, "\(result.errors.map { $0.formatted() })")
        #expect(try Self.related(result, "articles/x/index.html") == ["/articles/q/", "/articles/s/", "/articles/p/"])
        let scores = try Self.scores(Self.shared(), "x")
        let unit = log(3.5)
        #expect(scores.map(\.0) == ["q", "s", "p"])
        for (score, expected) in zip(scores.map(\.1), [2 * unit, 2 * unit, unit]) { #expect(abs(score - expected) < 1e-12) }
        // From p's side only x shares a term; r's list is empty and its page has no list.
        #expect(try Self.related(result, "articles/p/index.html") == ["/articles/x/"])
        #expect(!(try #require(result.text("articles/r/index.html"))).contains("class=\"related\""))
    }

    @Test func weightsAndLimitComeFromSiteYAML() throws {
        // The series weighs nothing: s drops out; the limit keeps the best two.
        let yaml = "title: Reading\nbaseURL: https://reading.test/\nrelated:\n  limit: 2\n  weights: {dialogues: 0, threats: 3}\n"
        let result = Self.shared(yaml).build()
        #expect(result.succeeded, "\(result.errors.map { $0.formatted() })")
        // q: beta 1 × ln 3.5 + ransomware 3 × ln 3.5 = 4 ln 3.5; p: ln 3.5.
        #expect(try Self.related(result, "articles/x/index.html") == ["/articles/q/", "/articles/p/"])
        let scores = try Self.scores(Self.shared(yaml), "x")
        #expect(abs(scores[0].1 - 4 * log(3.5)) < 1e-12)
    }

    /// N = 6: common on all six (ln 2 = 0.693), medium on three (ln 3 = 1.099), rare on two
    /// (ln 4 = 1.386). a shares common and rare: 2.079; c and d common and medium: 1.792
    /// (d is newer); b and e common only: 0.693 (b is newer). A generic term counts, a rare
    /// one counts more: a comes first though c and d share as many terms.
    @Test func aRareSharedTermOutweighsACommonOne() throws {
        let site = ReadingFixture.site([
            "t": ReadingFixture.article("T", "2024-06-01", "agencies: [common, rare, medium]\n"),
            "a": ReadingFixture.article("A", "2024-01-01", "agencies: [common, rare]\n"),
            "b": ReadingFixture.article("B", "2024-05-01", "agencies: [common]\n"),
            "c": ReadingFixture.article("C", "2024-02-01", "agencies: [common, medium]\n"),
            "d": ReadingFixture.article("D", "2024-03-01", "agencies: [common, medium]\n"),
            "e": ReadingFixture.article("E", "2024-04-01", "agencies: [common]\n"),
        ])
        let result = site.build()
        #expect(try Self.related(result, "articles/t/index.html") == ["/articles/a/", "/articles/d/", "/articles/c/", "/articles/b/", "/articles/e/"])
        let scores = try Self.scores(site, "t").map(\.1)
        for (score, expected) in zip(scores, [Double]([log(2.0) + log(4.0), log(2.0) + log(3.0), log(2.0) + log(3.0), log(2.0), log(2.0)])) {
            #expect(abs(score - expected) < 1e-12)
        }
    }

    @Test func onlyArticlesOfTheSameLanguageAndNeverATranslation() throws {
        var site = ReadingFixture.site([
            "x": ReadingFixture.article("X", "2024-05-01", "agencies: [alpha]\ntranslationKey: x\n"),
            "x-ko": ReadingFixture.article("X ko", "2024-05-02", "agencies: [alpha]\nlang: ko\ntranslationKey: x\n"),
            "y-ko": ReadingFixture.article("Y ko", "2024-05-03", "agencies: [alpha]\nlang: ko\n"),
            "z": ReadingFixture.article("Z", "2024-01-01", "agencies: [alpha]\n"),
        ], siteYAML: "title: Reading\nbaseURL: https://reading.test/\nlanguages: [en, ko]\n")
        site["Templates/i18n/ko.yaml"] = "nav: {articles: 기사}\n"
        let result = site.build()
        #expect(result.succeeded, "\(result.errors.map { $0.formatted() })")
        #expect(try Self.related(result, "articles/x/index.html") == ["/articles/z/"])
        #expect(try Self.related(result, "ko/articles/x-ko/index.html") == ["/ko/articles/y-ko/"])
    }

    @Test func badSettingsAreErrorsAtTheirPlaceWithAHint() throws {
        let yaml = """
            title: Reading
            baseURL: https://reading.test/
            related:
              limit: -1
              weights: {dialogs: 2, agencies: heavy}
              size: 3

            """
        let result = Self.shared(yaml).build()
        #expect(!result.succeeded)
        func find(_ text: String) throws -> Diagnostic {
            try #require(result.diagnostics.first { $0.message.contains(text) }, "no diagnostic says \(text)")
        }
        let limit = try find("'related.limit'")
        #expect(limit.severity == .error && limit.location.line == 4 && limit.location.column == 10)
        let misspelt = try find("'dialogs' is not a taxonomy")
        #expect(misspelt.severity == .error && misspelt.location.line == 5 && misspelt.location.column == 13)
        #expect(misspelt.hint == "did you mean `dialogues`?")
        let heavy = try find("the weight of 'agencies'")
        #expect(heavy.severity == .error && heavy.location.line == 5 && heavy.location.column == 35)
        let unknown = try find("unknown key 'size'")
        #expect(unknown.severity == .warning && unknown.location.line == 6 && unknown.location.column == 3)
        #expect(limit.location.file.hasSuffix("site.yaml"))
    }
}
