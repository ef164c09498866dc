import BulletinResolve
@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinRender
@testable import BulletinBuild
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Feeds, sitemap, robots.txt, metadata and the search index: valid for the clients that
/// read them.
@Suite struct PublishingTests {
    static let schemas = packageRoot + "/Tests/Fixtures/schemas"

    func site(_ changes: [String: String] = [:]) -> TestSite {
        var site = TestSite.standard()
        for (path, text) in changes { site[path] = text }
        return site
    }

    @Test func feedsExistWhereTheContractSays() {
        let paths = Set(site().build().paths)
        for path in ["feed.xml", "feed.json", "agencies/kisa/feed.xml", "agencies/kisa/feed.json",
                     "threats/ransomware/feed.xml", "dialogues/test-dialogue/feed.xml", "dialogues/test-dialogue/feed.json",
                     "sitemap.xml", "robots.txt", "search/index.html", "search/meta.json", "search/search.js"] {
            #expect(paths.contains(path), "missing \(path)")
        }
    }

    /// A page's `lastmod` is its newest article's date as written; of two at one instant
    /// written in two offsets, the first the page lists (ties go by slug: `alpha` first).
    @Test func aPagesLastModifiedIsItsNewestArticlesDateAsWritten() throws {
        let sitemap = try #require(site([
            "Content/articles/alpha.md": "---\ntitle: Alpha\ndate: 2025-05-20T10:00:00+09:00\n---\n\nAlpha.\n",
            "Content/articles/beta.md": "---\ntitle: Beta\ndate: 2025-05-20T01:00:00Z\n---\n\nBeta.\n",
        ]).build().text("sitemap.xml"))
        #expect(sitemap.contains("<url><loc>https://bulletin.test/</loc><lastmod>2025-05-20T10:00:00+09:00</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://bulletin.test/articles/beta/</loc><lastmod>2025-05-20T01:00:00Z</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://bulletin.test/archive/2024/</loc><lastmod>2024-04-01</lastmod></url>"))
    }

    @Test func atomFeedsHaveAbsoluteLinksOffsetsAndStableIDs() throws {
        let feed = try #require(site().build().text("feed.xml"))
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"))
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://bulletin.test/feed.xml\"/>"))
        #expect(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://bulletin.test/articles/second/\"/>"))
        #expect(feed.contains("<published>2024-04-01T00:00:00Z</published>"))
        #expect(feed.contains("<updated>2024-04-01T00:00:00Z</updated>\n<author>"))  // the newest entry, not the build time
        #expect(feed.contains("<category term=\"kisa\" scheme=\"https://bulletin.test/agencies/\" label=\"Korea Internet &amp; Security Agency\"/>"))
        #expect(feed.contains("<summary type=\"text\">The first paragraph of the first meeting.</summary>"))
        // Full content, with the site's links made absolute for feed readers.
        #expect(feed.contains("&lt;a href=&quot;https://bulletin.test/articles/first/&quot;&gt;the first&lt;/a&gt;"))
        let ids = feed.components(separatedBy: "<id>").dropFirst().map { $0.components(separatedBy: "</id>")[0] }
        #expect(ids.count == 3)
        #expect(ids.allSatisfy { $0.hasPrefix("urn:uuid:") })
        #expect(Set(ids).count == 3)
    }

    @Test(arguments: [
        ("#notes", "https://x.test/sub/articles/a/#notes"),
        ("../b/", "https://x.test/sub/articles/b/"),
        ("../../images/map.svg?v=2#top", "https://x.test/sub/images/map.svg?v=2#top"),
        ("map.png", "https://x.test/sub/articles/a/map.png"),
        ("./", "https://x.test/sub/articles/a/"),
        ("..", "https://x.test/sub/articles/"),
        ("../../../../up/", "https://x.test/up/"),
        ("/sub/agencies/kisa/", "https://x.test/sub/agencies/kisa/"),
        ("/sub/./a/../b/", "https://x.test/sub/b/"),
        ("/a/..", "https://x.test/"),
        ("/a//b/?q=/./#/..", "https://x.test/a//b/?q=/./#/.."),
        ("/.well-known/x", "https://x.test/.well-known/x"),
        ("/서울/", "https://x.test/서울/"),
        ("?page=2", "https://x.test/sub/articles/a/?page=2"),
        ("https://example.org/x", "https://example.org/x"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
        ("//cdn.example/x.png", "//cdn.example/x.png"),
    ])
    func feedLinksResolveAsOnTheArticlesPage(reference: String, expected: String) {
        #expect(Feed.resolve(reference, against: "https://x.test/sub/articles/a/") == expected)
    }

    @Test func feedContentHasNoRelativeLinksAndEachLanguageHasItsFeed() throws {
        var test = site()
        test["Content/site.yaml"]! += "languages: [en, ko]\n"
        test["Content/articles/notes.md"] = """
            ---
            title: 메모
            date: 2024-05-01
            lang: ko
            ---

            [위로](#notes) [다음](../../../articles/second/) ![지도](/map.svg)

            ## Notes

            """
        test["Content/static/map.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        let result = test.build()
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        let feed = try #require(result.text("ko/feed.xml"))
        #expect(feed.contains("&lt;a href=&quot;https://bulletin.test/ko/articles/notes/#notes&quot;&gt;"))
        #expect(feed.contains("&lt;a href=&quot;https://bulletin.test/articles/second/&quot;&gt;"))
        #expect(feed.contains("src=&quot;https://bulletin.test/map.svg&quot;"))
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ko\">"))
        #expect(feed.contains("<entry>\n<title>메모</title>"))
        let english = try #require(result.text("feed.xml"))
        #expect(english.contains("<entry>\n<title>Second meeting</title>"))
        #expect(!english.contains("메모"), "each language's feed holds its own articles")
        let json = try #require(result.text("ko/feed.json"))
        #expect(json.contains("https://bulletin.test/ko/articles/notes/#notes"))
    }

    @Test func entryIDsSurviveRebuildsAndMovesButLinksFollowTheAddress() throws {
        let here = site().build()
        let moved = site().build(baseURL: "https://elsewhere.example/news/")
        func ids(_ text: String) -> [String] {
            text.components(separatedBy: "<id>").dropFirst().map { $0.components(separatedBy: "</id>")[0] }
        }
        let first = try #require(here.text("agencies/kisa/feed.xml"))
        let second = try #require(moved.text("agencies/kisa/feed.xml"))
        #expect(ids(first) == ids(second))
        let again = try #require(site().build().text("agencies/kisa/feed.xml"))
        #expect(ids(first) == ids(again))
        #expect(second.contains("href=\"https://elsewhere.example/news/articles/first/\""))
        // The same article has the same id in every feed it is in, Atom and JSON.
        let siteFeed = try #require(here.text("feed.xml"))
        let articleID = ids(siteFeed)[2]
        #expect(first.contains(articleID))
        let jsonFeed = try #require(here.text("feed.json"))
        #expect(jsonFeed.contains("\"id\":\"\(articleID)\""))
    }

    @Test func jsonFeedsFollowVersion11() throws {
        let text = try #require(site().build().text("dialogues/test-dialogue/feed.json"))
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["feed_url"] as? String == "https://bulletin.test/dialogues/test-dialogue/feed.json")
        #expect(feed["home_page_url"] as? String == "https://bulletin.test/dialogues/test-dialogue/")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.map { $0["url"] as? String } == ["https://bulletin.test/articles/second/", "https://bulletin.test/articles/first/"])
        for item in items {
            #expect((item["id"] as? String)?.hasPrefix("urn:uuid:") == true)
            #expect(item["content_html"] is String)
            #expect(item["date_published"] is String)
        }
        #expect(items[1]["tags"] as? [String] == ["Korea Internet & Security Agency", "ransomware", "Test Dialogue"])
    }

    @Test func hostileTitlesAreEscapedAndForbiddenCharactersDropped() throws {
        let hostile = site([
            "Content/articles/evil.md": "---\ntitle: \"</title><script>alert(1)</script> & \\x01\\x1F ]]> \\\"quoted\\\"\\uFFFE\\uFDD0\\x85\"\ndate: 2030-01-01\nsummary: \"<b>bold</b> \\x07 & more\\x85\"\n---\n\nBody with <i>html</i> and \u{1}\(String(Unicode.Scalar(0xFDD0)!))controls.\n",
        ]).build(future: true)
        // HTML: escaped, and without the code points HTML forbids (the Nu validator's errors).
        for page in ["articles/evil/index.html", "index.html", "articles/index.html"] {
            let html = try #require(hostile.text(page))
            #expect(!html.unicodeScalars.contains { !ForbiddenCodePoints.isAllowed($0) }, "\(page)")
            #expect(!html.contains("<script>alert"), "\(page)")
        }
        #expect(try #require(hostile.text("articles/evil/index.html")).contains("and controls."))
        let atom = try #require(hostile.text("feed.xml"))
        #expect(atom.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;  ]]&gt; &quot;quoted&quot;</title>"))
        #expect(atom.contains("<summary type=\"text\">&lt;b&gt;bold&lt;/b&gt;  &amp; more</summary>"))
        #expect(!atom.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(XMLParser(data: Data(atom.utf8)).parse(), "the feed is not well-formed XML")
        let json = try #require(hostile.text("feed.json"))
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let item = try #require((feed["items"] as? [[String: Any]])?.first)
        #expect(item["title"] as? String == "</title><script>alert(1)</script> &  ]]> \"quoted\"")
        let search = try #require(hostile.text("search/docs-0.json"))
        #expect(!search.contains("<"))
        _ = try JSONSerialization.jsonObject(with: Data(search.utf8))
    }

    @Test func atomFeedsAreValidAgainstRFC4287() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try site().write(to: folder.path)
        let result = Builder.run(BuildOptions(
            contentPath: folder.path + "/Content", templatesPath: folder.path + "/Templates",
            outputPath: folder.path + "/Public", now: TestSite.now))
        #expect(result.succeeded)
        let feeds = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/Public")
            .filter { $0.hasSuffix("feed.xml") }.map { folder.path + "/Public/" + $0 }
        #expect(feeds.count == 5)
        let jing = try BulletinProcess.run("/usr/bin/jing", ["-c", Self.schemas + "/atom.rnc"] + feeds, in: folder.path)
        #expect(jing.status == 0, "jing: \(jing.standardOutput)\(jing.standardError)")
        let sitemap = try BulletinProcess.run(
            "/usr/bin/xmllint", ["--noout", "--schema", Self.schemas + "/sitemap-0.9.xsd", folder.path + "/Public/sitemap.xml"],
            in: folder.path)
        #expect(sitemap.status == 0, "xmllint: \(sitemap.standardError)")
    }

    @Test func theSitemapListsEveryPageWithLastmodAndRobotsNamesIt() throws {
        let result = site().build()
        let sitemap = try #require(result.text("sitemap.xml"))
        #expect(sitemap.contains("<url><loc>https://bulletin.test/articles/second/</loc><lastmod>2024-04-01</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://bulletin.test/</loc><lastmod>2024-04-01</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://bulletin.test/search/</loc></url>"))
        #expect(!sitemap.contains("404"))
        let pages = result.paths.filter { $0.hasSuffix("index.html") }.count
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == pages)
        #expect(result.text("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://bulletin.test/sitemap.xml\n")
    }

    @Test func pagesCarryCanonicalOpenGraphAndFeedLinks() throws {
        let result = site().build()
        for path in result.paths where path.hasSuffix(".html") && path != "404.html" {
            let html = try #require(result.text(path))
            #expect(html.contains("<link rel=\"canonical\" href=\"https://bulletin.test/"), "\(path) has no canonical link")
            #expect(html.contains("<meta property=\"og:title\""), "\(path) has no Open Graph title")
            #expect(html.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        }
        let article = try #require(result.text("articles/first/index.html"))
        #expect(article.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(article.contains("<meta property=\"article:published_time\" content=\"2024-03-01T00:00:00Z\">"))
        #expect(article.contains("<meta property=\"article:tag\" content=\"Korea Internet &amp; Security Agency\">"))
        #expect(article.contains("<meta name=\"description\" content=\"The first paragraph of the first meeting.\">"))
        let kisa = try #require(result.text("agencies/kisa/index.html"))
        #expect(kisa.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Korea Internet &amp; Security Agency — Test Bulletin (Atom)\" href=\"https://bulletin.test/agencies/kisa/feed.xml\">"))
        #expect(kisa.contains("type=\"application/feed+json\""))
        let home = try #require(result.text("index.html"))
        #expect(home.contains("href=\"https://bulletin.test/feed.xml\""))
    }

    func structuredData(_ html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func jsonLDMatchesEachPage() throws {
        var changed = site()
        changed["Content/articles/first.md"] = changed["Content/articles/first.md"]!.replacingOccurrences(of: "session: 1\n", with: "session: 1\nlocation: Seoul\n")
        let result = changed.build()
        let articlePage = try #require(result.text("articles/first/index.html"))
        let article = try structuredData(articlePage)
        #expect(article["@context"] as? String == "https://schema.org")
        #expect(article["@type"] as? String == "NewsArticle")
        #expect(article["headline"] as? String == "First meeting")
        #expect(article["datePublished"] as? String == "2024-03-01T00:00:00Z")
        #expect((article["publisher"] as? [String: Any])?["name"] as? String == "Test Bulletin")
        let about = try #require(article["about"] as? [[String: Any]])
        #expect(about.map { $0["@type"] as? String } == ["GovernmentOrganization", "DefinedTerm", "Event"])
        #expect(about[0]["url"] as? String == "https://bulletin.test/agencies/kisa/")
        #expect(about[2]["name"] as? String == "Test Dialogue, 1st session")
        #expect((about[2]["location"] as? [String: Any])?["name"] as? String == "Seoul")

        let agencyPage = try #require(result.text("agencies/kisa/index.html"))
        let agency = try structuredData(agencyPage)
        #expect(agency["@type"] as? String == "GovernmentOrganization")
        #expect(agency["alternateName"] as? [String] == ["KISA"])
        let threatPage = try #require(result.text("threats/ransomware/index.html"))
        let threat = try structuredData(threatPage)
        #expect(threat["@type"] as? String == "DefinedTerm")
        #expect((threat["inDefinedTermSet"] as? [String: Any])?["name"] as? String == "Threats")
        let seriesPage = try #require(result.text("dialogues/test-dialogue/index.html"))
        let series = try structuredData(seriesPage)
        #expect(series["@type"] as? String == "EventSeries")
        #expect((series["subEvent"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Test Dialogue, 1st session", "Test Dialogue, 2nd session"])
        let homePage = try #require(result.text("index.html"))
        let home = try structuredData(homePage)
        #expect(home["@type"] as? String == "WebSite")
    }

    @Test func feedLimitIsConfigurable() throws {
        var many = site(["Content/site.yaml": "title: T\nbaseURL: https://x.test/\nfeedLimit: 2\n"])
        for day in 1...5 { many["Content/articles/n\(day).md"] = "---\ntitle: N\(day)\ndate: 2025-02-0\(day)\n---\n" }
        let feed = try #require(many.build().text("feed.xml"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 2)
        #expect(feed.contains("articles/n5/") && feed.contains("articles/n4/") && !feed.contains("articles/n3/"))
    }

    @Test func pagefindIndexesArticlesWithTheirFilters() throws {
        guard let python = TestTools.path("python") else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try site().write(to: folder.path)
        _ = Builder.run(BuildOptions(
            contentPath: folder.path + "/Content", templatesPath: folder.path + "/Templates",
            outputPath: folder.path + "/Public", now: TestSite.now))
        let result = try BulletinProcess.run(
            python, ["-m", "pagefind_bin", "--site", folder.path + "/Public", "--output-path", folder.path + "/pagefind"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        let output = result.standardOutput
        #expect(output.contains("Indexed 2 pages"), "\(output)")
        #expect(output.contains("Indexed 4 filters"), "\(output)")
    }
}

@Suite struct SearchIndexTests {
    @Test func tokensFollowTheDocumentedRules() {
        #expect(SearchTokenizer.tokens("Korea–EU Cyber, ＫＩＳＡ's 7th") == ["korea", "eu", "cyber", "kisa", "s", "7th"])
        #expect(SearchTokenizer.tokens("한국인터넷진흥원과") == ["한국인터넷진흥원과", "한국", "국인", "인터", "터넷", "넷진", "진흥", "흥원", "원과"])
        #expect(SearchTokenizer.tokens("북한") == ["북한"])
        #expect(SearchTokenizer.shardKey("kisa") == "6b69")
        #expect(SearchTokenizer.shardKey("한국") == "ed959ceab5ad")
        #expect(SearchTokenizer.shardKey("a") == "61")
    }

    /// The tokenizer reads bytes; words mixing ASCII with other scripts, compatibility
    /// characters, combining marks and a long word must come out as the rules say.
    @Test func wordsMixingScriptsAndFormsFollowTheRules() {
        #expect(SearchTokenizer.tokens("KISA와 협력") == ["kisa와", "ki", "is", "sa", "a와", "협력"])
        #expect(SearchTokenizer.tokens("\u{FB01}nal Ⅻ") == ["final", "xii"])
        #expect(SearchTokenizer.tokens("E\u{301}te\u{301}-2025") == ["été", "2025"])
        #expect(SearchTokenizer.tokens("Café—SPYWARE…x") == ["café", "spyware", "x"])
        let long = String(repeating: "Ab9", count: 40)
        #expect(SearchTokenizer.tokens(long + " " + long) == [long.lowercased(), long.lowercased()])
        #expect(SearchTokenizer.tokens("🙂 — ,") == [])
        #expect(SearchTokenizer.shardKey("été") == "c3a974")
    }

    @Test func theIndexIsShardedAndDeltaEncoded() throws {
        let result = TestSite.standard().build()
        let metaText = try #require(result.text("search/meta.json"))
        let meta = try #require(try JSONSerialization.jsonObject(with: Data(metaText.utf8)) as? [String: Any])
        #expect(meta["count"] as? Int == 2)
        let facets = try #require(meta["facets"] as? [[String: Any]])
        #expect(facets.map { $0["name"] as? String } == ["agencies", "frameworks", "threats", "dialogues", "year"])
        // Newest first: second.md (kisa, EEAS as written: terms 1 and 0 by name), then
        // first.md (KISA, ransomware); both of the test dialogue and 2024.
        let docs = try #require(meta["docs"] as? [[[Int]]])
        #expect(docs == [[[1, 0], [], [], [0], [0]], [[1], [], [0], [0], [0]]])
        let shardText = try #require(result.text("search/t-6669.json"))
        let shard = try #require(try JSONSerialization.jsonObject(with: Data(shardText.utf8)) as? [String: [Int]])
        // "first": in the second article's summary (3), and the first article's title (10).
        #expect(shard["first"] == [0, 3, 1, 10])
        let chunk = try #require(result.text("search/docs-0.json"))
        #expect(chunk.hasPrefix("[[\"/articles/second/\",\"Second meeting\",\"1 April 2024\",\"2024-04-01\",\"The second meeting followed the first.\"]"))
    }

    @Test func commonWordsAreLeftOutOnlyOnLargeSites() throws {
        var site = TestSite.standard()
        for n in 1...4 { site["Content/articles/common-\(n).md"] = "---\ntitle: Common \(n)\ndate: 2024-0\(n)-02\n---\n\nEverywhere.\n" }
        site["Content/articles/first.md"]! += "\nEverywhere.\n"
        site["Content/articles/second.md"]! += "\nEverywhere.\n"
        var clock = PhaseClock()
        let prepared = PreparedBuild(site.tree(), options: BuildOptions(now: TestSite.now), clock: &clock)
        let inputs = RenderInputs(site: prepared.site, bodies: prepared.bodies, theme: try #require(prepared.theme))
        func index(minimum: Int) throws -> (stop: [String], indexed: Bool) {
            let index = SearchIndex(inputs: inputs, lang: "en", stopWordMinimum: minimum)
            let meta = try #require(try JSONSerialization.jsonObject(with: Data(index.files["search/meta.json"]!.utf8)) as? [String: Any])
            let shard = index.files["search/t-\(SearchTokenizer.shardKey("everywhere")).json"] ?? ""
            return (meta["stop"] as? [String] ?? [], shard.contains("\"everywhere\""))
        }
        // A bulletin's own size: every word is found, however common.
        #expect(try index(minimum: SearchIndex.stopWordMinimum) == ([], true))
        // A large site (here: a low minimum): a word in every article is left out, and named.
        let large = try index(minimum: 2)
        #expect(large.stop.contains("everywhere") && !large.indexed)
    }

    @Test func stableIDsAreRFC9562NameBased() {
        #expect(SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
        // Python: uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "https://bulletin/"), "article:x")
        #expect(StableID.uuid("article:x") == "c713a3d2-7c3d-56cf-819a-9f6330b91a5b")
        #expect(StableID.uuid("Cyber Policy Bulletin|article|ko|한국-사이버") == "122f5115-ac7a-5bab-a391-6ae651575962")
        // Messages of every padding case: one block, the length spilling into a second, two
        // and more blocks (Python's hashlib).
        let messages: [(String, String)] = [
            ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            (String(repeating: "a", count: 55), "c1c8bbdc22796e28c0e15163d20899b65621d65a"),
            (String(repeating: "a", count: 56), "c2db330f6083854c99d4b5bfb6e8f29f201be699"),
            (String(repeating: "a", count: 64), "0098ba824b5c16427bd7a1122a5a442a25ec644d"),
            (String(repeating: "a", count: 119), "ee971065aaa017e0632a8ca6c77bb3bf8b1dfc56"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        ]
        for (message, digest) in messages {
            #expect(SHA1.digest(Array(message.utf8)).map { String(format: "%02x", $0) }.joined() == digest, "\(message.count)")
        }
    }

    @Test func theBuiltInSearchTemplateIsTheDefaultThemes() throws {
        let file = try String(contentsOfFile: packageRoot + "/Templates/search.mustache", encoding: .utf8)
        #expect(BuiltInTemplates.search + "\n" == file)
    }

    @Test func theBuiltInArchiveTemplatesAreTheDefaultThemes() throws {
        let index = try String(contentsOfFile: packageRoot + "/Templates/archive.mustache", encoding: .utf8)
        let year = try String(contentsOfFile: packageRoot + "/Templates/archive-year.mustache", encoding: .utf8)
        #expect(BuiltInTemplates.archive + "\n" == index)
        #expect(BuiltInTemplates.archiveYear + "\n" == year)
    }
}

@Suite struct FeedLinkTests {
    /// Feed readers resolve links against the feed: every `href` and `src` of a body is made
    /// absolute as the browser would on the article's page, and nothing else is touched.
    @Test func linksInABodyAreMadeAbsoluteAsTheBrowserWouldOnThePage() {
        let page = "https://bulletin.example.org/articles/seventh/"
        let cases: [(String, String)] = [
            (##"<a href="#notes">n</a>"##, ##"<a href="https://bulletin.example.org/articles/seventh/#notes">n</a>"##),
            (##"<a href="../other/">o</a>"##, ##"<a href="https://bulletin.example.org/articles/other/">o</a>"##),
            (##"<img src="/agencies/kisa/logo.png" alt="K">"##, ##"<img src="https://bulletin.example.org/agencies/kisa/logo.png" alt="K">"##),
            (##"<a href="서울/">서울</a>"##, ##"<a href="https://bulletin.example.org/articles/seventh/서울/">서울</a>"##),
            (##"<a data-href="x/" href="mailto:desk@example.org">m</a>"##, ##"<a data-href="x/" href="mailto:desk@example.org">m</a>"##),
            (##"<a title="a=&quot;b" href="https://eeas.europa.eu/">e</a>"##, ##"<a title="a=&quot;b" href="https://eeas.europa.eu/">e</a>"##),
            (##"<p>x="y" and <a href="?q=1">q</a></p>"##, ##"<p>x="y" and <a href="https://bulletin.example.org/articles/seventh/?q=1">q</a></p>"##),
            (##"<p>no links, an unclosed href="</p>"##, ##"<p>no links, an unclosed href="</p>"##),
            ("", ""),
        ]
        for (html, expected) in cases {
            #expect(String(decoding: Feed.absoluteLinks(Array(html.utf8), pageURL: page), as: UTF8.self) == expected, "\(html)")
        }
    }
}

@Suite struct WordTableTests {
    /// The search index names words by the numbers this table gives: the same word must get
    /// the same number however often it comes, across the table's growth, and words must
    /// come back intact and sort by code point.
    @Test func aWordKeepsItsNumberAndComesBackIntact() {
        var table = WordTable()
        let words = (0..<3000).map { "w\($0)" } + ["한국", "été", "a", ""]
        let numbers = words.map { table.intern($0) }
        #expect(numbers == Array(0..<words.count))
        #expect(words.map { table.intern($0) } == numbers)
        #expect(table.count == words.count)
        #expect(numbers.map(table.word) == words)
        let other = table
        var copy = WordTable()
        #expect(copy.intern(3000, of: other) == 0)
        #expect(copy.word(0) == "한국")
        #expect(table.precedes(table.intern("a"), table.intern("été")))
        #expect(table.precedes(table.intern("été"), table.intern("한국")))
        #expect(!table.precedes(table.intern("w10"), table.intern("w1")))
        #expect(table.shardKey(table.intern("한국")) == SearchTokenizer.shardKey("한국"))
    }
}
