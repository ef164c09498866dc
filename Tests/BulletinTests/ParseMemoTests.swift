@testable import BulletinContent
@testable import BulletinCore
import Foundation
import Testing

/// What the preview's parse reports as changed, which decides what it resolves and renders
/// again: after an edit of the site's words only `site.yaml`, with its problems as they are
/// now; after an edit of what files' parses read of the settings, everything.
@Suite struct ParseMemoTests {
    @Test func anEditOfTheSitesWordsKeepsEveryOtherParse() {
        var site = TestSite.standard()
        var memo: ParseMemo? = ParseMemo()
        let (first, _) = ContentParser.parse(site.tree(), baseURLOverride: nil, memo: &memo)
        #expect(first.changed == nil, "the first parse is all new")

        // A language's own title, and a misspelt key beside it (a warning on line 2).
        site["Content/site.yaml"] = site["Content/site.yaml"]!.replacingOccurrences(
            of: "title: Test Bulletin\n", with: "title: Test Bulletin\nlanguages: {en: {title: English words, subtitle: x}}\n")
        let (second, problems) = ContentParser.parse(site.tree(), baseURLOverride: nil, memo: &memo)
        #expect(second.changed == ["site.yaml"])
        #expect(second.config.languageTitles["en"] == "English words")
        #expect(problems.contains { $0.code == .unknownKey && $0.location.line == 2 })
        #expect(second.articles.map(\.title) == first.articles.map(\.title))
        let (fresh, freshProblems) = ContentParser.parse(site.tree(), baseURLOverride: nil)
        #expect(problems.sorted() == freshProblems.sorted(), "the same problems as a parse from scratch")
        #expect(second.config == fresh.config)

        // And back: the warning goes with the line that made it.
        site["Content/site.yaml"] = TestSite.standard()["Content/site.yaml"]
        let (third, problemsAfter) = ContentParser.parse(site.tree(), baseURLOverride: nil, memo: &memo)
        #expect(third.changed == ["site.yaml"])
        #expect(!problemsAfter.contains { $0.code == .unknownKey })

        // A new taxonomy changes what an article's front matter means: every parse is new.
        site["Content/site.yaml"]! += "taxonomies: [agencies, frameworks, threats, regions]\n"
        let (fourth, _) = ContentParser.parse(site.tree(), baseURLOverride: nil, memo: &memo)
        #expect(fourth.changed == nil)
    }
}
