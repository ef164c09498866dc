@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinResolve
@testable import BulletinRender
@testable import BulletinBuild
import Foundation
import Testing

@Suite struct ThemeTests {
    /// Dates follow the language's `dates.format`, its placeholders read as any text's are:
    /// a name Bulletin does not fill stays as written, and a language's own month names win.
    @Test func datesAreWrittenFromTheLanguagesFormat() throws {
        let date = try ContentDate.parse("2025-05-20")
        #expect(LanguageStrings(lang: "en", words: [:]).date(date) == "20 May 2025")
        let korean = LanguageStrings(lang: "ko", words: ["dates.format": "{year}년 {monthNumber}월 {day}일"])
        #expect(korean.date(date) == "2025년 5월 20일")
        let odd = LanguageStrings(lang: "xx", words: ["dates.format": "{weekday} {month}/{year}{", "dates.months.5": "Mai"])
        #expect(odd.date(date) == "{weekday} Mai/2025{")
    }

    func load(_ templates: [String: String]) -> (Theme?, [Diagnostic]) {
        var files = TestSite.defaultTheme
        for (name, text) in templates { files["Templates/" + name] = text }
        return Theme.load(from: SourceTree(files: files))
    }

    /// One value given by name fills as the same value given in a dictionary, whatever the
    /// translation holds around it (the pagination's labels).
    @Test func oneNamedValueFillsAsADictionaryOfIt() {
        let translations = ["Page {number}", "{number}쪽", "{number}{number}", "{numbers} {num}", "{number", "no braces", "{\u{212A}}", "{K}", ""]
        for text in translations {
            let strings = LanguageStrings(lang: "xx", words: ["pagination.page": text, "k": text])
            #expect(strings("pagination.page", "number", "7") == strings("pagination.page", ["number": "7"]), "\(text)")
            #expect(strings("k", "K", "kelvin") == strings("k", ["K": "kelvin"]), "\(text)")
        }
        #expect(LanguageStrings(lang: "en", words: [:])("pagination.page", "number", "7") == LanguageStrings(lang: "en", words: [:])("pagination.page", ["number": "7"]))
    }

    /// A translation's `{name}`s are filled with the values given; a name without a value, a
    /// brace never closed and text in any script stay as written.
    @Test func placeholdersAreFilled() {
        #expect(LanguageStrings.fill("{title} — {site}", ["title": "Talks", "site": "Bulletin"]) == "Talks — Bulletin")
        #expect(LanguageStrings.fill("제{number}차 {unknown}", ["number": "7"]) == "제7차 {unknown}")
        #expect(LanguageStrings.fill("{a}{a}{b", ["a": "é"]) == "éé{b")
        #expect(LanguageStrings.fill("no braces", ["a": "x"]) == "no braces")
        #expect(LanguageStrings.fill("{a}", [:]) == "{a}")
        #expect(LanguageStrings.fill("}{a}{", ["a": "{b}"]) == "}{b}{", "a value is not filled again")
        #expect(LanguageStrings.fill("{한국}", ["한국": "Korea"]) == "Korea")
        // A name is matched as a dictionary's key is: canonically equivalent spellings match.
        #expect(LanguageStrings.fill("{cafe\u{301}}", ["café": "x"]) == "x")
        #expect(LanguageStrings.fill("{\u{212A}}", ["K": "kelvin"]) == "kelvin")
        #expect(LanguageStrings.fill("{K}", ["\u{212A}": "kelvin"]) == "kelvin")
        #expect(LanguageStrings.fill("{count}{Count}", ["count": "3"]) == "3{Count}")
    }

