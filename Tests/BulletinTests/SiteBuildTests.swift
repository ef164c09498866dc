import BulletinBuild
@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinMarkdown
@testable import BulletinRender
import Foundation
import Testing

/// Whole sites built from inline file trees, asserting what readers see.
@Suite struct SiteBuildTests {
    @Test func everyPageOfTheContractIsWritten() throws {
        let result = TestSite.standard().build()
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        let paths = Set(result.paths)
        for path in [
            "index.html", "404.html", "articles/index.html", "articles/first/index.html", "articles/second/index.html",
            "agencies/index.html", "agencies/kisa/index.html", "agencies/eeas/index.html", "frameworks/index.html",
            "threats/index.html", "threats/ransomware/index.html", "dialogues/index.html",
            "dialogues/test-dialogue/index.html", "assets/style.css",
        ] {
            #expect(paths.contains(path), "missing \(path)")
        }
        #expect(result.counts.articles == 2)
        #expect(result.counts.terms == 3)  // kisa, eeas, ransomware (no registry: taken as written)
    }

    @Test func articlesLinkToTheirTermsAndDialogueAndTermsLinkBack() throws {
        let result = TestSite.standard().build()
        let first = try #require(result.text("articles/first/index.html"))
        #expect(first.contains("href=\"/agencies/kisa/\""))
        #expect(first.contains("href=\"/threats/ransomware/\""))
        #expect(first.contains("href=\"/dialogues/test-dialogue/\""))
        let kisa = try #require(result.text("agencies/kisa/index.html"))
        #expect(kisa.contains("href=\"/articles/first/\""))
        #expect(kisa.contains("href=\"/articles/second/\""))
        #expect(kisa.contains("Korea&#39;s internet agency."))  // the registry body
        #expect(kisa.contains("한국인터넷진흥원"))
        let dialogue = try #require(result.text("dialogues/test-dialogue/index.html"))
        #expect(dialogue.contains("1st session"))
        #expect(dialogue.contains("2nd session"))
        // Sessions in order: the 1st before the 2nd.
        #expect(dialogue.range(of: "/articles/first/")!.lowerBound < dialogue.range(of: "/articles/second/")!.lowerBound)
    }

