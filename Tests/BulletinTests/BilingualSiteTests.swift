@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinRender
@testable import BulletinBuild
import Foundation
import Testing

/// A site in English and Korean, over the default theme: what a reader of each language sees
/// (dates, session labels, `<html lang>`), how the versions of a page point at each other
/// (`hreflang` alternates, the language switcher), and the theme's words per language.
@Suite struct BilingualSiteTests {
    /// A fictional two-language site: one meeting reported in both languages, one English
    /// article without a translation, one Korean article without an English one.
    static func site() -> TestSite {
        var site = TestSite.standard()
        site["Content/site.yaml"] = """
            title: Bilingual Test
            baseURL: https://bilingual.test/
            description: A site in two languages.
            languages:
              en:
                title: Bilingual Test
                description: A site in two languages.
              ko:
                title: 이중 언어 시험
                description: 두 언어로 된 시험 사이트.
            perPage: 2

            """
        site["Content/articles/first.md"] = """
            ---
            title: Seventh meeting in Seoul
            date: 2025-05-20
            dialogue: test-dialogue
            session: 7
            location: Seoul
            agencies: [kisa]
            translationKey: seventh
            ---

            The delegations met in Seoul.

            """
        site["Content/articles/ko/first.md"] = """
            ---
            title: 서울에서 열린 제7차 회의
            date: 2025-05-20
            lang: ko
            dialogue: test-dialogue
            session: 7
            location: 서울
            agencies: [kisa]
            translationKey: seventh
            ---

            대표단은 서울에서 만났다.

            """
        site["Content/articles/ko/only.md"] = """
            ---
            title: 한국어로만 쓴 기사
            date: 2025-03-02
            lang: ko
            agencies: [kisa]
            ---

            영어 번역은 없다.

            """
        site["Content/dialogues/test-dialogue.md"] = "---\nname: Test Dialogue\nnames:\n  ko: 시험 대화\n---\n\nA dialogue series for tests.\n"
        return site
    }

    /// Messages about a whole key point at the line and column where that key is written:
    /// the second article of a language to take a translationKey, and a translation whose
    /// terms differ from the original's.
    @Test func messagesAboutAKeyPointAtIt() throws {
        var site = Self.site()
        site["Content/articles/second.md"] = """
            ---
            title: Another seventh
            date: 2025-05-21
            agencies: [kisa]
            translationKey: seventh
            ---

            Text.

            """
        let shared = try #require(site.build().errors.first { $0.message.contains("share the translationKey 'seventh'") })
        #expect(shared.location == SourceLocation(file: "Content/articles/second.md", line: 5, column: 1))
        site["Content/articles/second.md"] = nil
        site["Content/articles/ko/first.md"] = site["Content/articles/ko/first.md"]!.replacingOccurrences(of: "agencies: [kisa]", with: "agencies: []")
        let drift = try #require(site.build().warnings.first { $0.code == .translationDrift })
        // On the translation, at its `agencies:` line (the eighth of the file).
        #expect(drift.location == SourceLocation(file: "Content/articles/ko/first.md", line: 8, column: 1), "\(drift.formatted())")
        let lines = try #require(site["Content/articles/ko/first.md"]).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[7].hasPrefix("agencies:"))
    }

    /// Every `<link rel="alternate" hreflang>` of a page, as `lang url`.
    static func alternates(_ html: String) -> Set<String> {
        let pattern = /<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/
        return Set(html.matches(of: pattern).map { "\($0.1) \($0.2)" })
    }

    /// The language switcher's links, as written.
    static func switcher(_ html: String) -> [String] {
        guard let nav = html.firstMatch(of: /<nav class="language-switcher"[^>]*>(?s)(.*?)<\/nav>/) else { return [] }
        return nav.1.matches(of: /<a [^>]*>[^<]*<\/a>/).map { String($0.0) }
    }