    /// A count takes the language's own `.zero` and `.one` when it has them, and `.other`
    /// (the language's, else Bulletin's English, else the key) otherwise; `{count}` is the
    /// number, and only it is filled.
    @Test func countsTakeTheirForms() {
        let strings = LanguageStrings(lang: "xx", words: [
            "counts.articles.zero": "none yet", "counts.articles.one": "one {count} piece {site}",
            "counts.articles.other": "{count} pieces", "counts.things.other": "{count} things", "counts.only.one": "just {count}",
        ])
        #expect(strings.count("counts.articles", 0) == "none yet")
        #expect(strings.count("counts.articles", 1) == "one 1 piece {site}")
        #expect(strings.count("counts.articles", 12) == "12 pieces")
        #expect(strings.count("counts.things", 0) == "0 things")
        #expect(strings.count("counts.things", 1) == "1 things")
        #expect(strings.count("counts.only", 1) == "just 1")
        #expect(strings.count("counts.only", 2) == "counts.only.other")
        #expect(strings.count("counts.nothing", 5) == "counts.nothing.other")
        // With no `.other` anywhere, the key as the caller spells it.
        let accented = LanguageStrings(lang: "xx", words: ["\u{E9}.one": "x"])
        #expect(Array(accented.count("e\u{301}", 2).utf8) == Array("e\u{301}.other".utf8))
        let english = LanguageStrings(lang: "en", words: [:])
        #expect(english.count("counts.articles", 3) == english("counts.articles.other", ["count": "3"]))
    }

    @Test func theDefaultThemeLoadsCleanly() {
        let (theme, diagnostics) = load([:])
        #expect(theme != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func errorsOnTheFirstLineHaveTheirColumnsCorrected() {
        let (_, diagnostics) = load(["home.mustache": "<p>{{#a}}</p>{{/b}}"])
        #expect(diagnostics.first?.location == SourceLocation(file: "Templates/home.mustache", line: 1, column: 14))
    }

