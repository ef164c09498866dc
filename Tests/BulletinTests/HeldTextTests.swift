@testable import BulletinBuild
@testable import BulletinContent
@testable import BulletinCore
@testable import BulletinMarkdown
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinResolve
import Foundation
import Testing

/// What a build holds of its sources as it goes. A build from scratch lets go of each
/// article's text once its body is rendered, of its HTML once its page (and any feed showing
/// it) is written, and of its search words once the search index read them (a 10,000-article
/// site's texts and HTML are 80 MB each, otherwise held to the end of a phase); the messages
/// that quote a file are made before and keep their lines; the preview keeps everything,
/// which its next update compares.
@Suite struct HeldTextTests {
    @Test func aBuildFromScratchLetsGoOfTheArticlesTexts() {
        var clock = PhaseClock()
        let prepared = PreparedBuild(TestSite.standard().tree(), options: BuildOptions(now: TestSite.now), clock: &clock)
        #expect(prepared.site.articles.count == 2)
        for published in prepared.site.articles {
            let article = published.article
            #expect(article.source.text.isEmpty && article.body.isEmpty && article.frontMatter.isEmpty, "\(article.path) keeps its text")
            #expect(article.keyLocations.isEmpty)
            #expect(article.source.file.hasSuffix(".md"), "messages still name the file")
        }
        #expect(prepared.content.articles.allSatisfy { $0.source.text.isEmpty })
        #expect(prepared.bodies.articles.allSatisfy { $0.html.contains("meeting") }, "every body rendered before")
    }

    @Test func messagesQuotingFrontMatterKeepTheirLines() {
        var site = TestSite.standard()
        site["Content/articles/second.md"] = site["Content/articles/second.md"]!.replacingOccurrences(
            of: "agencies: [kisa, EEAS]", with: "agencies: [kisa, EEAS]\ndocuments:\n  - {title: Minutes, url: /files/minutes.pdf}")
        let result = site.build()
        let broken = result.diagnostics.filter { $0.code == .brokenLink && $0.location.file.hasSuffix("second.md") }
        #expect(broken.count == 1, "\(result.diagnostics)")
        #expect(broken.first?.sourceLine == "  - {title: Minutes, url: /files/minutes.pdf}")
        #expect(broken.first?.location.line == 8)
    }

    /// Each held value is read until it is let go of, then never again.
    @Test func releasableValuesAreReadUntilLetGoOf() {
        let values = ReleasableValues(["a", "b", "c"])
        #expect(values.held == 3)
        #expect(values.value(1) == "b")
        #expect(values.value(1) == "b", "reading keeps it")
        #expect(values.take(1) == "b")
        #expect(values.take(1) == nil && values.value(1) == nil, "taken once")
        values.release(0)
        #expect(values.value(0) == nil)
        #expect(values.held == 1 && values.value(2) == "c")
    }

    /// The standard site with feeds of one article and a third article, older than the
    /// standard two, that no feed shows.
    private static func siteWithAnArticleNoFeedShows() -> PreparedBuild {
        var site = TestSite.standard()
        site["Content/site.yaml"] = site["Content/site.yaml"]! + "feedLimit: 1\n"
        site["Content/articles/third.md"] = "---\ntitle: Third meeting\ndate: 2023-05-01\n---\n\nThe third, in no feed.\n"
        var clock = PhaseClock()
        return PreparedBuild(site.tree(), options: BuildOptions(now: TestSite.now), clock: &clock)
    }

    /// The render lets go of an article's HTML once its page is written, keeping those the
    /// feeds show (made after the pages), and writes the same files as a render reading the
    /// bodies.
    @Test func theRenderLetsGoOfTheHTMLOfArticlesNoFeedShows() throws {
        var prepared = Self.siteWithAnArticleNoFeedShows()
        let theme = try #require(prepared.theme)
        let reading = MemorySink()
        SiteRenderer.render(prepared.site, bodies: prepared.bodies, theme: theme, into: reading)
        let paths = prepared.site.articles.map(\.article.path)
        let html = ReleasableValues(prepared.bodies.takeArticleHTML())
        #expect(html.held == 3)
        #expect(prepared.bodies.articles.allSatisfy { $0.html.isEmpty })
        let letting = MemorySink()
        SiteRenderer.render(prepared.site, bodies: prepared.bodies, articleHTML: html, theme: theme, into: letting)
        // The newest article is in the site's feed, the first in the ransomware feed (its only
        // article); the third is in none.
        let kept = paths.indices.filter { html.value($0) != nil }.map { paths[$0] }
        #expect(Set(kept) == ["articles/first.md", "articles/second.md"])
        #expect(letting.tree.files.map(\.path) == reading.tree.files.map(\.path))
        let differing = zip(letting.tree.files, reading.tree.files).filter { $0 != $1 }.map(\.0.path)
        #expect(differing.isEmpty, "written otherwise: \(differing)")
        let thirdPage = try #require(prepared.site.articles.first { $0.article.path == "articles/third.md" }).path
        let third = try #require(letting.retained(Routes.outputFile(thirdPage)))
        #expect(String(decoding: third, as: UTF8.self).contains("The third, in no feed."))
    }