    @Test func koreanPagesWriteDatesAndSessionsTheKoreanWay() throws {
        let result = Self.site().build()
        #expect(result.errors.isEmpty, "\(result.errors)")
        let korean = try #require(result.text("ko/articles/first/index.html"))
        #expect(korean.contains(">2025년 5월 20일</time>"))
        #expect(korean.contains("제7차"))
        #expect(!korean.contains("7th session"))
        #expect(!korean.contains("20 May 2025"))
        let english = try #require(result.text("articles/first/index.html"))
        #expect(english.contains(">20 May 2025</time>"))
        #expect(english.contains("7th session"))
        #expect(!english.contains("제7차"))
        // The series page in Korean, and the theme's fixed words.
        let series = try #require(result.text("ko/dialogues/test-dialogue/index.html"))
        #expect(series.contains("<h3>제7차</h3>"))
        let home = try #require(result.text("ko/index.html"))
        #expect(home.contains(">최신 기사</h2>"))
        #expect(home.contains(">본문으로 건너뛰기</a>"))
        #expect(!home.contains("Latest articles"))
    }

    @Test(arguments: [
        ("index.html", "en"), ("ko/index.html", "ko"), ("articles/first/index.html", "en"), ("ko/articles/first/index.html", "ko"),
        ("ko/articles/only/index.html", "ko"), ("ko/agencies/kisa/index.html", "ko"), ("ko/search/index.html", "ko"),
        ("404.html", "en"),
    ])
    func eachPageSaysItsLanguage(path: String, lang: String) throws {
        let html = try #require(Self.site().build().text(path))
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"\(lang)\">"))
    }

    @Test func translatedArticlesDeclareEachOtherReciprocally() throws {
        let result = Self.site().build()
        let expected: Set = [
            "en https://bilingual.test/articles/first/", "ko https://bilingual.test/ko/articles/first/",
            "x-default https://bilingual.test/articles/first/",
        ]
        #expect(Self.alternates(try #require(result.text("articles/first/index.html"))) == expected)
        #expect(Self.alternates(try #require(result.text("ko/articles/first/index.html"))) == expected)
        // An article with no translation has no versions to declare.
        #expect(Self.alternates(try #require(result.text("ko/articles/only/index.html"))).isEmpty)
    }

    @Test(arguments: [
        ("index.html", "ko/index.html", "", "ko/"),
        ("articles/index.html", "ko/articles/index.html", "articles/", "ko/articles/"),
        ("agencies/kisa/index.html", "ko/agencies/kisa/index.html", "agencies/kisa/", "ko/agencies/kisa/"),
        ("dialogues/index.html", "ko/dialogues/index.html", "dialogues/", "ko/dialogues/"),
    ])
    func listPagesDeclareTheirCounterparts(english: String, korean: String, englishURL: String, koreanURL: String) throws {
        let result = Self.site().build()
        let base = "https://bilingual.test/"
        let expected: Set = ["en \(base)\(englishURL)", "ko \(base)\(koreanURL)", "x-default \(base)\(englishURL)"]
        #expect(Self.alternates(try #require(result.text(english))) == expected)
        #expect(Self.alternates(try #require(result.text(korean))) == expected)
    }

    @Test func theSwitcherLinksToTheTranslationOrElseTheOtherHome() throws {
        let result = Self.site().build()
        #expect(Self.switcher(try #require(result.text("articles/first/index.html")))
            == [#"<a href="/ko/articles/first/" hreflang="ko" lang="ko" rel="alternate">한국어</a>"#])
        #expect(Self.switcher(try #require(result.text("ko/articles/first/index.html")))
            == [#"<a href="/articles/first/" hreflang="en" lang="en" rel="alternate">English</a>"#])
        // No English version: the English home.
        #expect(Self.switcher(try #require(result.text("ko/articles/only/index.html")))
            == [#"<a href="/" hreflang="en" lang="en">English</a>"#])
        // A term's page links to the same term's page in the other language.
        #expect(Self.switcher(try #require(result.text("ko/agencies/kisa/index.html")))
            == [#"<a href="/agencies/kisa/" hreflang="en" lang="en" rel="alternate">English</a>"#])
        // The switcher is in the site's header, where a keyboard reaches it after the sections.
        let html = try #require(result.text("index.html"))
        let header = try #require(html.firstMatch(of: /(?s)<header class="site-header">.*?<\/header>/))
        #expect(header.0.contains(#"<nav class="language-switcher" aria-label="Languages">"#))
        // The language being read is named, marked current, and is not a link.
        #expect(header.0.contains(#"<li><span lang="en" aria-current="true">English</span></li>"#))
        #expect(try #require(result.text("ko/index.html")).contains(#"<li><span lang="ko" aria-current="true">한국어</span></li>"#))
    }

    /// Every link of both languages leads somewhere (the Korean pages' stylesheet, the
    /// switcher), and every hreflang alternate is absolute and reciprocal.
    @Test func everyLinkOfBothLanguagesResolves() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.site().write(to: folder.path)
        let result = Builder.run(BuildOptions(
            contentPath: folder.path + "/Content", templatesPath: folder.path + "/Templates", outputPath: folder.path + "/Public",
            now: TestSite.now))
        #expect(result.succeeded)
        let checker = SiteLinkChecker(root: folder.path + "/Public", baseURL: URL(string: "https://bilingual.test/")!)
        let (pages, _, problems) = try checker.check()
        #expect(pages > 20)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        let korean = try String(contentsOfFile: folder.path + "/Public/ko/index.html", encoding: .utf8)
        #expect(korean.contains(#"<link rel="stylesheet" href="/assets/style.css">"#))
    }

    @Test func aSiteOfOneLanguageHasNoneOfIt() throws {
        var site = Self.site()
        site["Content/site.yaml"] = "title: One Language\nbaseURL: https://one.test/\n"
        site["Content/articles/ko/first.md"] = nil
        site["Content/articles/ko/only.md"] = nil
        let result = site.build()
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(!result.paths.contains { $0.hasPrefix("ko/") })
        for path in result.paths where path.hasSuffix(".html") {
            let html = try #require(result.text(path))
            #expect(!html.contains("hreflang"), "\(path)")
            #expect(!html.contains("language-switcher"), "\(path)")
        }
    }

    @Test func theThemeHasEveryWordInBothLanguages() throws {
        let result = Self.site().build()
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.message))")
    }

    @Test func aWordMissingInKoreanIsAWarningAndTheEnglishWordIsUsed() throws {
        var site = Self.site()
        let korean = try #require(site.allFiles["Templates/i18n/ko.yaml"])
        site["Templates/i18n/ko.yaml"] = korean.replacingOccurrences(of: "  latest: 최신 기사\n", with: "")
        let result = site.build()
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first { $0.code == .missingKey })
        #expect(warning.location.file == "Templates/i18n/ko.yaml")
        #expect(warning.message.contains("'home.latest'"))
        #expect(result.warnings.count == 1)
        let home = try #require(result.text("ko/index.html"))
        #expect(home.contains(">Latest articles</h2>"))
    }

    // MARK: - The theme's files of words

    static func words(_ lang: String) throws -> [String: String] {
        let tree = SourceTree(files: TestSite.defaultTheme.filter { $0.key.hasPrefix("Templates/i18n/") })
        let (strings, diagnostics) = LanguageStrings.load(from: tree, languages: lang == "en" ? ["en"] : ["en", lang])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        return try #require(strings[lang]).words
    }

    /// en.yaml is what Bulletin says without it: an editor copying it copies every word.
    @Test func theEnglishFileHoldsBulletinsOwnWords() throws {
        let file = try #require(TestSite.defaultTheme["Templates/i18n/en.yaml"])
        let tree = SourceTree(files: ["Templates/i18n/en.yaml": file])
        let (strings, _) = LanguageStrings.load(from: tree, languages: ["en"])
        #expect(try #require(strings["en"]).words == BuiltInStrings.english)
    }

    /// Every `{{i18n.<key>}}` of the theme's templates is a word of both files.
    @Test func everyWordTheTemplatesUseIsInBothFiles() throws {
        let english = try Self.words("en"), korean = try Self.words("ko")
        var used: Set<String> = []
        for (path, text) in TestSite.defaultTheme where path.hasSuffix(".mustache") {
            for match in text.matches(of: /\{\{\s*i18n\.([A-Za-z0-9.]+)\s*\}\}/) { used.insert(String(match.1)) }
        }
        #expect(used.count > 30)
        for key in used.sorted() {
            #expect(english[key] != nil, "\(key) is not in en.yaml")
            #expect(korean[key] != nil && korean[key] != english[key] || key.hasPrefix("languages."), "\(key) is not translated in ko.yaml")
        }
    }
}