    @Test func aRecursivePartialInsideASectionEndsWithItsData() throws {
        var site = TestSite.standard()
        site["Templates/partials/tree.mustache"] = "<ul>{{#children}}<li>{{name}}{{> tree}}</li>{{/children}}</ul>"
        site["Templates/article.mustache"] = TestSite.defaultTheme["Templates/article.mustache"]!
            + "{{#article.params.toc}}{{> tree}}{{/article.params.toc}}\n"
        site["Content/articles/first.md"] = site["Content/articles/first.md"]!.replacingOccurrences(of: "title: First meeting", with: """
            title: First meeting
            toc:
              children:
                - name: Norms
                  children:
                    - {name: Governance, children: []}
            """)
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        #expect(try #require(result.text("articles/first/index.html"))
            .contains("<ul><li>Norms<ul><li>Governance<ul></ul></li></ul></li></ul>"))
    }

    @Test func aBrokenPartialIsOneErrorNotOneMorePerInclude() {
        var tree = SourceTree(files: TestSite.defaultTheme)
        let index = tree.templates.firstIndex { $0.path == "partials/pagination.mustache" }!
        tree.templates[index].bytes = [0x3C, 0x70, 0x3E, 0xFF, 0x0A]
        let (theme, diagnostics) = Theme.load(from: tree)
        #expect(theme == nil)
        #expect(diagnostics.map(\.code) == [.invalidEncoding], "\(diagnostics.map { $0.formatted() })")
    }

    @Test func anUnfinishedTagIsLocated() {
        let (_, diagnostics) = load(["home.mustache": "<p>\n  {{title</p>\n"])
        #expect(diagnostics.first?.code == .templateSyntax)
        #expect(diagnostics.first?.location.line == 2)
    }

    @Test func anExtraTopLevelTemplateIsAWarningWithASuggestion() {
        let (theme, diagnostics) = load(["artcle.mustache": "x"])
        #expect(theme != nil)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.hint == "did you mean article.mustache?")
    }

    @Test func escapingIsPerUnicodeScalar() {
        #expect(HTMLEscaping.escape("a\"\u{301}b") == "a&quot;\u{301}b")
        #expect(HTMLEscaping.escape("<&>'") == "&lt;&amp;&gt;&#39;")
        #expect(HTMLEscaping.escape("plain 한국어") == "plain 한국어")
        // What HTML forbids is left out: controls, C1 controls, noncharacters; white space,
        // Hangul, emoji and the rest stay.
        let nonchar = { (value: UInt32) in String(Unicode.Scalar(value)!) }  // Swift's literals refuse them
        #expect(HTMLEscaping.escape("a\u{1}b\u{1B}c\u{7F}d\u{85}e\(nonchar(0xFFFE))f\(nonchar(0xFDD0))g\(nonchar(0x1FFFF))h") == "abcdefgh")
        #expect(HTMLEscaping.escape("tab\tline\nfeed\u{C}cr\r") == "tab\tline\nfeedcr\r")  // form feed: XML forbids it
        #expect(HTMLEscaping.escape("© « 한 ＡＢ 😀 \u{10FFFD} <") == "© « 한 ＡＢ 😀 \u{10FFFD} &lt;")
        #expect(ForbiddenCodePoints.removed(from: "<p>a\u{1}b</p>") == "<p>ab</p>")
    }

    @Test func templatesEscapeWithTheScalarContentTypeEvenInPartials() throws {
        let tree = SourceTree(files: TestSite.defaultTheme.merging([
            "Templates/page.mustache": "{{> show}}", "Templates/partials/show.mustache": "<b title=\"{{page.title}}\">",
        ]) { $1 }.merging(TestSite.standard().files) { $1 }.merging([
            "Content/pages/p.md": "---\ntitle: \"x\\\"\u{301} onclick=y\"\n---\n",
        ]) { $1 })
        let result = Builder.build(tree, options: BuildOptions(now: TestSite.now))
        let html = try #require(result.text("p/index.html"))
        let expected = "<b title=\"x&quot;\u{301} onclick=y\">"
        #expect(html.contains(expected))
    }

    @Test func pageWindowShowsEdgesAndNeighbours() {
        #expect(Views.pageWindow(current: 1, total: 1) == [1])
        #expect(Views.pageWindow(current: 1, total: 5) == [1, 2, 3, 4, 5])
        #expect(Views.pageWindow(current: 10, total: 20) == [1, 0, 8, 9, 10, 11, 12, 0, 20])
        #expect(Views.pageWindow(current: 4, total: 20) == [1, 2, 3, 4, 5, 6, 0, 20])
        // The same as the rule read page by page, for every list up to 60 pages long.
        for total in 1...60 {
            for current in 1...total {
                var expected: [Int] = []
                for number in 1...total where number == 1 || number == total || abs(number - current) <= 2 {
                    if let last = expected.last, number - last == 2 { expected.append(last + 1) }
                    else if let last = expected.last, number - last > 2 { expected.append(0) }
                    expected.append(number)
                }
                #expect(Views.pageWindow(current: current, total: total) == expected, "\(current) of \(total)")
            }
        }
    }

    @Test func ordinals() {
        #expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(Ordinal.english)
            == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"])
    }
}

@Suite struct TermTests {
    @Test func keysAreNormalised() {
        #expect(TermKey("  Korea   Internet\t& Security ") == TermKey("korea internet & security"))
        #expect(TermKey("ＫＩＳＡ") == TermKey("kisa"))
        #expect(TermKey("STRASSE") == TermKey("Straße"))
        // ASCII text is keyed on its bytes, as the Unicode way keys it: every byte, alone and
        // between letters, and runs of white space of every kind.
        for value in UInt8(0)...127 {
            for text in [String(UnicodeScalar(value)), "A" + String(UnicodeScalar(value)) + "b", " \t" + String(UnicodeScalar(value)) + "\r\n"] {
                #expect(TermKey.asciiKey(text) == TermKey.unicodeKey(text), "\(value)")
            }
        }
        for text in ["", " ", "  Korea   Internet\t& Security ", "KISA\u{0B}\u{0C}CERT", "a\u{1C}b\u{1F}c", "Mixed CASE-id_9"] {
            #expect(TermKey.asciiKey(text) == TermKey.unicodeKey(text), "\(text.debugDescription)")
        }
        #expect(TermKey.asciiKey("Straße") == nil)
        #expect(TermKey("Cafe\u{301}") == TermKey("CAFÉ"))
    }

