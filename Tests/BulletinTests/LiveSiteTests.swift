import BulletinOutput
@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinRender
@testable import BulletinBuild
import BulletinResolve
import Foundation
import Testing

/// Incremental rebuilds for `bulletin serve`: after every edit, the same bytes as a full build.
@Suite struct LiveSiteTests {
    /// A site with enough articles for pagination, feeds and search to matter.
    static func site() -> TestSite {
        var site = TestSite.standard()
        for day in 1...9 {
            site["Content/articles/2025/bulk-\(day).md"] = """
                ---
                title: Bulk \(day)
                date: 2025-01-0\(day)
                agencies: [KISA\(day % 2 == 0 ? ", EEAS" : "")]
                dialogue: test-dialogue
                ---

                The first paragraph of bulk \(day), about ransomware.

                ## Details

                More words: cybercrime, 한국어 본문 \(day).

                """
        }
        return site
    }

    let options = BuildOptions(now: TestSite.now)

    /// An edit that replaces `from`, which the file at `path` must have, with `to`.
    static func replacing(
        _ from: String, with to: String, in path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> (inout TestSite) -> Void {
        { site in
            let text = site[path] ?? ""
            #expect(text.contains(from), "\(path) has \(from)", sourceLocation: sourceLocation)
            site[path] = text.replacingOccurrences(of: from, with: to)
        }
    }

    /// Applies `edit` to `site` and checks the live site against a full build.
    func apply(
        _ edit: (inout TestSite) -> Void, to live: inout LiveSite, site: inout TestSite
    ) throws -> LiveSite.Outcome {
        let before = site.allFiles
        edit(&site)
        let after = site.allFiles
        var changes: Set<SourceChange> = []
        for path in Set(before.keys).union(after.keys) where before[path] != after[path] {
            if let content = path.removingPrefix("Content/") { changes.insert(.content(content)) }
            if let template = path.removingPrefix("Templates/") { changes.insert(.template(template)) }
        }
        return live.update(tree: site.tree(), changes: changes)
    }

    func expectSameAsFullBuild(_ live: LiveSite, _ site: TestSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let full = site.build()
        #expect(full.succeeded, sourceLocation: sourceLocation)
        let expected = Dictionary(uniqueKeysWithValues: (full.output?.files ?? []).map { ($0.path, $0.contents) })
        #expect(Set(live.files.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        for (path, contents) in expected where live.files[path] != contents {
            Issue.record("\(path) differs from a full build", sourceLocation: sourceLocation)
        }
        #expect(live.diagnostics == full.diagnostics, "the same problems as a full build", sourceLocation: sourceLocation)
    }

