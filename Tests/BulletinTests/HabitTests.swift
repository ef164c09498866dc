import BulletinCore
import BulletinContent
import BulletinRender
import BulletinBuild
import Foundation
import Testing

/// Habits from Hugo and Jekyll get messages that say what Bulletin does instead.
@Suite struct HabitTests {
    @Test func theMoreDividerPointsAtSummary() throws {
        var site = TestSite.standard()
        site["Content/articles/a.md"] = "---\ntitle: A\ndate: 2024-05-01\n---\n\nThe lead.\n\n<!--more-->\n\nThe rest.\n"
        let warning = try #require(site.build().warnings.first { $0.code == .rawHTMLDropped })
        #expect(warning.location == SourceLocation(file: "Content/articles/a.md", line: 8, column: 1))
        #expect(warning.message.contains("`<!--more-->` marks a summary in Hugo; Bulletin does not read it"))
        #expect(warning.hint?.contains("`summary: One or two sentences.`") == true)
    }

    @Test func anArticleDatedLaterTodayIsANoteSayingWhen() throws {
        var site = TestSite.standard()
        // TestSite.now is 2026-11-29T00:00:00Z; 10:30 in Seoul is 01:30 UTC.
        site["Content/articles/soon.md"] = "---\ntitle: Soon\ndate: 2026-11-29T10:30:00+09:00\n---\nText.\n"
        site["Content/articles/later.md"] = "---\ntitle: Later\ndate: 2027-01-05\n---\nText.\n"
        let result = site.build()
        #expect(result.succeeded)
        #expect(!result.paths.contains("articles/soon/index.html"))
        let notes = result.diagnostics.filter { $0.code == .futureArticle }
        #expect(notes.map(\.severity) == [.note, .note])
        let soon = try #require(notes.first { $0.location.file.hasSuffix("soon.md") })
        #expect(soon.location == SourceLocation(file: "Content/articles/soon.md", line: 3, column: 7))
        #expect(soon.message == "this article is dated later today (2026-11-29T10:30:00+09:00, in 1 h 30 min), so a build now leaves it out")
        #expect(soon.hint == "it appears in the first build from 2026-11-29T10:30:00+09:00 on; `--future` includes it now")
        let later = try #require(notes.first { $0.location.file.hasSuffix("later.md") })
        #expect(later.message == "this article is dated in the future (2027-01-05), so a build now leaves it out")
        // With --future it is built, and nothing is said.
        let future = site.build(future: true)
        #expect(future.paths.contains("articles/soon/index.html"))
        #expect(!future.diagnostics.contains { $0.code == .futureArticle })
    }

    @Test func checkPrintsTheNote() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var site = TestSite.standard()
        site["Content/articles/soon.md"] = "---\ntitle: Soon\ndate: 2026-11-29T10:30:00+09:00\n---\nText.\n"
        try site.write(to: folder.path)
        let result = try BulletinProcess.run(["check"], in: folder.path, environment: ["SOURCE_DATE_EPOCH": String(TestSite.now)])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Content/articles/soon.md:3:7: note: this article is dated later today"))
    }

    @Test func aLinkToAMissingHeadingOfADraftSaysBoth() throws {
        var site = TestSite.standard()
        site["Content/articles/draft.md"] = "---\ntitle: D\ndate: 2024-01-01\ndraft: true\n---\n\n## Outcome\n\nText.\n"
        site["Content/articles/a.md"] = "---\ntitle: A\ndate: 2024-05-01\n---\n\n[x](draft.md#outcomes) [y](/articles/draft/#nothing) [z](draft.md#outcome)\n"
        let warnings = site.build().warnings.filter { $0.code == .brokenLink }
        #expect(warnings.count == 3)
        #expect(warnings[0].message == "the link 'draft.md#outcomes' goes to articles/draft.md, which is a draft: the link is left out until it is published; and articles/draft.md has no heading #outcomes")
        #expect(warnings[0].hint?.hasPrefix("did you mean #outcome? And publish the target first") == true)
        #expect(warnings[1].message.hasSuffix("; and /articles/draft/ has no heading #nothing"))
        #expect(warnings[1].hint?.hasPrefix("its headings are #outcome; ") == true)
        #expect(!warnings[2].message.contains("no heading"))
    }
}