    @Test func suggestionsFindCloseNamesAndAcronyms() throws {
        let tree = TestSite.standard().tree()
        let (content, _) = ContentParser.parse(tree, baseURLOverride: nil)
        let registry = TermRegistry(taxonomy: "agencies", entries: content.registries["agencies"])
        #expect(registry.suggestions(for: TermKey("Korea Internet Security Agency")) == ["'Korea Internet & Security Agency' (kisa)"])
        #expect(registry.suggestions(for: TermKey("KISAA")).first == "'Korea Internet & Security Agency' (kisa)")
        #expect(registry.suggestions(for: TermKey("Completely different")).isEmpty)
    }

    @Test func editDistanceStopsAtItsLimit() {
        #expect(EditDistance.between("tittle", "title", limit: 2) == 1)
        #expect(EditDistance.between("agencys", "agencies", limit: 2) == 2)
        #expect(EditDistance.between("abc", "xyz", limit: 2) == nil)
        #expect(EditDistance.closest(to: "dat", among: ["date", "draft", "data"], limit: 2) == ["date", "data", "draft"])
    }
}

@Suite struct ConfigTests {
    func config(_ yaml: String) -> (SiteConfig, [Diagnostic]) {
        SiteConfig.decode(SourceFile(path: "site.yaml", displayPath: "Content/site.yaml", bytes: Array(yaml.utf8)), baseURLOverride: nil)
    }

    @Test func defaults() {
        let (config, diagnostics) = config("title: T\nbaseURL: https://x.test\n")
        #expect(diagnostics.isEmpty)
        #expect(config.baseURL.absolute == "https://x.test/")
        #expect(config.language == "en")
        #expect(config.languages == ["en"])
        #expect(config.perPage == 20)
        #expect(config.taxonomies == ["agencies", "frameworks", "threats"])
    }

    @Test func languagesKeepTheirMenuOrder() {
        let (config, diagnostics) = config("title: T\nbaseURL: https://x.test/\nlanguage: ko\nlanguages: [en, ko]\n")
        #expect(diagnostics.isEmpty)
        #expect(config.language == "ko")
        #expect(config.languages == ["en", "ko"])
        #expect(config.isMultilingual)
        #expect(config.reservedSlugs.contains("en") && config.reservedSlugs.contains("ko"))
    }

    /// The question each article's slug is asked answers as the set does, for its members and
    /// for names near them.
    @Test func reservedSlugsAreAskedAsTheSetSays() {
        let (config, _) = config("title: T\nbaseURL: https://x.test/\nlanguage: ko\nlanguages: [en, ko, zh-Hant]\ntaxonomies: [agencies, sectors]\n")
        let set = config.reservedSlugs
        #expect(set.contains("zh-hant") && set.contains("sectors") && set.contains("feed.xml"))
        for slug in set.sorted() + ["zh-Hant", "EN", "agency", "sector", "threats", "feed", "404", "x", "", "e\u{301}"] {
            #expect(config.isReservedSlug(slug) == set.contains(slug), "\(slug)")
        }
    }