    @Test func anArticlesTextIsUpdatedInPlace() throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: options)
        #expect(live.hasSite && live.isCurrent)
        // A new first paragraph: the summary changes, so lists, feeds and search change.
        var outcome = try apply({ $0["Content/articles/2025/bulk-3.md"]! = $0["Content/articles/2025/bulk-3.md"]!
            .replacingOccurrences(of: "The first paragraph of bulk 3", with: "A rewritten opening for bulk 3") }, to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(outcome.changed.contains("articles/bulk-3/index.html"))
        #expect(outcome.changed.contains("feed.xml"))
        #expect(outcome.changed.contains { $0.hasPrefix("agencies/kisa/") && $0.hasSuffix("index.html") })
        #expect(outcome.changed.contains { $0.hasPrefix("search/t-") })
        #expect(!outcome.changed.contains("articles/bulk-4/index.html"))
        expectSameAsFullBuild(live, site)

        // Text with a problem (raw HTML cmark drops: a warning), then without it again.
        let bulk6 = site["Content/articles/2025/bulk-6.md"]!
        outcome = try apply({ $0["Content/articles/2025/bulk-6.md"]! += "\n<div>dropped</div>\n" }, to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(live.diagnostics.contains { $0.location.file.hasSuffix("bulk-6.md") && $0.severity == .warning })
        expectSameAsFullBuild(live, site)
        outcome = try apply({ $0["Content/articles/2025/bulk-6.md"] = bulk6 }, to: &live, site: &site)
        #expect(!live.diagnostics.contains { $0.location.file.hasSuffix("bulk-6.md") })
        expectSameAsFullBuild(live, site)

        // Only later text: the list entry stays, lists are not rendered again.
        outcome = try apply({ $0["Content/articles/2025/bulk-5.md"]! += "\nA last paragraph with new words: zeitgeist.\n" }, to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(!outcome.changed.contains("index.html"))
        #expect(!outcome.changed.contains("articles/index.html"))
        expectSameAsFullBuild(live, site)
    }

    /// The site with one more article, the newest, whose front matter the next tests edit: an
    /// unregistered agency (a warning at its line) and an unused registry entry (an empty
    /// feed, dated by the site's newest change).
    static func frontMatterSite() -> TestSite {
        var site = site()
        site["Content/articles/2025/fm.md"] = """
            ---
            title: Front matter
            date: 2025-02-01
            dialogue: Test Dialogue
            session: 3
            agencies:
              - KISA
              - Korea Internet Agncy
            ---

            The opening of the front matter article.

            """
        site["Content/agencies/unused.md"] = "---\nname: Unused Agency\n---\n\nNo article names it.\n"
        return site
    }

    @Test func frontMatterEditsThatKeepTheArticlesPlaceAreIncremental() throws {
        var site = Self.frontMatterSite()
        var live = LiveSite(tree: site.tree(), options: options)
        #expect(live.isCurrent)
        #expect(live.diagnostics.contains { $0.code == .unregisteredTerm && $0.location.line == 8 })
        let path = "Content/articles/2025/fm.md"
        func edit(_ from: String, _ to: String) -> (inout TestSite) -> Void { Self.replacing(from, with: to, in: path) }

        // A new title: its page, the lists and feeds that show it, search.
        var outcome = try apply(edit("title: Front matter", "title: Front matter, retitled"), to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(outcome.changed.isSuperset(of: ["articles/fm/index.html", "index.html", "feed.xml", "dialogues/test-dialogue/index.html"]))
        #expect(outcome.changed.contains { $0.hasPrefix("search/") })
        // A page that does not show the title stays as it was; one that lists the article
        // among its related articles (bulk-9 shares KISA with it) is made again.
        #expect(!outcome.changed.contains("agencies/unused/index.html"))
        #expect(live.files["agencies/unused/index.html"] != nil)
        #expect(outcome.changed.contains("articles/bulk-9/index.html"))
        expectSameAsFullBuild(live, site)

        // Lines added above the terms: the warning about the agency moves with its line.
        outcome = try apply(edit("date: 2025-02-01\n", "date: 2025-02-01\nsummary: A summary.\nlocation: Seoul\n"), to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(live.diagnostics.contains { $0.code == .unregisteredTerm && $0.location.line == 10 })
        expectSameAsFullBuild(live, site)

        // `updated`: the sitemap, and the empty feed dated by the site's newest change.
        outcome = try apply(edit("location: Seoul\n", "location: Seoul\nupdated: 2025-06-01T09:00:00+09:00\n"), to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(outcome.changed.isSuperset(of: ["sitemap.xml", "agencies/unused/feed.xml", "articles/fm/index.html"]))
        expectSameAsFullBuild(live, site)

        // New parse problems (a misspelt key, a summary too long) come and go.
        outcome = try apply(edit("location: Seoul\n", "locaton: Seoul\n"), to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(live.diagnostics.contains { $0.code == .unknownKey && $0.location.line == 5 })
        expectSameAsFullBuild(live, site)
        outcome = try apply(edit("summary: A summary.", "summary: \(String(repeating: "Long. ", count: 100))"), to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(live.diagnostics.contains { $0.code == .summaryTooLong })
        expectSameAsFullBuild(live, site)
        outcome = try apply(edit("locaton: Seoul\n", ""), to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(!live.diagnostics.contains { $0.code == .unknownKey })
        expectSameAsFullBuild(live, site)

        // A term reference written differently but the same text in the same order: moved.
        outcome = try apply(edit("agencies:\n  - KISA\n  - Korea Internet Agncy\n", "agencies: [KISA, Korea Internet Agncy]\n"), to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        expectSameAsFullBuild(live, site)
    }

    /// A full rebuild parses again only the files whose bytes changed, unless site.yaml did:
    /// what an article may say depends on it (its languages, taxonomies).
    @Test func aFullRebuildAfterASiteYAMLEditParsesEveryFileAgain() throws {
        var site = Self.site()
        site["Content/articles/2025/korean.md"] = "---\ntitle: 한국어 기사\ndate: 2025-03-01\nlang: ko\n---\n\n본문.\n"
        var live = LiveSite(tree: site.tree(), options: options)
        #expect(!live.hasSite, "lang: ko is not one of the site's languages yet")
        var outcome = try apply({ $0["Content/site.yaml"]! += "languages: [en, ko]\n" }, to: &live, site: &site)
        #expect(outcome.strategy == .full, "the first good build renders everything")
        #expect(live.isCurrent, "\(live.diagnostics.map { $0.formatted() })")
        expectSameAsFullBuild(live, site)
        // And back: the article is wrong again, though its bytes never changed.
        outcome = try apply({ $0["Content/site.yaml"] = $0["Content/site.yaml"]!.replacingOccurrences(of: "languages: [en, ko]\n", with: "") },
                            to: &live, site: &site)
        #expect(outcome.strategy == .failed)
        #expect(live.diagnostics.contains { $0.code == .invalidValue && $0.location.file.hasSuffix("korean.md") })
        // A new article with the other files unchanged: a full rebuild from the memo, the
        // same as a build from scratch.
        outcome = try apply({ $0["Content/articles/2025/korean.md"] = nil; $0["Content/articles/2025/later.md"] = "---\ntitle: Later\ndate: 2025-04-01\n---\n\nLater.\n" },
                            to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        expectSameAsFullBuild(live, site)
    }

    /// Every absolute address follows a new `baseURL`: the sitemap's elements kept from the
    /// last update (by page, date and versions) are written again, as feeds and pages are.
    @Test func aNewBaseURLReachesTheSitemap() throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: options)
        let yaml = try #require(site["Content/site.yaml"])
        let address = try #require(yaml.split(separator: "\n").first { $0.hasPrefix("baseURL:") })
        #expect(try apply({ $0["Content/site.yaml"] = yaml.replacingOccurrences(of: address, with: "baseURL: https://moved.example/news/") },
                          to: &live, site: &site).strategy == .incremental)
        expectSameAsFullBuild(live, site)
        guard case .bytes(let sitemap)? = live.files["sitemap.xml"] else {
            Issue.record("no sitemap")
            return
        }
        #expect(String(decoding: sitemap, as: UTF8.self).contains("<loc>https://moved.example/news/articles/bulk-3/</loc>"))
        // Then a date: the elements of the pages it does not move are those just written.
        #expect(try apply({ $0["Content/articles/2025/bulk-3.md"] = $0["Content/articles/2025/bulk-3.md"]!
            .replacingOccurrences(of: "date: 2025-01-03", with: "date: 2024-12-03") }, to: &live, site: &site).strategy == .incremental)
        expectSameAsFullBuild(live, site)
    }

    /// A file's parse is kept across a site.yaml edit only while what a parse reads of the
    /// settings stays: a new taxonomy turns a free-form key (`params.regions`) into terms, in
    /// the same bytes.
    @Test func aSiteYAMLEditThatAddsATaxonomyParsesTheArticlesAgain() throws {
        var site = Self.site()
        site["Content/articles/2025/regional.md"] = "---\ntitle: Regional\ndate: 2025-03-01\nregions: [Asia]\n---\n\nText.\n"
        var live = LiveSite(tree: site.tree(), options: options)
        #expect(live.isCurrent && live.files["regions/asia/index.html"] == nil, "regions is only a parameter yet")
        _ = try apply({ $0["Content/site.yaml"]! += "taxonomies: [agencies, frameworks, threats, regions]\n" }, to: &live, site: &site)
        #expect(live.isCurrent, "\(live.diagnostics.map { $0.formatted() })")
        #expect(live.files["regions/asia/index.html"] != nil)
        expectSameAsFullBuild(live, site)
        // The title alone: every parse is kept, and the site is still the same as a full build.
        _ = try apply({ $0["Content/site.yaml"] = $0["Content/site.yaml"]!.replacingOccurrences(of: "title: ", with: "title: New ") },
                      to: &live, site: &site)
        expectSameAsFullBuild(live, site)
    }

    /// An edit of the site's words (its title, description, a language's own title, a
    /// parameter) keeps the site's structure: nothing is parsed or resolved again, and the
    /// pages and feeds that show the words are rendered with the new ones.
    @Test func anEditOfTheSitesWordsKeepsItsStructure() throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: options)
        let edits: [(String, (inout TestSite) -> Void)] = [
            ("the description", { $0["Content/site.yaml"] = $0["Content/site.yaml"]!.replacingOccurrences(of: "description: ", with: "description: New words. ") }),
            ("the title", { $0["Content/site.yaml"] = $0["Content/site.yaml"]!.replacingOccurrences(of: "title: ", with: "title: New ") }),
            ("a parameter", { $0["Content/site.yaml"]! += "tagline: Weekly\n" }),
            ("the languages' own words", { $0["Content/site.yaml"]! += "languages: {en: {title: English title, description: English words}}\n" }),
        ]
        for (name, edit) in edits {
            let outcome = try apply(edit, to: &live, site: &site)
            #expect(outcome.strategy == .incremental, "\(name)")
            let phases = outcome.timings.map(\.phase)
            #expect(phases.contains("search") && !phases.contains { $0.contains("sitemap") }, "\(name): the structure is kept, \(phases)")
            #expect(outcome.changed.contains("index.html") && outcome.changed.contains("feed.xml") || name == "a parameter", "\(name)")
            expectSameAsFullBuild(live, site)
        }
        // A setting that decides the structure: resolved again.
        let outcome = try apply({ $0["Content/site.yaml"] = $0["Content/site.yaml"]!.replacingOccurrences(of: "perPage: 2", with: "perPage: 1") },
                                to: &live, site: &site)
        #expect(outcome.timings.map(\.phase).contains { $0.contains("sitemap") }, "resolved again: the sitemap is made again")
        expectSameAsFullBuild(live, site)
    }

    /// A full rebuild renders again only the bodies whose text changed, unless links would be
    /// rewritten differently: here another article's link follows a new slug.
    @Test func aFullRebuildRendersBodiesAgainWhenTheirLinksChange() throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: options)
        let outcome = try apply({ $0["Content/articles/first.md"] = $0["Content/articles/first.md"]!
            .replacingOccurrences(of: "title: First meeting", with: "title: First meeting\nslug: first-renamed") }, to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        guard case .bytes(let page)? = live.files["articles/second/index.html"] else {
            Issue.record("no page for second.md")
            return
        }
        #expect(String(decoding: page, as: UTF8.self).contains("href=\"/articles/first-renamed/\""))
        expectSameAsFullBuild(live, site)
    }

    @Test(arguments: [
        ("the date", "date: 2025-02-01", "date: 2024-12-01"),
        ("a term", "  - KISA\n", "  - EEAS\n"),
        ("the dialogue", "dialogue: Test Dialogue", "dialogue: Another Dialogue"),
        ("the session", "session: 3", "session: 2"),
        ("the slug", "title: Front matter", "title: Front matter\nslug: moved"),
        ("a draft", "title: Front matter", "title: Front matter\ndraft: true"),
    ])
    func frontMatterEditsThatMoveTheArticleRebuildInFull(_ what: String, _ from: String, _ to: String) throws {
        var site = Self.frontMatterSite()
        var live = LiveSite(tree: site.tree(), options: options)
        let outcome = try apply({ $0["Content/articles/2025/fm.md"] = $0["Content/articles/2025/fm.md"]!
            .replacingOccurrences(of: from, with: to) }, to: &live, site: &site)
        #expect(outcome.strategy == .incremental, "\(what)")
        // Only what differs counts as changed (open pages reload by it), even after a full build.
        #expect(!outcome.changed.contains("robots.txt"))
        #expect(!outcome.changed.contains("search/index.html"))
        #expect(outcome.changed.contains("agencies/kisa/index.html") || outcome.removed.contains("articles/fm/index.html")
            || outcome.changed.contains("dialogues/test-dialogue/index.html"))
        expectSameAsFullBuild(live, site)
    }

    /// A taxonomy's references are resolved again only when what resolving them read changed:
    /// an edit of the date reuses them; a comment beside a reference (its warning quotes the
    /// line), a registry entry's description edited with another article's date, and a
    /// changed series are still what a full build makes of them.
    @Test func referencesAreResolvedAgainWhenWhatTheyReadChanged() throws {
        var site = Self.frontMatterSite()
        var live = LiveSite(tree: site.tree(), options: options)
        let article = "Content/articles/2025/fm.md"
        let steps: [(inout TestSite) -> Void] = [
            Self.replacing("date: 2025-02-01", with: "date: 2024-12-01", in: article),
            Self.replacing("  - Korea Internet Agncy\n", with: "  - Korea Internet Agncy # as the source spells it\n", in: article),
            {
                Self.replacing("date: 2024-12-01", with: "date: 2025-03-01", in: article)(&$0)
                Self.replacing("Korea's internet agency.", with: "Korea's internet and security agency.", in: "Content/agencies/kisa.md")(&$0)
            },
            Self.replacing("dialogue: Test Dialogue", with: "dialogue: Another Dialogue", in: article),
        ]
        for step in steps {
            #expect(try apply(step, to: &live, site: &site).strategy == .incremental)
            expectSameAsFullBuild(live, site)
        }
        #expect(live.diagnostics.contains { $0.sourceLine?.contains("# as the source spells it") == true })
        guard case .bytes(let page)? = live.files["agencies/kisa/index.html"] else {
            Issue.record("no page for KISA")
            return
        }
        #expect(String(decoding: page, as: UTF8.self).contains("internet and security agency"))
    }

    /// A move that only reorders the planned files is spared the collision check; a slug
    /// that takes another article's address is still an error, as in a full build, and the
    /// site comes back with the next good save.
    @Test func collisionsAreFoundAfterMovesThatKeptTheFiles() throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: options)
        let bulk3 = "Content/articles/2025/bulk-3.md"
        #expect(try apply(Self.replacing("date: 2025-01-03", with: "date: 2024-12-03", in: bulk3), to: &live, site: &site).strategy == .incremental)
        expectSameAsFullBuild(live, site)
        #expect(try apply(Self.replacing("title: Bulk 3\n", with: "title: Bulk 3\nslug: bulk-5\n", in: bulk3), to: &live, site: &site).strategy == .failed)
        let full = site.build()
        #expect(full.diagnostics.contains { $0.code == .urlCollision })
        #expect(live.diagnostics == full.diagnostics)
        #expect(try apply({
            Self.replacing("slug: bulk-5\n", with: "", in: bulk3)(&$0)
            Self.replacing("date: 2024-12-03", with: "date: 2025-01-03", in: bulk3)(&$0)
        }, to: &live, site: &site).strategy == .incremental)
        expectSameAsFullBuild(live, site)
    }

    /// After an edit that only adds or removes pages (a new series, a new year), the preview
    /// rewrites again only the links that read one of their paths or folders: a link to the
    /// page, and a broken link whose suggestion comes from its folder, follow it as in a full
    /// build, both ways (broken links are errors: each step is compared by its diagnostics).
    @Test func linksFollowPagesThatComeAndGo() throws {
        var site = Self.site()
        site["Content/articles/2025/linker.md"] = """
            ---
            title: Linker
            date: 2025-02-01
            ---

            See [the next series](/dialogues/next-dialogue/) and [2023](/archive/2023/).

            """
        // In a body of its own: a body whose other link changed is rendered again whole.
        site["Content/articles/2025/typo.md"] = """
            ---
            title: Typo
            date: 2025-02-02
            ---

            See [a typo](/dialogues/next-dialogu/).

            """
        var live = LiveSite(tree: site.tree(), options: options)
        func says(_ text: String) -> Bool { live.diagnostics.contains { $0.message.contains(text) || ($0.hint ?? "").contains(text) } }
        func expectAsAFullBuild(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            #expect(live.diagnostics == site.build().diagnostics, sourceLocation: sourceLocation)
        }
        expectAsAFullBuild()
        #expect(says("/dialogues/next-dialogue/, which the site does not have"))
        #expect(!says("did you mean /dialogues/next-dialogue/?"))
        let bulk5 = "Content/articles/2025/bulk-5.md"
        func replace(_ from: String, _ to: String) -> (inout TestSite) -> Void { Self.replacing(from, with: to, in: bulk5) }
        _ = try apply(replace("dialogue: test-dialogue", "dialogue: Next Dialogue"), to: &live, site: &site)
        expectAsAFullBuild()
        #expect(!says("/dialogues/next-dialogue/, which the site does not have"))
        #expect(says("did you mean /dialogues/next-dialogue/?"), "the typo's suggestion comes from the folder's new page")
        _ = try apply(replace("date: 2025-01-05", "date: 2023-01-05"), to: &live, site: &site)
        expectAsAFullBuild()
        #expect(!says("/archive/2023/, which the site does not have"))
        _ = try apply(replace("dialogue: Next Dialogue", "dialogue: test-dialogue"), to: &live, site: &site)
        expectAsAFullBuild()
        _ = try apply(replace("date: 2023-01-05", "date: 2025-01-05"), to: &live, site: &site)
        expectAsAFullBuild()
        #expect(says("/dialogues/next-dialogue/, which the site does not have"))
        #expect(says("/archive/2023/, which the site does not have"))
    }

    @Test func addingAndRemovingArticles() throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: options)
        var outcome = try apply({ $0["Content/articles/new.md"] = "---\ntitle: New\ndate: 2025-06-01\nthreats: [Phishing]\n---\nNew.\n" },
                                to: &live, site: &site)
        #expect(outcome.changed.contains("articles/new/index.html"))
        #expect(outcome.changed.contains("threats/phishing/index.html"))
        expectSameAsFullBuild(live, site)
        outcome = try apply({ $0["Content/articles/new.md"] = nil }, to: &live, site: &site)
        #expect(outcome.removed.contains("articles/new/index.html"))
        #expect(outcome.removed.contains("threats/phishing/feed.xml"))
        expectSameAsFullBuild(live, site)
    }

    @Test(arguments: [
        ("article.mustache", ["articles/first/index.html"], ["index.html", "agencies/kisa/index.html"]),
        ("partials/article-card.mustache", ["index.html", "agencies/kisa/index.html"], ["articles/first/index.html"]),
        ("layout.mustache", ["index.html", "articles/first/index.html", "404.html"], []),
        ("partials/site-footer.mustache", ["index.html", "search/index.html"], []),
    ])
    func templateEditsRenderThePagesThatUseThem(template: String, touched: [String], untouched: [String]) throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: options)
        let outcome = try apply({ $0["Templates/" + template] = $0.allFiles["Templates/" + template]!
            .replacingOccurrences(of: "</", with: "<!-- edited --></", options: [], range: nil) }, to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        for path in touched { #expect(outcome.changed.contains(path), "\(path) should change") }
        for path in untouched { #expect(!outcome.changed.contains(path), "\(path) should not change") }
        #expect(!outcome.changed.contains("feed.xml"))
        expectSameAsFullBuild(live, site)
    }

    /// What reads a term's link (an article's page, a feed) shows its names and address, not
    /// its count: an article joining the term changes the term's values and its index entry,
    /// not its link, so the pages of the term's other articles are not rendered again; a new
    /// name changes the link.
    @Test func aTermsLinkChangesWithItsNamesNotItsCount() throws {
        func inputs(_ site: TestSite) throws -> RenderInputs {
            var clock = PhaseClock()
            let prepared = PreparedBuild(site.tree(), options: options, clock: &clock)
            return RenderInputs(site: prepared.site, bodies: prepared.bodies, theme: try #require(prepared.theme))
        }
        var site = Self.site()
        let before = try inputs(site)
        site["Content/articles/2025/bulk-1.md"] = site["Content/articles/2025/bulk-1.md"]!
            .replacingOccurrences(of: "agencies: [KISA]", with: "agencies: [KISA, EEAS]")
        let joined = try inputs(site).changes(since: before)
        #expect(joined.contains(.term(taxonomy: "agencies", id: "eeas", lang: "en")))
        #expect(joined.contains(.taxonomyIndex(taxonomy: "agencies", lang: "en")))
        #expect(!joined.contains(.termLink(taxonomy: "agencies", id: "eeas", lang: "en")))
        // bulk-2 carries EEAS: its page reads the link, not the term's values.
        var clock = PhaseClock()
        let plan = PreparedBuild(site.tree(), options: options, clock: &clock).site.plan
        let bulk2 = try #require(plan.first { $0.path == "articles/bulk-2/" })
        #expect(bulk2.dependencies.contains(.termLink(taxonomy: "agencies", id: "eeas", lang: "en")))
        #expect(!bulk2.dependencies.contains(.term(taxonomy: "agencies", id: "eeas", lang: "en")))

        let joinedInputs = try inputs(site)
        site["Content/agencies/eeas.md"] = site["Content/agencies/eeas.md"]!
            .replacingOccurrences(of: "name: European External Action Service", with: "name: European External Action Office")
        #expect(try inputs(site).changes(since: joinedInputs).contains(.termLink(taxonomy: "agencies", id: "eeas", lang: "en")))
    }

    /// Search keeps its words and rows for what a term edit does not touch: a new name
    /// reaches the manifest's facets, and the words of the term's articles when they are new
    /// words; an article added to a term changes the manifest's facets, not the rows.
    @Test func termEditsReachTheSearchIndexAndNoMore() throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: options)
        func rename(_ from: String, _ to: String) -> (inout TestSite) -> Void {
            { $0["Content/agencies/kisa.md"] = $0["Content/agencies/kisa.md"]!.replacingOccurrences(of: "name: " + from, with: "name: " + to) }
        }
        // The same words: only the facet's value, in the manifest, changes.
        var outcome = try apply(rename("Korea Internet & Security Agency", "Korea Internet Security Agency"), to: &live, site: &site)
        #expect(outcome.changed.contains("search/meta.json"), "the facet's value is the term's name")
        #expect(!outcome.changed.contains { $0.hasPrefix("search/t-") || $0.hasPrefix("search/docs-") })
        expectSameAsFullBuild(live, site)

        // A new word: the term's articles are found by it.
        outcome = try apply(rename("Korea Internet Security Agency", "Korea Internet Zebra Agency"), to: &live, site: &site)
        #expect(outcome.changed.contains { $0.hasPrefix("search/t-") })
        #expect(!outcome.changed.contains { $0.hasPrefix("search/docs-") }, "rows show no term")
        expectSameAsFullBuild(live, site)

        // bulk-1 joins EEAS: EEAS's count changes, its names do not.
        outcome = try apply({ $0["Content/articles/2025/bulk-1.md"] = $0["Content/articles/2025/bulk-1.md"]!
            .replacingOccurrences(of: "agencies: [KISA]", with: "agencies: [KISA, EEAS]") }, to: &live, site: &site)
        #expect(outcome.changed.contains("search/meta.json"))
        #expect(!outcome.changed.contains { $0.hasPrefix("search/docs-") })
        expectSameAsFullBuild(live, site)
    }

    @Test func aBrokenEditKeepsTheLastGoodSiteUntilItIsFixed() throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: options)
        let good = live.files
        // Broken front matter, then a broken link, then a broken template.
        for (path, broken) in [
            ("Content/articles/2025/bulk-1.md", "---\ntitle: [unclosed\n---\n"),
            ("Content/articles/2025/bulk-1.md", "---\ntitle: Bulk 1\ndate: 2025-01-01\nagencies: [KISA]\ndialogue: test-dialogue\n---\n\nSee [nowhere](nowhere.md).\n"),
            ("Templates/article.mustache", "{{#article}}"),
        ] {
            let original = site.allFiles[path]!
            var outcome = try apply({ $0[path] = broken }, to: &live, site: &site)
            #expect(outcome.strategy == .failed)
            #expect(!live.isCurrent)
            #expect(live.diagnostics.hasErrors)
            #expect(live.files == good, "the last good site is kept")
            outcome = try apply({ $0[path] = original }, to: &live, site: &site)
            #expect(outcome.strategy != .failed)
            #expect(live.isCurrent)
            #expect(!live.diagnostics.hasErrors)
            expectSameAsFullBuild(live, site)
        }
    }

    /// Names too long for the output are found by the preview as by `check` and `build`:
    /// the same diagnostics as a full build, at the place written.
    @Test(arguments: [
        ("date: 2025-01-03\n", "date: 2025-01-03\nslug: \(String(repeating: "a", count: 300))\n"),
        ("agencies: [KISA]\n", "agencies: [\(String(repeating: "Agency ", count: 40))]\n"),
    ])
    func aNameTooLongForTheOutputIsFoundByThePreview(from: String, to: String) throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: options)
        let path = "Content/articles/2025/bulk-3.md"
        let outcome = try apply({ $0[path] = $0[path]!.replacingOccurrences(of: from, with: to) }, to: &live, site: &site)
        #expect(outcome.strategy == .failed)
        let full = site.build()
        #expect(live.diagnostics == full.diagnostics)
        #expect(live.diagnostics.contains { $0.code == .invalidSlug && $0.location.file == path && $0.location.line == 4 })
    }

    /// Edits made while the site is broken are not lost: once it builds again, every one of
    /// them is in it, not only the last, and every page they changed counts as changed.
    @Test func editsWhileBrokenAreKeptForTheNextGoodUpdate() throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: options)
        let good = live.files
        let path = "Content/articles/2025/bulk-2.md"
        let original = site[path]!
        // bulk-2 gets a new opening (its summary, so the lists change) and a broken link.
        let newOpening = original.replacingOccurrences(of: "The first paragraph of bulk 2", with: "A new opening for bulk 2")
        var outcome = try apply({ $0[path] = newOpening + "\nSee [nowhere](nowhere.md).\n" }, to: &live, site: &site)
        #expect(outcome.strategy == .failed)
        #expect(live.files == good, "the last good site is still served")
        // A good edit of bulk-3 while bulk-2 is broken.
        outcome = try apply({ $0["Content/articles/2025/bulk-3.md"]! += "\nAnother paragraph.\n" }, to: &live, site: &site)
        #expect(outcome.strategy == .failed, "bulk-2 is still broken")
        #expect(live.diagnostics.contains { $0.location.file.hasSuffix("bulk-2.md") })
        #expect(live.files == good)
        // bulk-2 fixed, keeping its new opening: both edits show, and the lists count as changed.
        outcome = try apply({ $0[path] = newOpening + "\nA fixed paragraph.\n" }, to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(live.isCurrent)
        #expect(outcome.changed.contains("articles/bulk-2/index.html"))
        #expect(outcome.changed.contains("articles/bulk-3/index.html"))
        #expect(outcome.changed.contains { $0.hasPrefix("articles/page/") }, "the list page shows the new summary")
        #expect(outcome.changed.contains("feed.xml"))
        expectSameAsFullBuild(live, site)
        for (path, contents) in live.files where good[path] != contents {
            #expect(outcome.changed.contains(path), "\(path) changed but was not reported")
        }
    }

    @Test func draftsAndCopiedFilesNeedNoRendering() throws {
        var site = Self.site()
        site["Content/articles/wip.md"] = "---\ntitle: WIP\ndate: 2025-01-01\ndraft: true\n---\nDraft.\n"
        site["Content/static/note.txt"] = "one"
        var live = LiveSite(tree: site.tree(), options: options)
        var outcome = try apply({ $0["Content/articles/wip.md"]! += "More draft.\n" }, to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(outcome.changed.isEmpty)
        outcome = try apply({ $0["Content/static/note.txt"] = "two" }, to: &live, site: &site)
        #expect(outcome.strategy == .incremental)
        #expect(outcome.changed == ["note.txt"])
        expectSameAsFullBuild(live, site)
    }

    @Test func aSiteThatStartsBrokenComesUpWhenFixed() throws {
        var site = Self.site()
        let original = site["Content/site.yaml"]!
        site["Content/site.yaml"] = "title: [\n"
        var live = LiveSite(tree: site.tree(), options: options)
        #expect(!live.hasSite)
        #expect(live.diagnostics.hasErrors)
        _ = try apply({ $0["Content/site.yaml"] = original }, to: &live, site: &site)
        #expect(live.hasSite && live.isCurrent)
        expectSameAsFullBuild(live, site)
    }
}
