import BulletinBuild
@testable import BulletinCore
import BulletinContent
import Foundation
import Testing

/// Edges of the content contract that a review of the built sites found wanting: each test
/// quotes the sentence it holds the build to.
@Suite struct ContractEdgeTests {
    /// A small site with two languages, and the KISA entry with its Korean description.
    func bilingual() -> TestSite {
        TestSite(files: [
            "Content/site.yaml": "title: T\nbaseURL: https://x.test/\nlanguages: [en, ko]\n",
            "Content/agencies/kisa.md": "---\nname: Korea Internet & Security Agency\nshort: KISA\n---\n\nEnglish description.\n",
            "Content/agencies/kisa.ko.md": "---\nname: 한국인터넷진흥원\n---\n\n한국어 설명.\n",
            "Content/articles/english.md": "---\ntitle: English\ndate: 2025-01-01\nagencies: [KISA]\n---\n\nText.\n",
        ])
    }

    /// "Lists are ordered newest first (by instant, offsets applied), ties broken by slug in
    /// ascending code-point order": one moment written with two offsets is a tie.
    @Test func oneInstantWrittenWithTwoOffsetsIsATieBrokenBySlug() throws {
        var site = TestSite.standard()
        site["Content/articles/a.md"] = "---\ntitle: A\ndate: 2025-03-01T00:00:00+01:00\nslug: zz\n---\n"
        site["Content/articles/m.md"] = "---\ntitle: M\ndate: 2025-02-28T23:00:00Z\n---\n"
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        for path in ["articles/index.html", "index.html", "feed.xml"] {
            let text = try #require(result.text(path))
            let m = try #require(text.range(of: "/articles/m/"))
            let zz = try #require(text.range(of: "/articles/zz/"))
            #expect(m.lowerBound < zz.lowerBound, "\(path) lists zz before m")
        }
    }

    /// "An explicit `slug:` must already be in that form": a decomposed é (e and a combining
    /// accent) is not, though Swift's `==` finds it equal to the composed one.
    @Test func aDecomposedSlugIsNotInSlugForm() throws {
        var site = TestSite.standard()
        site["Content/articles/s.md"] = "---\ntitle: S\ndate: 2025-01-01\nslug: \"cafe\u{301}\"\n---\n"
        let result = site.build()
        let error = try #require(result.errors.first { $0.code == .invalidSlug })
        #expect(error.location.file.hasSuffix("articles/s.md") && error.location.line == 4)
        #expect(error.message.contains("not in slug form"))
        #expect(error.hint?.contains("caf\u{E9}") == true)
        #expect(error.hint.map { !$0.unicodeScalars.contains("\u{301}") } == true)
    }

    /// "A relative link must lead to a page or file of the site": a link whose path or
    /// fragment is the target's text in another Unicode form (a decomposed é) is the same
    /// text to Swift's `==`, but a server and a browser compare bytes. The link is published
    /// in the target's own form.
    @Test func aLinkInAnotherUnicodeFormIsPublishedInTheTargetsForm() throws {
        var site = TestSite.standard()
        site["Content/static/caf\u{E9}.txt"] = "menu\n"
        site["Content/articles/c.md"] = """
            ---
            title: C
            date: 2025-01-01
            ---

            [menu](/cafe\u{301}.txt), [relative](../../cafe\u{301}.txt), [here](#cafe\u{301}-talks),
            [other](d.md#cafe\u{301}-notes), [page](/articles/d/#cafe\u{301}-notes)

            ## Caf\u{E9} talks

            """
        site["Content/articles/d.md"] = "---\ntitle: D\ndate: 2025-01-02\n---\n\n## Caf\u{E9} notes\n"
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        let page = try #require(result.text("articles/c/index.html"))
        #expect(page.contains("href=\"/caf%C3%A9.txt\">menu"))
        #expect(page.contains("href=\"/caf%C3%A9.txt\">relative"))
        #expect(page.contains("href=\"#caf%C3%A9-talks\">here"))
        #expect(page.contains("href=\"/articles/d/#caf%C3%A9-notes\">other"))
        #expect(page.contains("href=\"/articles/d/#caf%C3%A9-notes\">page"))
        #expect(!page.contains("%CC%81"), "a decomposed accent is published")
        #expect(result.text("caf\u{E9}.txt") == "menu\n")

        // An id the theme writes decomposed is not found by the composed link: reported, not
        // published broken (the fragment check compares bytes, as a browser does).
        let theme = try String(contentsOfFile: packageRoot + "/Templates/article.mustache", encoding: .utf8)
        site["Templates/article.mustache"] = theme + "<div id=\"cafe\u{301}-box\"></div>\n"
        site["Content/articles/d.md"] = "---\ntitle: D\ndate: 2025-01-02\n---\n\n## Caf\u{E9} notes\n\n[box](#caf\u{E9}-box)\n"
        let mismatch = site.build()
        let error = try #require(mismatch.errors.first, "\(mismatch.diagnostics.map { $0.formatted() })")
        #expect(error.code == .brokenLink && error.location.file.hasSuffix("articles/d.md") && error.location.line == 8)
        #expect(error.message.contains("-box, which is not on /articles/d/"))
    }