    @Test func languagesAsAMappingGiveTitlesAndDescriptions() {
        let (config, diagnostics) = config("""
            title: Cyber Dialogue Bulletin
            description: News on cyber-policy dialogues.
            baseURL: https://x.test/
            languages:
              en:
              ko: {title: 사이버 대화 회보, description: 사이버 정책 대화 소식}

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.formatted() })")
        #expect(config.languages == ["en", "ko"])
        #expect(config.title(in: "en") == "Cyber Dialogue Bulletin")
        #expect(config.title(in: "ko") == "사이버 대화 회보")
        #expect(config.description(in: "ko") == "사이버 정책 대화 소식")
        #expect(config.description(in: "en") == "News on cyber-policy dialogues.")
    }

    @Test(arguments: [
        ("title: T\nbaseURL: https://x.test/\nlanguages: [fr]\n", "must include the default language"),
        ("title: T\nbaseURL: https://x.test/\nlanguage: english!\n", "BCP 47"),
        ("title: T\nbaseURL: https://x.test/\ntaxonomies: [articles]\n", "cannot be a taxonomy"),
        ("title: T\nbaseURL: https://x.test/\ntaxonomies: [Regions]\n", "lowercase ASCII"),
        ("title: T\nbaseURL: https://x.test/?q=1\n", "absolute http or https URL"),
        ("baseURL: https://x.test/\n", "missing 'title'"),
        ("title: T\n", "missing 'baseURL'"),
    ])
    func mistakes(yaml: String, message: String) {
        let (_, diagnostics) = config(yaml)
        #expect(diagnostics.contains { $0.message.contains(message) }, "\(diagnostics.map(\.message))")
    }

    @Test func baseURLs() {
        #expect(BaseURL("https://Example.ORG/Bulletin")?.absolute == "https://example.org/Bulletin/")
        #expect(BaseURL("http://localhost:1313")?.path == "/")
        #expect(BaseURL("example.org") == nil)
        #expect(BaseURL("https://") == nil)
        #expect(BaseURL("javascript:alert(1)") == nil)
    }

    @Test func unusedFilesAreWarnings() {
        var site = TestSite.standard()
        site["Content/articles/photo.jpg"] = "jpeg"
        site["Content/agency/x.md"] = "---\nname: X\n---\n"
        site["Content/notes.md"] = "x"
        let warnings = site.build().warnings
        #expect(warnings.map(\.location.file).sorted() == ["Content/agency/x.md", "Content/articles/photo.jpg", "Content/notes.md"])
        #expect(warnings.first { $0.location.file == "Content/agency/x.md" }?.hint == "did you mean agencies/?")
    }
}

@Suite struct RoutesTests {
    @Test func pathsAndLinks() {
        let routes = Routes(baseURL: BaseURL("https://x.test/b/")!)
        #expect(Routes.outputFile("articles/x/") == "articles/x/index.html")
        #expect(Routes.outputFile("") == "index.html")
        #expect(Routes.outputFile("404.html") == "404.html")
        #expect(Routes.listPage("agencies/kisa/", 1) == "agencies/kisa/")
        #expect(Routes.listPage("agencies/kisa/", 3) == "agencies/kisa/page/3/")
        #expect(routes.href("articles/한/") == "/b/articles/%ED%95%9C/")
        #expect(routes.absolute("") == "https://x.test/b/")
        #expect(Routes.percentEncode("a b?c#d") == "a%20b%3Fc%23d")
        #expect(Routes.percentEncode("agencies/sécurité-anssi/") == "agencies/s%C3%A9curit%C3%A9-anssi/")
        // Every byte: unreserved characters and `/` as they are, the rest as %XX, upper case.
        for value in UInt8(0)...127 {
            let text = String(UnicodeScalar(value))
            let kept = (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
                || "-._~/".utf8.contains(value)
            #expect(Routes.percentEncode("é" + text) == "%C3%A9" + (kept ? text : "%" + String(format: "%02X", value)), "\(value)")
            // Alone in a path of letters, at every place (the plain path is found sixteen
            // bytes at a time): the path as it is, or that one byte encoded.
            for place in [0, 1, 7, 15, 16, 17, 31, 32, 40] {
                let (before, after) = (String(repeating: "a", count: place), String(repeating: "Z", count: 40 - place))
                #expect(Routes.percentEncode(before + text + after)
                    == before + (kept ? text : "%" + String(format: "%02X", value)) + after, "\(value) at \(place)")
            }
        }
        #expect(Routes.percentEncode(String(repeating: "articles/2025-05-20-x/", count: 3) + "한") == String(repeating: "articles/2025-05-20-x/", count: 3) + "%ED%95%9C")
    }
}