    @Test func referencesResolveByIdNameShortAliasAndTranslatedName() throws {
        var site = TestSite.standard()
        site["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\n"
        for (index, reference) in ["kisa", "KISA", "korea internet  &  SECURITY agency", "한국인터넷진흥원", "ＫＩＳＡ"].enumerated() {
            site["Content/articles/r\(index).md"] = "---\ntitle: R\(index)\ndate: 2024-05-0\(index + 1)\nagencies: [\"\(reference)\"]\n---\n"
        }
        let result = site.build()
        #expect(result.warnings.isEmpty, "\(result.warnings.map { $0.formatted() })")
        let kisa = try #require(result.text("agencies/kisa/index.html"))
        for index in 0..<5 { #expect(kisa.contains("/articles/r\(index)/")) }
    }

    @Test func unregisteredTermsWarnOncePerTermAndAreStillPublished() throws {
        var site = TestSite.standard()
        site["Content/articles/u1.md"] = "---\ntitle: U1\ndate: 2024-05-01\nagencies: [Korea National Police Agency]\n---\n"
        site["Content/articles/u2.md"] = "---\ntitle: U2\ndate: 2024-05-02\nagencies: [korea national police agency, EEAS]\n---\n"
        let result = site.build()
        #expect(result.succeeded)
        let warnings = result.warnings.filter { $0.code == .unregisteredTerm }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.location == SourceLocation(file: "Content/articles/u1.md", line: 4, column: 12))
        #expect(warning.message.contains("used by 2 articles"))
        let page = try #require(result.text("agencies/korea-national-police-agency/index.html"))
        #expect(page.contains("/articles/u1/") && page.contains("/articles/u2/"))
    }

    @Test func withoutARegistryTermsAreTakenAsWritten() throws {
        var site = TestSite.standard()
        site["Content/articles/t.md"] = "---\ntitle: T\ndate: 2024-05-01\nthreats: [Ransomware, Commercial Spyware]\n---\n"
        let result = site.build()
        #expect(result.warnings.isEmpty)
        let page = try #require(result.text("threats/ransomware/index.html"))
        #expect(page.contains("/articles/first/") && page.contains("/articles/t/"))
        // The first spelling in path order names the term: first.md writes "ransomware".
        #expect(page.contains("<h1><bdi>ransomware"))
        #expect(result.paths.contains("threats/commercial-spyware/index.html"))
    }

    @Test func customTaxonomiesComeFromSiteYAML() throws {
        var site = TestSite.standard()
        site["Content/site.yaml"] = "title: T\nbaseURL: https://x.test/\ntaxonomies: [regions]\n"
        site["Content/articles/first.md"] = "---\ntitle: F\ndate: 2024-01-01\nregions: [East Asia]\n---\n"
        site["Content/articles/second.md"] = "---\ntitle: S\ndate: 2024-01-02\n---\n"
        site["Content/agencies/kisa.md"] = nil
        site["Content/agencies/eeas.md"] = nil
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        #expect(result.paths.contains("regions/east-asia/index.html"))
        #expect(!result.paths.contains("agencies/index.html"))
    }

    @Test func listsAreNewestFirstByInstantTiesBySlug() throws {
        var site = TestSite(files: ["Content/site.yaml": "title: T\nbaseURL: https://x.test/\n"])
        // 09:00 in Seoul is 00:00 UTC: before 01:00 UTC the same day.
        site["Content/articles/seoul.md"] = "---\ntitle: Seoul\ndate: 2025-01-10T09:00:00+09:00\n---\n"
        site["Content/articles/utc.md"] = "---\ntitle: UTC\ndate: 2025-01-10T01:00:00Z\n---\n"
        site["Content/articles/b-tie.md"] = "---\ntitle: B\ndate: 2025-01-09\n---\n"
        site["Content/articles/a-tie.md"] = "---\ntitle: A\ndate: 2025-01-09\n---\n"
        let result = site.build()
        let list = try #require(result.text("articles/index.html"))
        let order = ["/articles/utc/", "/articles/seoul/", "/articles/a-tie/", "/articles/b-tie/"].map {
            list.range(of: $0)!.lowerBound
        }
        #expect(order == order.sorted())
    }

    @Test func paginationFollowsPerPage() throws {
        var site = TestSite(files: ["Content/site.yaml": "title: T\nbaseURL: https://x.test/\nperPage: 2\n"])
        for day in 1...5 {
            site["Content/articles/a\(day).md"] = "---\ntitle: A\(day)\ndate: 2025-01-0\(day)\nagencies: [X]\n---\n"
        }
        let result = site.build()
        #expect(result.paths.contains("articles/page/2/index.html"))
        #expect(result.paths.contains("articles/page/3/index.html"))
        #expect(!result.paths.contains("articles/page/4/index.html"))
        #expect(result.paths.contains("agencies/x/page/3/index.html"))
        let second = try #require(result.text("articles/page/2/index.html"))
        #expect(second.contains("/articles/a3/") && second.contains("/articles/a2/"))
        #expect(!second.contains("/articles/a5/"))
        #expect(second.contains("rel=\"prev\" href=\"/articles/\""))
        #expect(second.contains("rel=\"next\" href=\"/articles/page/3/\""))
        let home = try #require(result.text("index.html"))
        #expect(home.contains("/articles/a5/") && home.contains("/articles/a4/") && !home.contains("/articles/a3/\""))
    }

    @Test func draftsAndFutureArticlesNeedTheirFlags() {
        var site = TestSite.standard()
        site["Content/articles/draft.md"] = "---\ntitle: D\ndate: 2024-01-01\ndraft: true\n---\n"
        site["Content/articles/later.md"] = "---\ntitle: L\ndate: 2030-01-01\n---\n"
        site["Content/pages/wip.md"] = "---\ntitle: W\ndraft: true\n---\n"
        let plain = site.build()
        #expect(!plain.paths.contains("articles/draft/index.html"))
        #expect(!plain.paths.contains("articles/later/index.html"))
        #expect(!plain.paths.contains("wip/index.html"))
        let all = site.build(drafts: true, future: true)
        #expect(all.paths.contains("articles/draft/index.html"))
        #expect(all.paths.contains("articles/later/index.html"))
        #expect(all.paths.contains("wip/index.html"))
    }

    @Test func markdownLinksToContentFilesBecomeURLs() throws {
        var site = TestSite.standard()
        site["Content/articles/2025/linker.md"] = """
            ---
            title: Linker
            date: 2025-01-01
            ---

            [one](../first.md) [frag](../second.md#the-heading) [page](../../pages/about.md)
            [agency](../../agencies/kisa.md) [site](/threats/) [web](https://example.org/x.md)

            """
        site["Content/pages/about.md"] = "---\ntitle: About\n---\n"
        site["Content/articles/second.md"]! += "\n## The heading\n"
        let html = try #require(site.build(baseURL: "https://x.test/sub/").text("articles/linker/index.html"))
        #expect(html.contains("href=\"/sub/articles/first/\""))
        #expect(html.contains("href=\"/sub/articles/second/#the-heading\""))
        #expect(html.contains("href=\"/sub/about/\""))
        #expect(html.contains("href=\"/sub/agencies/kisa/\""))
        #expect(html.contains("href=\"/sub/threats/\""))
        #expect(html.contains("href=\"https://example.org/x.md\""))
    }

    @Test func relativeLinksInATermsDescriptionWorkOnEveryPageOfItsList() throws {
        var site = TestSite.standard()
        site["Content/agencies/kisa.md"]! += "\nSee [every agency](../) and [the map](../../map.svg).\n"
        site["Content/static/map.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        site["Content/articles/third.md"] = "---\ntitle: Third\ndate: 2024-05-01\nagencies: [KISA]\n---\n\nThird.\n"
        let result = site.build(baseURL: "https://x.test/sub/")
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        for page in ["agencies/kisa/index.html", "agencies/kisa/page/2/index.html"] {
            let html = try #require(result.text(page))
            #expect(html.contains("<a href=\"/sub/agencies/\">every agency</a>"), "\(page)")
            #expect(html.contains("<a href=\"/sub/map.svg\">the map</a>"), "\(page)")
        }
    }

    @Test func aLinkToAnArticleWithErrorsSaysSoRatherThanMissing() throws {
        var site = TestSite.standard()
        site["Content/articles/first.md"] = "---\ntitle: Seoul: broken\ndate: 2024-03-01\n---\n"
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.contains { $0.code == .yamlSyntax && $0.location.file == "Content/articles/first.md" })
        let link = try #require(diagnostics.first { $0.code == .brokenLink && $0.location.file == "Content/articles/second.md" })
        #expect(link.message.contains("which is a file with errors of its own"), "\(link.message)")
        #expect(!link.message.contains("does not exist"))
    }

    @Test func linksToGeneratedFilesAreNotBroken() throws {
        var site = TestSite.standard()
        site["Content/articles/2025/linker.md"] = """
            ---
            title: Linker
            date: 2025-01-01
            ---

            [a](/feed.xml) [b](/feed.json) [c](/sitemap.xml) [d](/robots.txt) [e](/agencies/kisa/feed.xml)
            [f](/dialogues/test-dialogue/feed.json) [g](../../feed.xml) [h](/search/)

            """
        let result = site.build()
        #expect(result.succeeded)
        #expect(!result.diagnostics.contains { $0.code == .brokenLink }, "\(result.diagnostics)")
        // And one that is not generated still is broken.
        site["Content/articles/2025/linker.md"]! += "\n[x](/agencies/kisa/feed.atom)\n"
        #expect(site.build().diagnostics.contains { $0.code == .brokenLink && $0.message.contains("feed.atom") })
    }

    @Test func hangulSlugsArePercentEncodedInLinksAndKeptOnDisk() throws {
        var site = TestSite.standard()
        site["Content/articles/한국-회의.md"] = "---\ntitle: 회의\ndate: 2025-01-01\n---\n"
        let result = site.build()
        #expect(result.paths.contains("articles/한국-회의/index.html"))
        let list = try #require(result.text("articles/index.html"))
        #expect(list.contains("href=\"/articles/%ED%95%9C%EA%B5%AD-%ED%9A%8C%EC%9D%98/\""))
    }

    @Test func frontMatterIsEscapedPerUnicodeScalar() throws {
        var site = TestSite.standard()
        // A quote followed by a combining acute accent is one Character: escaping per
        // Character would miss it and close the attribute.
        site["Content/articles/x.md"] = """
            ---
            title: "Evil\\"\u{301} onmouseover=alert(1) <script>alert(2)</script> & co"
            date: 2025-01-01
            summary: "\\"\u{301}><img src=x onerror=alert(3)>"
            ---

            <script>alert(4)</script> [click](javascript:alert(5))

            """
        let page = try #require(site.build().text("articles/x/index.html"))
        // JSON-LD escapes for JSON inside a script element: check it apart.
        let script = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let scriptEnd = try #require(page.range(of: "</script>", range: script.upperBound..<page.endIndex))
        let json = String(page[script.upperBound..<scriptEnd.lowerBound])
        #expect(!json.contains("<"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((object?["headline"] as? String)?.hasPrefix("Evil\"\u{301} onmouseover=alert(1) <script>") == true)
        let html = String(page[..<script.lowerBound]) + String(page[scriptEnd.upperBound...])
        let unescaped = "\"\u{301} onmouseover"
        let escapedTitle = "Evil&quot;\u{301} onmouseover=alert(1) &lt;script&gt;alert(2)&lt;/script&gt; &amp; co"
        let escapedSummary = "content=\"&quot;\u{301}&gt;&lt;img src=x onerror=alert(3)&gt;\""
        #expect(!html.contains("<script>"))
        #expect(!html.contains(unescaped))
        #expect(html.contains(escapedTitle))
        #expect(html.contains(escapedSummary))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func paramsReachTemplatesAndWebsitesMustBeHTTP() throws {
        var site = TestSite.standard()
        site["Content/agencies/eeas.md"] = "---\nname: European External Action Service\nshort: EEAS\nwebsite: javascript:alert(1)\n---\n"
        site["Content/agencies/kisa.md"] = "---\nname: Korea Internet & Security Agency\nshort: KISA\nwebsite: https://kisa.or.kr/\n---\n"
        let result = site.build()
        #expect(result.text("agencies/kisa/index.html")?.contains("href=\"https://kisa.or.kr/\"") == true)
        #expect(result.text("agencies/eeas/index.html")?.contains("javascript:") == false)
    }

    @Test func headingsGetStableUniqueIDs() throws {
        var site = TestSite.standard()
        site["Content/articles/h.md"] = "---\ntitle: H\ndate: 2025-01-01\n---\n\n## Background\n\n## Background\n\n## ***\n\n### Korea & the EU\n"
        let html = try #require(site.build().text("articles/h/index.html"))
        #expect(html.contains("<h2 id=\"background\">Background</h2>"))
        #expect(html.contains("<h2 id=\"background-1\">Background</h2>"))
        #expect(html.contains("<h3 id=\"korea-and-the-eu\">"))
    }

    @Test func summariesDefaultToTheFirstParagraphCutAtAWord() throws {
        var site = TestSite.standard()
        let long = Array(repeating: "word", count: 100).joined(separator: " ")
        site["Content/articles/s.md"] = "---\ntitle: S\ndate: 2030-01-01\n---\n\n## Heading\n\nFirst *para*\ngraph with `code`.\n\nSecond.\n"
        site["Content/articles/l.md"] = "---\ntitle: L\ndate: 2030-01-02\n---\n\n\(long)\n"
        let result = site.build(future: true)
        let list = try #require(result.text("articles/index.html"))
        #expect(list.contains("First para graph with code."))
        let cut = String(repeating: "word ", count: 59) + "word…"
        #expect(cut.count <= 300)
        #expect(list.contains(cut))
    }

    @Test func staticFilesAndAssetsAreCopied() throws {
        var site = TestSite.standard()
        site["Content/static/images/map.svg"] = "<svg/>"
        site["Content/static/.well-known/security.txt"] = "Contact: x"
        let result = site.build()
        #expect(result.paths.contains("images/map.svg"))
        #expect(result.paths.contains(".well-known/security.txt"))
        #expect(result.paths.contains("assets/style.css"))
    }

    @Test func baseURLOverrideChangesCanonicalLinks() throws {
        let result = TestSite.standard().build(baseURL: "https://mirror.test/news/")
        let home = try #require(result.text("index.html"))
        #expect(home.contains("<link rel=\"canonical\" href=\"https://mirror.test/news/\">"))
        #expect(home.contains("href=\"/news/assets/style.css\""))
    }
}