    /// The pages whose HTML is let go of are written first (the plan has the newest articles
    /// first, which are those the feeds keep): the rest in the plan's order after them.
    @Test func thePagesOfArticlesNoFeedShowsAreWrittenFirst() throws {
        let prepared = Self.siteWithAnArticleNoFeedShows()
        let plan = prepared.site.plan
        let inFeeds = Set(Feed.all(of: prepared.site).flatMap(\.articles))
        let third = try #require(prepared.site.articles.firstIndex { $0.article.path == "articles/third.md" })
        #expect(inFeeds.count == 2 && !inFeeds.contains(third))
        let (order, releasing) = SiteRenderer.releaseOrder(plan, inFeeds: inFeeds)
        #expect(releasing == 1)
        #expect(order.first?.subject == .article(third))
        #expect(order.dropFirst().map(\.path) == plan.filter { $0.subject != .article(third) }.map(\.path))
        #expect(plan.firstIndex { $0.subject == .article(third) }! > 0, "the plan itself has it later")
    }

    /// The work beside the pages waits for half the pages whose HTML is let go of: with one
    /// worker (everything in turn) as with several, the build ends and writes the same files.
    @Test func theWorkBesideThePagesWaitsForThemWithAnyNumberOfWorkers() throws {
        var site = TestSite.standard()
        for number in 1...45 {
            site["Content/articles/old-\(number).md"] = "---\ntitle: Old meeting \(number)\ndate: 2020-01-\(10 + number % 18)\n---\n\nRound \(number).\n"
        }
        let tree = site.tree()
        let alone = Builder.build(tree, options: BuildOptions(now: TestSite.now, workers: 1))
        let together = Builder.build(tree, options: BuildOptions(now: TestSite.now, workers: 4))
        let files = try #require(alone.output?.files)
        #expect(files.count > 60)
        #expect(files.map(\.path) == together.output?.files.map(\.path))
        #expect(zip(files, together.output!.files).allSatisfy { $0 == $1 })
    }

    @Test func messagesQuotingBodiesKeepTheirLines() {
        var site = TestSite.standard()
        site["Content/articles/second.md"] = site["Content/articles/second.md"]!.replacingOccurrences(
            of: "[the first](first.md).", with: "[the first](first.md#nowhere).\n\nSee [the third](third.md).")
        let result = site.build()
        let quoted = result.diagnostics.filter { $0.location.file.hasSuffix("second.md") }.map { $0.sourceLine ?? "" }
        #expect(quoted.contains("The second meeting followed [the first](first.md#nowhere)."), "\(result.diagnostics)")
        #expect(quoted.contains("See [the third](third.md)."), "\(result.diagnostics)")
    }

    /// A build from scratch hands the articles' search words to its search index, which lets
    /// go of each article's as it reads them, and writes the index the bodies' own words give.
    @Test func theSearchIndexLetsGoOfTheWordsItRead() throws {
        var clock = PhaseClock()
        var prepared = PreparedBuild(TestSite.standard().tree(), options: BuildOptions(now: TestSite.now), clock: &clock)
        let theme = try #require(prepared.theme)
        let fromBodies = SearchIndex(inputs: RenderInputs(site: prepared.site, bodies: prepared.bodies, theme: theme), lang: "en")
        let words = ReleasableValues(prepared.bodies.takeSearchWords())
        #expect(words.held == 2)
        #expect(prepared.bodies.articles.allSatisfy { $0.searchWords.isEmpty })
        let fromWords = SearchIndex(
            inputs: RenderInputs(site: prepared.site, bodies: prepared.bodies, theme: theme), lang: "en", bodyWords: words)
        #expect(words.held == 0)
        #expect(fromWords.files == fromBodies.files)
        #expect(fromWords.files.values.contains { $0.contains("\"paragraph\"") }, "the bodies' words are indexed")
    }

    /// A build's search index keeps each article's words in the order read, which an update
    /// cannot compare: updating one stops the process instead of writing a wrong index.
    @Test func aBuildsSearchIndexIsNeverUpdated() async {
        await #expect(processExitsWith: .failure) {
            var clock = PhaseClock()
            var prepared = PreparedBuild(TestSite.standard().tree(), options: BuildOptions(now: TestSite.now), clock: &clock)
            let inputs = RenderInputs(site: prepared.site, bodies: prepared.bodies, theme: prepared.theme!)
            var index = SearchIndex(inputs: inputs, lang: "en", bodyWords: ReleasableValues(prepared.bodies.takeSearchWords()))
            index.update(inputs: inputs, lang: "en", changed: [])
        }
    }

    /// An article's HTML read after its page let go of it stops the process: a page written
    /// without its body would be a silent loss.
    @Test func htmlReadAfterItWasLetGoOfStops() async {
        await #expect(processExitsWith: .failure) {
            var clock = PhaseClock()
            var prepared = PreparedBuild(TestSite.standard().tree(), options: BuildOptions(now: TestSite.now), clock: &clock)
            let html = ReleasableValues(prepared.bodies.takeArticleHTML())
            let inputs = RenderInputs(site: prepared.site, bodies: prepared.bodies, theme: prepared.theme!, held: html)
            html.release(0)
            _ = inputs.articles[prepared.site.articles[0].article.path]!.body
        }
    }

    @Test func thePreviewKeepsTheTexts() {
        var memo: PreparedBuild.Memo? = PreparedBuild.Memo()
        var clock = PhaseClock()
        let prepared = PreparedBuild(TestSite.standard().tree(), options: BuildOptions(now: TestSite.now), memo: &memo, clock: &clock)
        #expect(prepared.site.articles.allSatisfy { $0.article.body.contains("meeting") })
    }
}
