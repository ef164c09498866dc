@testable import BulletinBuild
@testable import BulletinContent
@testable import BulletinCore
@testable import BulletinMarkdown
@testable import BulletinRender
@testable import BulletinResolve
import Foundation
import Testing

/// What a build holds of its sources once the Markdown is rendered. A build from scratch lets
/// go of the articles' texts (a 10,000-article site's 80 MB, otherwise held to the end of
/// the render); the messages that quote a file are made before and keep their lines; the
/// preview keeps the texts, which its next update compares.
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
        let words = BodySearchWords(prepared.bodies.takeSearchWords())
        #expect(words.held == 2)
        #expect(prepared.bodies.articles.allSatisfy { $0.searchWords.isEmpty })
        let fromWords = SearchIndex(
            inputs: RenderInputs(site: prepared.site, bodies: prepared.bodies, theme: theme), lang: "en", bodyWords: words)
        #expect(words.held == 0)
        #expect(fromWords.files == fromBodies.files)
        #expect(fromWords.files.values.contains { $0.contains("\"paragraph\"") }, "the bodies' words are indexed")
    }

    @Test func thePreviewKeepsTheTexts() {
        var memo: PreparedBuild.Memo? = PreparedBuild.Memo()
        var clock = PhaseClock()
        let prepared = PreparedBuild(TestSite.standard().tree(), options: BuildOptions(now: TestSite.now), memo: &memo, clock: &clock)
        #expect(prepared.site.articles.allSatisfy { $0.article.body.contains("meeting") })
    }
}