    /// "Links to every file the build writes work": the search script and each language's
    /// search index too, not only pages, feeds and the sitemap.
    @Test func theSearchScriptAndIndexCanBeLinked() throws {
        var site = bilingual()
        site["Content/articles/english.md"] = "---\ntitle: English\ndate: 2025-01-01\n---\n\n[script](/search/search.js), [index](/search/meta.json), [Korean](/ko/search/meta.json)\n"
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        for file in ["search/search.js", "search/meta.json", "ko/search/meta.json"] { #expect(result.text(file) != nil, "\(file)") }
        site["Content/articles/english.md"] = "---\ntitle: English\ndate: 2025-01-01\n---\n\n[script](/search/searches.js)\n"
        #expect(site.build().errors.contains { $0.message.contains("/search/searches.js, which the site does not have") })
    }

    /// "Fixed words come from `Templates/i18n/<lang>.yaml`": a site whose own language has
    /// no file publishes Bulletin's English words and dates, and is told so, as a missing
    /// file of another language is; an English site needs none; a file that is there but
    /// cannot be read has its own error, not a second message that it is missing.
    @Test func aSiteLanguageWithoutWordsIsTold() throws {
        var site = TestSite.standard()
        site["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\nlanguage: fr\n"
        let warning = try #require(site.build().warnings.first { $0.code == .missingTemplate })
        #expect(warning.message.contains("no words in fr"), "\(warning.formatted())")
        #expect(warning.location.file.hasSuffix("i18n/fr.yaml"))
        site["Templates/i18n/fr.yaml"] = "nav:\n  articles: Articles\n"
        #expect(!site.build().warnings.contains { $0.code == .missingTemplate })
        site["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\nlanguage: en-GB\n"
        #expect(!site.build().warnings.contains { $0.code == .missingTemplate })

        var bilingual = bilingual()
        bilingual["Templates/i18n/ko.yaml"] = "nav: [unclosed\n"
        let result = bilingual.build()
        #expect(!result.errors.isEmpty)
        #expect(!result.diagnostics.contains { $0.message.contains("no words in ko") }, "\(result.diagnostics.map { $0.formatted() })")
    }

    /// "Diagnostics say what is wrong": a word given as a list where the default language
    /// has a text is a wrong type at the value, not a key "missing" at the top of the file.
    @Test func aWordGivenAsAListIsAWrongTypeAtItsValue() throws {
        var site = bilingual()
        site["Templates/i18n/ko.yaml"] = "nav:\n  articles: [기사]\n"
        let result = site.build()
        let warning = try #require(result.warnings.first { $0.message.contains("'nav.articles'") })
        #expect(warning.code == .wrongType, "\(warning.formatted())")
        #expect(warning.message.contains("must be a text"))
        #expect(warning.location.file.hasSuffix("i18n/ko.yaml") && warning.location.line == 2 && warning.location.column == 13)
        #expect(!result.warnings.contains { $0.message.contains("'nav.articles' is missing") })
    }

    /// A taxonomy named like a language would take the folder of that language's pages: an
    /// error at its name in site.yaml, not a collision at a generated URL.
    @Test func aTaxonomyCannotBeNamedLikeALanguage() throws {
        var site = bilingual()
        site["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\nlanguages: [en, ko]\ntaxonomies: [agencies, ko]\n"
        let result = site.build()
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1, "\(result.errors.map { $0.formatted() })")
        #expect(error.location.file.hasSuffix("site.yaml") && error.location.line == 4 && error.location.column == 24)
        #expect(error.message.contains("one of the site's languages"))
        for name in ["archive", "data"] {
            site["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\ntaxonomies: [\(name)]\n"
            let reserved = site.build()
            #expect(reserved.errors.count == 1 && reserved.errors[0].location.file.hasSuffix("site.yaml"),
                    "\(reserved.errors.map { $0.formatted() })")
        }
    }

    /// The output's manifest is the build's own file: a static file of that name is an error at
    /// that file, found before anything is written (and by `bulletin check`).
    @Test func aStaticFileCannotTakeTheManifestsName() throws {
        var site = TestSite.standard()
        site["Content/static/.bulletin-manifest.json"] = "{}"
        let result = site.build()
        let error = try #require(result.errors.first)
        #expect(error.code == .urlCollision)
        #expect(error.location.file.hasSuffix("static/.bulletin-manifest.json"))
        #expect(result.output == nil)
    }

    /// "A file `<id>.<lang>.md` beside it (`kisa.ko.md`) is the description in that language";
    /// "its description from `<id>.<lang>.md`, else the default one".
    @Test func aTermsPageShowsItsDescriptionInThePagesLanguage() throws {
        var site = bilingual()
        site["Content/articles/korean.md"] = "---\ntitle: 기사\ndate: 2025-01-01\nlang: ko\nagencies: [KISA]\n---\n\n본문.\n"
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        let korean = try #require(result.text("ko/agencies/kisa/index.html"))
        #expect(korean.contains("<p>한국어 설명.</p>"))
        #expect(!korean.contains("English description."))
        #expect(korean.contains("<meta name=\"description\" content=\"한국어 설명.\">"))
        let english = try #require(result.text("agencies/kisa/index.html"))
        #expect(english.contains("<p>English description.</p>") && !english.contains("한국어 설명"))

        // A translation that gives only the name keeps the default description.
        site["Content/agencies/kisa.ko.md"] = "---\nname: 한국인터넷진흥원\n---\n"
        let named = site.build()
        let fallback = try #require(named.text("ko/agencies/kisa/index.html"))
        #expect(fallback.contains("<p>English description.</p>"))
        // Marked as English on the Korean page, for screen readers; not where it is the page's.
        #expect(fallback.contains("<div class=\"term-description\" lang=\"en\">"))
        #expect(korean.contains("<div class=\"term-description\">") && english.contains("<div class=\"term-description\">"))
    }

    /// "One whose `<id>.md` does not exist, or whose `<lang>` is not in `languages`, is an
    /// error": nothing else is. A file for the default language names and describes the term
    /// in it, as one for any other language does.
    @Test func aDescriptionFileInTheDefaultLanguageIsTheTermsTextThere() throws {
        var site = bilingual()
        site["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\nlanguage: ko\nlanguages: [ko, en]\n"
        site["Content/articles/english.md"] = "---\ntitle: English\ndate: 2025-01-01\nlang: en\nagencies: [KISA]\n---\n\nText.\n"
        site["Content/articles/korean.md"] = "---\ntitle: 기사\ndate: 2025-01-01\nagencies: [한국인터넷진흥원]\n---\n\n본문.\n"
        let result = site.build()
        #expect(result.errors.isEmpty, "\(result.errors.map { $0.formatted() })")
        let korean = try #require(result.text("agencies/kisa/index.html"))
        #expect(korean.contains("한국인터넷진흥원") && korean.contains("<p>한국어 설명.</p>") && !korean.contains("English description."))
        let english = try #require(result.text("en/agencies/kisa/index.html"))
        #expect(english.contains("Korea Internet &amp; Security Agency") && english.contains("<p>English description.</p>"))
        // An unknown language is still an error at the file.
        site["Content/agencies/kisa.fr.md"] = "---\nname: Agence\n---\n"
        let error = try #require(site.build().errors.first)
        #expect(error.location.file.hasSuffix("agencies/kisa.fr.md"))
    }

    /// "`baseURL` | absolute http(s) URL | required | ... `--base-url` overrides it": the
    /// override replaces the value, it does not excuse a missing or broken one.
    @Test func baseURLIsCheckedEvenWhenTheCommandLineOverridesIt() throws {
        var site = TestSite.standard()
        site["Content/site.yaml"] = "title: T\nbaseURL: nope\n"
        let broken = site.build(baseURL: "https://preview.test/")
        let error = try #require(broken.errors.first)
        #expect(error.location.file.hasSuffix("site.yaml") && error.location.line == 2 && error.location.column == 10)
        #expect(broken.output == nil)
        site["Content/site.yaml"] = "title: T\n"
        let missing = site.build(baseURL: "https://preview.test/")
        #expect(missing.errors.contains { $0.message.contains("baseURL") && $0.location.file.hasSuffix("site.yaml") })
        site["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\n"
        let overridden = site.build(baseURL: "https://preview.test/sub/")
        #expect(overridden.succeeded)
        #expect(try #require(overridden.text("feed.xml")).contains("https://preview.test/sub/"))
    }

    /// A broken link in a description in another language is found like any other.
    @Test func aTranslatedDescriptionsLinksAreChecked() throws {
        var site = bilingual()
        site["Content/agencies/kisa.ko.md"] = "---\nname: 한국인터넷진흥원\n---\n\n[없는 글](/articles/missing/)\n"
        let result = site.build()
        let error = try #require(result.errors.first)
        #expect(error.location.file.hasSuffix("agencies/kisa.ko.md") && error.location.line == 5)
    }

    /// "An article refers to a term by its id, `name`, `short`, any alias or any of `names`",
    /// and a translation's `name` "wins over `names`": it is one of the term's names.
    @Test func aTranslatedNameRefersToItsTerm() throws {
        var site = bilingual()
        site["Content/articles/korean.md"] = "---\ntitle: 기사\ndate: 2025-01-01\nlang: ko\nagencies: [한국인터넷진흥원]\n---\n"
        let result = site.build()
        #expect(result.warnings.isEmpty, "\(result.warnings.map { $0.formatted() })")
        #expect(try #require(result.text("ko/agencies/kisa/index.html")).contains("/ko/articles/korean/"))
        #expect(!result.paths.contains { $0.contains("한국인터넷진흥원") })

        // Claimed by another entry as well: an error at the translation's name.
        site["Content/agencies/other.md"] = "---\nname: Other\naliases: [한국인터넷진흥원]\n---\n"
        let conflict = site.build()
        let error = try #require(conflict.errors.first { $0.code == .termKeyConflict })
        #expect(error.location.file.hasSuffix("agencies/kisa.ko.md") && error.location.line == 2, "\(error.formatted())")
    }

    /// "A term page, taxonomy entry or term feed exists in a language when at least one
    /// article of that language uses the term": a registered term used only in Korean has no
    /// English page, and one no article uses has none (with one language it keeps its page).
    @Test func aTermHasPagesOnlyInTheLanguagesThatUseIt() throws {
        var site = bilingual()
        site["Content/articles/english.md"] = nil
        site["Content/articles/korean.md"] = "---\ntitle: 기사\ndate: 2025-01-01\nlang: ko\nagencies: [KISA]\n---\n"
        site["Content/agencies/unused.md"] = "---\nname: Unused\n---\n"
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        let paths = Set(result.paths)
        #expect(paths.contains("ko/agencies/kisa/index.html") && paths.contains("ko/agencies/kisa/feed.xml"))
        #expect(!paths.contains("agencies/kisa/index.html") && !paths.contains("agencies/kisa/feed.xml"))
        #expect(!(try #require(result.text("agencies/index.html"))).contains("/agencies/kisa/"))
        #expect(!paths.contains { $0.contains("agencies/unused/") })
        #expect(!(try #require(result.text("agencies/index.html"))).contains("Unused"))
        let terms = try #require(result.text("data/terms.json"))
        #expect(terms.contains("https://x.test/ko/agencies/kisa/"))
        #expect(terms.contains(#""id":"unused""#) && terms.contains(#""url":null"#), "\(terms)")
        let note = try #require(result.diagnostics.first { $0.code == .unusedRegistryEntry })
        #expect(note.hint?.contains("so it has none") == true)
        var single = site
        single["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\n"
        single["Content/articles/korean.md"] = nil
        single["Content/agencies/kisa.ko.md"] = nil
        #expect(single.build().paths.contains("agencies/unused/index.html"))
    }

    /// "Every problem of a build is reported, not only the first": a duplicated key is
    /// reported, and the rest of the file is still read and checked.
    @Test func aDuplicatedKeyDoesNotHideTheFilesOtherProblems() throws {
        var site = TestSite.standard()
        site["Content/articles/f.md"] = "---\ntitle: T\ndate: 2025-01-01\nx: 1\nx: 2\nsession: seventh\n---\n"
        site["Content/articles/d.md"] = "---\ntitle: D\ndate: 2025-01-01\nx: 1\nx:\n  - a\n  - b\ny: 1\ny: 2\n---\n"
        site["Content/articles/c.md"] = "---\ntitle: C\ndate: 2025-01-01\nchairs: [{name: A, name: B, role: r}]\nextra: {a: 1, a: 2}\n---\n"
        let result = site.build()
        func found(_ file: String) -> [String] {
            result.errors.filter { $0.location.file.hasSuffix(file) }.map { "\($0.location.line!):\($0.location.column!) \($0.code.rawValue)" }
        }
        #expect(found("articles/f.md") == ["5:1 BUL006", "6:10 BUL008"], "\(result.errors.map { $0.formatted() })")
        #expect(found("articles/d.md") == ["5:1 BUL006", "9:1 BUL006"], "\(result.errors.map { $0.formatted() })")
        #expect(found("articles/c.md") == ["4:20 BUL006", "5:15 BUL006"], "\(result.errors.map { $0.formatted() })")
        let site2 = TestSite(files: ["Content/site.yaml": "title: T\ntitle: U\nbaseURL: https://x.test/\nperPage: many\n"])
        #expect(site2.build().errors.count == 2)
    }

    /// A YAML error is shown on the line where it went wrong: a line without its colon, a list
    /// never closed (libyaml finds both a line later); each with a hint.
    @Test func yamlErrorsPointAtTheLineThatIsWrong() throws {
        var site = TestSite.standard()
        site["Content/articles/a.md"] = "---\ntitle: T\ndate: 2025-01-01\n----\nx: 1\n---\n"
        site["Content/articles/b.md"] = "---\ntitle: T\ndate: 2025-01-01\nx: [1\n---\n"
        site["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\nlanguages: [en, \"not a tag\"]\n"
        let errors = site.build().errors
        let a = try #require(errors.first { $0.location.file.hasSuffix("articles/a.md") })
        #expect(a.location.line == 4 && a.location.column == 1 && a.hint != nil, "\(a.formatted())")
        let b = try #require(errors.first { $0.location.file.hasSuffix("articles/b.md") })
        #expect(b.location.line == 4 && b.location.column == 4, "\(b.formatted())")
        #expect(b.hint?.contains("closing `]`") == true)
        let tag = try #require(errors.first { $0.location.file.hasSuffix("site.yaml") })
        #expect(tag.hint?.contains("`en-GB`") == true)
    }

    /// "The series page of its language lists the series' reports by date, ties by
    /// `session`", and an article's previous and next links are "its neighbours on that page":
    /// sessions numbered out of date order are listed by date, as the links go.
    @Test func aSeriesPageListsItsReportsByDate() throws {
        var site = TestSite.standard()
        site["Content/articles/s10.md"] = "---\ntitle: Tenth\ndate: 2019-01-01\ndialogue: test-dialogue\nsession: 10\n---\n"
        site["Content/articles/s3.md"] = "---\ntitle: Third\ndate: 2024-03-01\ndialogue: test-dialogue\nsession: 3\n---\n"
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        let whole = try #require(result.text("dialogues/test-dialogue/index.html"))
        let page = String(whole[try #require(whole.range(of: "id=\"dialogue_sessions\"")).upperBound...])
        // 10th (2019), 1st (2024-03-01), 3rd (2024-03-01: a tie, by session), 2nd (2024-04-01).
        let order = ["/articles/s10/", "/articles/first/", "/articles/s3/", "/articles/second/"].map { page.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "\(order)")
        let first = try #require(result.text("articles/first/index.html"))
        #expect(first.contains("<a href=\"/articles/s10/\" rel=\"prev\"") && first.contains("<a href=\"/articles/s3/\" rel=\"next\""))
    }

    /// "A symbolic link under Content/ that leads outside Content/ is an error naming it":
    /// a hidden one too (hidden files are skipped, not exempt), though not an editor's lock
    /// file (`.#a.md`, a link to nothing); and a site.yaml that is such a link is that one
    /// error, not also "the site has no site.yaml".
    @Test func everyLinkLeadingOutsideIsAnErrorAndOnlyOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        let articles = folder.path + "/Content/articles"
        try FileManager.default.createSymbolicLink(atPath: articles + "/.hidden.md", withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: articles + "/.#first.md", withDestinationPath: "root@host.1234:1700000000")
        try FileManager.default.removeItem(atPath: folder.path + "/Content/site.yaml")
        try Data("title: T\nbaseURL: https://x.test/\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/outside.yaml"))
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/site.yaml", withDestinationPath: folder.path + "/outside.yaml")
        let result = Builder.run(BuildOptions(
            contentPath: folder.path + "/Content", templatesPath: folder.path + "/Templates", outputPath: folder.path + "/Public",
            now: TestSite.now))
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.symlinkOutsideRoot, .symlinkOutsideRoot], "\(errors.map { $0.formatted() })")
        #expect(Set(errors.map { $0.location.file.components(separatedBy: "/Content/").last! }) == ["articles/.hidden.md", "site.yaml"])
    }

    /// Co-occurrence: "most shared first, ties by name", names ordered as the taxonomy
    /// index orders them (case folded): "bravo" before "Charlie", which decides who is cut
    /// at eight.
    @Test func coOccurringTermsTieByNameAsTheIndexOrdersNames() throws {
        let site = TestSite(files: [
            "Content/site.yaml": "title: T\nbaseURL: https://x.test/\n",
            "Content/agencies/hub.md": "---\nname: Hub\n---\n",
            "Content/agencies/b.md": "---\nname: bravo\n---\n",
            "Content/agencies/c.md": "---\nname: Charlie\n---\n",
            "Content/articles/one.md": "---\ntitle: One\ndate: 2025-01-01\nagencies: [hub, b, c]\n---\n",
        ])
        let result = site.build()
        let hub = try #require(result.text("agencies/hub/index.html"))
        let bravo = try #require(hub.range(of: ">bravo<"))
        let charlie = try #require(hub.range(of: ">Charlie<"))
        #expect(bravo.lowerBound < charlie.lowerBound)
        let index = try #require(result.text("agencies/index.html"))
        #expect(try #require(index.range(of: ">bravo<")).lowerBound < (try #require(index.range(of: ">Charlie<"))).lowerBound)
    }

    /// Open data is "ordered by series id, session, date, language", `date` being the
    /// record's `YYYY-MM-DD`: a report and its translation of one day tie there, and go by
    /// language, whatever their instants.
    @Test func openDataOrdersByTheRecordsDateThenLanguage() throws {
        let site = TestSite(files: [
            "Content/site.yaml": "title: T\nbaseURL: https://x.test/\nlanguages: [en, ko]\n",
            "Content/dialogues/s.md": "---\nname: Series\n---\n",
            "Content/articles/r1.md": "---\ntitle: R1\ndate: 2025-03-01T09:00:00Z\ndialogue: s\nsession: 1\ntranslationKey: r1\n---\n",
            "Content/articles/ko/r1.md": "---\ntitle: 알원\ndate: 2025-03-01T08:00:00+09:00\nlang: ko\ndialogue: s\nsession: 1\ntranslationKey: r1\n---\n",
        ])
        let result = site.build()
        let csv = try #require(result.text("data/sessions.csv")).split(separator: "\r\n")
        #expect(csv.count == 3 && csv[1].contains(",en,") && csv[2].contains(",ko,"), "\(csv)")
    }

    /// Footnotes (`x[^1]` and `[^1]: note`) are Markdown that Hugo and Zola have and CommonMark
    /// has not: said so, rather than only "a link to a page the site does not have".
    @Test func aFootnoteIsNamedAsOne() throws {
        var site = TestSite.standard()
        site["Content/articles/f.md"] = "---\ntitle: F\ndate: 2025-01-01\n---\n\nA claim.[^1]\n\n[^1]: source\n"
        site["Content/articles/h.md"] = "---\ntitle: H\ndate: 2025-01-01\n---\n\nA claim.[^n]\n\n```\n[^x]: in code\n```\n\n[^n]: The source, in words.\n"
        site["Content/articles/g.md"] = "---\ntitle: G\ndate: 2025-01-01\n---\n\nA claim.[^src]\n\n[^src]: https://example.org/\n"
        let result = site.build()
        let error = try #require(result.errors.first { $0.location.file.hasSuffix("articles/f.md") })
        #expect(error.location.line == 6 && error.location.column == 9, "\(error.formatted())")
        #expect(error.message.hasPrefix("'[^1]' is a footnote, which CommonMark does not have"))
        #expect(error.hint?.contains("remove the line `[^1]: ...`") == true)
        let warning = try #require(result.warnings.first { $0.location.file.hasSuffix("articles/g.md") })
        #expect(warning.message.contains("looks like a footnote"))
        let note = result.warnings.filter { $0.location.file.hasSuffix("articles/h.md") }
        #expect(note.map { "\($0.location.line!):\($0.location.column!)" } == ["12:1"], "\(note.map { $0.formatted() })")
        #expect(result.warnings.filter { $0.location.file.hasSuffix("articles/f.md") }.isEmpty)

        // A note may be indented up to three spaces; a note inside a ```` fence that a shorter
        // ``` line does not close is code, not a note.
        site["Content/articles/i.md"] = "---\ntitle: I\ndate: 2025-01-01\n---\n\nA claim.[^a]\n\n   [^a]: The source, in words.\n"
        site["Content/articles/j.md"] = "---\ntitle: J\ndate: 2025-01-01\n---\n\n````\n```\n[^x]: in code, in words\n````\n"
        let more = site.build()
        #expect(more.warnings.filter { $0.location.file.hasSuffix("articles/i.md") }.map { $0.location.line! } == [8])
        #expect(more.warnings.filter { $0.location.file.hasSuffix("articles/j.md") }.isEmpty)
    }

    /// `baseURL` is "an absolute http(s) URL" and every link starts with its path: one that
    /// links would read as another host (`//`), that could end an attribute (`"`) or move up
    /// (`..`), or with a port out of range, is refused, by the command line (exit 2) and in
    /// site.yaml (an error saying why); letters of other scripts are percent-encoded.
    @Test func aBaseURLIsOneThatLinksCanStartWith() throws {
        for bad in ["https://example.org//cdn.evil.example/", "https://example.org/\"x/", "https://example.org/</script>/",
                    "https://example.org:99999/", "https://example.org/a/../b/", "https://example.org/a%zz/", "https://example.org/a b/",
                    "https://exa]mple.org/", "https://[example.org]/"] {
            #expect(BaseURL(bad) == nil, "\(bad)")
            #expect(BaseURL.problem(with: bad) != nil)
        }
        #expect(BaseURL("https://example.org/한국/")?.path == "/%ED%95%9C%EA%B5%AD/")
        #expect(BaseURL("https://Example.ORG:8443/a/b")?.absolute == "https://example.org:8443/a/b/")
        #expect(BaseURL("http://[::1]:8080/")?.absolute == "http://[::1]:8080/")
        #expect(BaseURL("https://example.org/a%2fb/")?.path == "/a%2Fb/")

        var site = TestSite.standard()
        site["Content/site.yaml"] = "title: T\nbaseURL: https://example.org//cdn.evil.example/\n"
        let error = try #require(site.build().errors.first)
        #expect(error.location.file.hasSuffix("site.yaml") && error.message.contains("empty segment (//)"), "\(error.formatted())")

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        let refused = try BulletinProcess.run(["build", "--base-url", "https://example.org//cdn.evil.example/"], in: folder.path)
        #expect(refused.status == 2 && refused.standardError.contains("empty segment"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Public"))
    }

    /// RFC 3339 allows any number of fraction digits, HTML's `datetime` three: pages cut it,
    /// feeds keep it.
    @Test func aLongFractionOfASecondIsCutForHTML() throws {
        var site = TestSite.standard()
        site["Content/articles/frac.md"] = "---\ntitle: Fraction\ndate: 2025-05-20T10:00:00.1234Z\n---\n\nx\n"
        let result = site.build()
        #expect(try #require(result.text("articles/frac/index.html")).contains("datetime=\"2025-05-20T10:00:00.123Z\""))
        #expect(try #require(result.text("feed.xml")).contains("2025-05-20T10:00:00.1234Z"))
    }

    /// A title or name of control or invisible characters only is empty: pages would show a
    /// link with no text.
    @Test func aTextOfInvisibleCharactersIsEmpty() throws {
        var site = TestSite.standard()
        site["Content/articles/z.md"] = "---\ntitle: \"\\x01\"\ndate: 2025-01-02\ndocuments: [{title: \"\\u200B\", url: \"https://example.org/\"}]\n---\n"
        site["Content/agencies/ctl.md"] = "---\nname: \"\\x01\\x02\"\n---\n"
        let errors = site.build().errors
        #expect(errors.contains { $0.location.file.hasSuffix("articles/z.md") && $0.location.line == 2 && $0.code == .missingKey }, "\(errors.map { $0.formatted() })")
        #expect(errors.contains { $0.location.file.hasSuffix("articles/z.md") && $0.location.line == 4 })
        #expect(errors.contains { $0.location.file.hasSuffix("agencies/ctl.md") })
    }

    /// "the `name` of `<id>.<lang>.md`, else `names.<lang>`": on the default language's term
    /// page too, where the other names are shown.
    @Test func aTranslatedNameWinsOnEveryPage() throws {
        var site = bilingual()
        site["Content/agencies/kisa.md"] = "---\nname: Korea Internet & Security Agency\nshort: KISA\nnames: {ko: Old name}\n---\n\nEnglish description.\n"
        let english = try #require(site.build().text("agencies/kisa/index.html"))
        #expect(english.contains("한국인터넷진흥원") && !english.contains("Old name"))
    }

    /// A hint that repeats the rejected value does not help.
    @Test func aTaxonomyNameOutsideASCIIGetsAHintThatHelps() throws {
        var site = TestSite.standard()
        site["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\ntaxonomies: [agencies, 지역]\n"
        let error = try #require(site.build().errors.first)
        #expect(error.hint == "a taxonomy's name is its folder and its URL segment: write it in ASCII, such as `regions`")
    }

    /// Every internal link resolves and every `href` is valid: a Markdown link or a
    /// document's address that a browser cannot follow (a port out of range, a `%` that starts
    /// no escape, no host), and a document's site path the site does not have, are errors.
    @Test func addressesThatLeadNowhereAreErrors() throws {
        var site = TestSite.standard()
        site["Content/articles/l.md"] = """
            ---
            title: L
            date: 2025-01-01
            documents:
              - {title: Statement, url: "/files/statement.pdf"}
              - {title: Port, url: "https://example.com:70000/"}
              - {title: Draft, url: "/articles/draft/"}
              - {title: Fine, url: "/articles/first/"}
            ---

            [a](https://example.com/100%) [p](https://example.com:99999/) [e](http:///x) [ok](https://example.com/a%20b)

            """
        site["Content/articles/draft.md"] = "---\ntitle: D\ndate: 2025-01-01\ndraft: true\n---\n"
        let errors = site.build().errors.filter { $0.location.file.hasSuffix("articles/l.md") }
        let places = errors.map { "\($0.location.line!):\($0.location.column!)" }
        #expect(places == ["5:29", "6:24", "7:25", "11:1", "11:31", "11:63"], "\(errors.map { $0.formatted() })")
        #expect(errors[0].message.contains("/files/statement.pdf"))
        #expect(errors[1].message.contains("port"))
        #expect(errors[2].message.contains("not published"))
        #expect(errors[3].message.contains("% in it is not followed by two hexadecimal digits"))
    }

    /// A series' `parties` shows its names: empty items are left out, not shown as stray
    /// commas; a `website` whose address a browser cannot follow is not linked.
    @Test func emptyPartiesAndBadWebsitesAreLeftOut() throws {
        var site = TestSite.standard()
        site["Content/dialogues/test-dialogue.md"] = "---\nname: Test Dialogue\nparties: [Korea, \"\", \"  \", European Union]\n---\n"
        site["Content/agencies/eeas.md"] = "---\nname: European External Action Service\nshort: EEAS\nwebsite: \"https://example.org:99999/\"\n---\n"
        let result = site.build()
        let page = try #require(result.text("dialogues/test-dialogue/index.html"))
        #expect(page.contains("<bdi>Korea</bdi>, <bdi>European Union</bdi>"), "\(page)")
        let eeas = try #require(result.text("agencies/eeas/index.html"))
        #expect(!eeas.contains("99999") && !eeas.contains("term-website"))
        site["Content/agencies/eeas.md"] = "---\nname: European External Action Service\nshort: EEAS\nwebsite: \"https://example.org/\"\n---\n"
        #expect(try #require(site.build().text("agencies/eeas/index.html")).contains("term-website"))
    }

    /// Links to a registry entry's file lead to a page that is built (in a bilingual site,
    /// the term's page in a language whose articles use it), and a description in another
    /// language writes its links from its own page.
    @Test func linksToAndFromRegistryFilesLeadToBuiltPages() throws {
        var site = bilingual()
        site["Content/articles/english.md"] = nil
        site["Content/articles/ko/korean.md"] = "---\ntitle: 기사\ndate: 2025-01-01\nlang: ko\nagencies: [KISA]\n---\n\n[KISA](../../agencies/kisa.md)\n"
        site["Content/agencies/kisa.ko.md"] = "---\nname: 한국인터넷진흥원\n---\n\n## 역사\n\n[위](#역사) [없음](#nowhere)\n"
        let result = site.build()
        let errors = result.errors
        #expect(errors.count == 1 && errors[0].location.file.hasSuffix("agencies/kisa.ko.md") && errors[0].message.contains("nowhere"),
                "\(errors.map { $0.formatted() })")
        site["Content/agencies/kisa.ko.md"] = "---\nname: 한국인터넷진흥원\n---\n\n## 역사\n\n[위](#역사)\n"
        let good = site.build()
        #expect(good.succeeded, "\(good.diagnostics.map { $0.formatted() })")
        #expect(try #require(good.text("ko/articles/korean/index.html")).contains("href=\"/ko/agencies/kisa/\""))
    }

    /// A duplicated key whose list sits at its own indentation (`agencies:` then `- EEAS`)
    /// goes with it, so the rest of the file is still read; so does one inside a flow
    /// mapping that spans lines.
    @Test func aDuplicateWithAnIndentlessListIsLeftOutWhole() throws {
        var site = TestSite.standard()
        site["Content/articles/d.md"] = "---\ntitle: D\ndate: 2025-01-01\nagencies: [KISA]\nagencies:\n- EEAS\nsession: seventh\n---\n"
        site["Content/articles/e.md"] = "---\ntitle: E\ndate: 2025-01-01\nchairs: [{name: A, role: r,\n   name: B}]\nsession: seventh\n---\n"
        let errors = site.build().errors
        for file in ["articles/d.md", "articles/e.md"] {
            let codes = errors.filter { $0.location.file.hasSuffix(file) }.map(\.code)
            #expect(codes == [.duplicateKey, .wrongType], "\(file): \(errors.map { $0.formatted() })")
        }
    }

    /// HTML has no second 60: a leap second's `datetime` is the instant it ends at; a
    /// document's site path holds only what a URL's path can.
    @Test func leapSecondsAndDocumentPathsAreValidInHTML() throws {
        #expect(try ContentDate.parse("2016-12-31T23:59:60Z").htmlDateTime == "2017-01-01T00:00:00Z")
        var site = TestSite.standard()
        site["Content/static/files/x.pdf"] = "%PDF"
        site["Content/articles/p.md"] = "---\ntitle: P\ndate: 2025-01-01\ndocuments: [{title: X, url: \"/files/100%.pdf\"}]\n---\n"
        let error = try #require(site.build().errors.first)
        #expect(error.location.line == 4 && error.message.contains("not followed by two hexadecimal digits"), "\(error.formatted())")
    }

    /// A date alone is midnight UTC: an `updated` day that is the `date`'s day can still be
    /// earlier, and the message shows the two instants rather than one day twice.
    @Test func updatedBeforeDateOnTheSameDayShowsTheInstants() throws {
        var site = TestSite.standard()
        site["Content/articles/u.md"] = "---\ntitle: U\ndate: 2025-05-20T10:00:00+09:00\nupdated: 2025-05-20\n---\n"
        let error = try #require(site.build().errors.first)
        #expect(error.message == "'updated' (2025-05-20, midnight UTC) is earlier than 'date' (2025-05-20T10:00:00+09:00)")
        #expect(error.hint?.contains("updated: 2025-05-20T10:00:00+09:00") == true)
    }

    /// "A dialogue series page lists every session: ... otherwise the report in another
    /// language, marked with its language (`hreflang` and `lang` on the link)".
    @Test func aSeriesPageMarksAReportInAnotherLanguage() throws {
        let site = TestSite(files: [
            "Content/site.yaml": "title: T\nbaseURL: https://x.test/\nlanguages: [en, ko]\n",
            "Content/dialogues/s.md": "---\nname: Series\n---\n",
            "Content/articles/one.md": "---\ntitle: One\ndate: 2025-01-01\ndialogue: s\nsession: 1\n---\n",
            "Content/articles/two.md": "---\ntitle: 둘\ndate: 2025-02-01\nlang: ko\ndialogue: s\nsession: 2\n---\n",
        ])
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        let korean = try #require(result.text("ko/dialogues/s/index.html"))
        #expect(korean.contains("<a href=\"/articles/one/\" dir=\"auto\" hreflang=\"en\" lang=\"en\">One</a>"))
        #expect(korean.contains("<a href=\"/ko/articles/two/\" dir=\"auto\">둘</a>"))
        let english = try #require(result.text("dialogues/s/index.html"))
        #expect(english.contains("<a href=\"/ko/articles/two/\" dir=\"auto\" hreflang=\"ko\" lang=\"ko\">둘</a>"))
    }

    /// "A wrong type (`date: soon`, `session: seventh`, `agencies: 5`) is an error": a quoted
    /// "3" is text, as YAML reads it, and so is a quoted "false".
    @Test func quotedNumbersAndBooleansAreText() throws {
        var site = TestSite.standard()
        site["Content/articles/q.md"] = "---\ntitle: Q\ndate: 2025-01-01\ndialogue: test-dialogue\nsession: \"3\"\ndraft: \"false\"\n---\n"
        let result = site.build()
        let errors = result.errors.filter { $0.location.file.hasSuffix("articles/q.md") }
        #expect(errors.map(\.code) == [.wrongType, .wrongType], "\(errors.map { $0.formatted() })")
        let session = try #require(errors.first { $0.location.line == 5 })
        #expect(session.message == "'session' must be a whole number, found the text \"3\"")
        #expect(session.hint == "write it without quotes: `session: 3`")
        #expect(errors.contains { $0.location.line == 6 && $0.hint == "write it without quotes: `draft: true` or `draft: false`" })
        site["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\nperPage: \"5\"\n"
        site["Content/articles/q.md"] = nil
        #expect(site.build().errors.map(\.code) == [.wrongType])
    }

    /// `path:line:column: error: message` is one line: a value quoted in a message with a line
    /// break in it shows the break escaped.
    @Test func aMessageIsOneLine() {
        let diagnostic = Diagnostic(
            .warning, .translationDrift, "'location' differs: Line1\nLine2 there, none here",
            at: SourceLocation(file: "Content/articles/a.md", line: 3, column: 1), hint: "first\nsecond")
        let text = diagnostic.formatted()
        #expect(text.hasPrefix("Content/articles/a.md:3:1: warning: 'location' differs: Line1\\u{A}Line2 there, none here [BUL037]"))
        #expect(text.hasSuffix("hint: first\nsecond"))
    }

    /// A malformed `SOURCE_DATE_EPOCH` is a misuse (exit 2), not a build with the real clock,
    /// as the reproducible-builds specification asks.
    @Test func aMalformedSourceDateEpochIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        for value in ["abc", "-5", "1.5", "17e8"] {
            let result = try BulletinProcess.run(["build"], in: folder.path, environment: ["SOURCE_DATE_EPOCH": value])
            #expect(result.status == 2, "SOURCE_DATE_EPOCH=\(value)")
            #expect(result.standardError.contains("SOURCE_DATE_EPOCH must be a number of seconds"))
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/Public"))
        }
        let good = try BulletinProcess.run(["build", "--quiet"], in: folder.path, environment: ["SOURCE_DATE_EPOCH": "1747699200"])
        #expect(good.status == 0, "\(good.standardError)")
    }
}
