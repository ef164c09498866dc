@testable import BulletinCore
@testable import BulletinServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The preview's watcher and builder in process (`InProcessPreview`): saves as editors make
/// them, and what reaches the event stream, the pages and the terminal. Each test ends by
/// stopping the services as Ctrl-C does, which returns only once every stream has ended.
///
/// No closure is written inside `#expect` here: with Swift 6.3.1, a closure literal in an
/// `#expect` within a closure (these tests' bodies) can take the place of a later closure of
/// that body, so that a later wait runs the earlier condition.
@Suite(.timeLimit(.minutes(5))) struct PreviewBuilderTests {
    /// The standard test site plus a Hangul article and a static file.
    static func site(_ edit: (inout TestSite) -> Void = { _ in }) -> TestSite {
        var site = TestSite.standard()
        site["Content/articles/한국-사이버-대화.md"] = """
            ---
            title: 한국 사이버 대화
            date: 2024-05-01
            agencies: [KISA]
            ---

            한국어 본문입니다.

            """
        site["Content/static/notes/hello.txt"] = "hello from static\n"
        edit(&site)
        return site
    }

    static let firstArticle = "/articles/first/"
    static let firstSource = "Content/articles/first.md"

    @Test func theFirstBuildIsServedWithLinksToThePreview() async throws {
        try await InProcessPreview.run(Self.site()) { preview in
            let built = try await preview.state(after: 0) { $0.version == 1 }
            #expect(built.ok && built.report.isEmpty)
            #expect(await preview.printed("Built \(built.files.count) files in "))
            let home = try await preview.text("/")
            #expect(home.contains(InProcessPreview.address))
            #expect(!home.contains("https://bulletin.test/"), "links point at the preview, not at site.yaml's baseURL")
            #expect(try await preview.text(Self.firstArticle).contains("The first paragraph of the first meeting."))
            #expect(try await preview.text("/notes/hello.txt") == "hello from static\n")
            #expect(!FileManager.default.fileExists(atPath: preview.folder + "/Public"), "nothing is written")
        }
    }

    @Test func anEditReachesTheStreamAndThePage() async throws {
        try await InProcessPreview.run(Self.site()) { preview in
            var mark = preview.mark
            try preview.write(Self.firstSource, try preview.read(Self.firstSource).replacingOccurrences(
                of: "The first paragraph of the first meeting.", with: "A rewritten first paragraph."))
            let update = try await preview.state(after: mark) {
                $0.text("articles/first/index.html").contains("A rewritten first paragraph.")
            }
            #expect(update.ok && update.version == 2)
            #expect(update.changed.contains("articles/first/index.html"))
            #expect(!update.changed.contains("articles/second/index.html"))
            #expect(try await preview.text(Self.firstArticle).contains("A rewritten first paragraph."))
            #expect(await preview.printed("Rebuilt in "))
            #expect(await preview.printed("(incremental)"))

            // A template: the pages using it change.
            mark = preview.mark
            let template = "Templates/article.mustache"
            try preview.write(template, try preview.read(template).replacingOccurrences(
                of: "</article>", with: "<p>Template edit.</p></article>"))
            let templated = try await preview.state(after: mark) { $0.text("articles/first/index.html").contains("Template edit.") }
            #expect(templated.version == 3)
            #expect(templated.changed.contains("articles/first/index.html"))
            #expect(try await preview.text(Self.firstArticle).contains("Template edit."))

            // A new article: a full rebuild, and its page exists.
            mark = preview.mark
            try preview.write("Content/articles/third.md", "---\ntitle: Third meeting\ndate: 2024-06-01\n---\n\nThe third.\n")
            // Made, then written: its empty file may fail a first update.
            let added = try await preview.state(after: mark) { $0.ok && $0.files["articles/third/index.html"] != nil }
            #expect(added.changed.contains("articles/third/index.html"))
            #expect(try await preview.get("/articles/third/").status == .ok)

            // Removed again: its page is gone.
            mark = preview.mark
            try FileManager.default.removeItem(atPath: preview.folder + "/Content/articles/third.md")
            let removed = try await preview.state(after: mark) { $0.ok && $0.files["articles/third/index.html"] == nil }
            #expect(removed.changed.contains("articles/third/index.html"))
            #expect(try await preview.get("/articles/third/").status == .notFound)
        }
    }

    /// An editor's atomic save (write a temporary file, rename it over the article) and Vim's
    /// dance (rename to a backup, write anew, delete the backup) are edits of the article.
    @Test func editorsSavesAreSeenAsEdits() async throws {
        try await InProcessPreview.run(Self.site()) { preview in
            let article = preview.folder + "/" + Self.firstSource
            let original = try preview.read(Self.firstSource)

            var mark = preview.mark
            try preview.write("Content/articles/.first.md.tmp",
                              original.replacingOccurrences(of: "first meeting.", with: "first meeting, saved atomically."))
            #expect(rename(preview.folder + "/Content/articles/.first.md.tmp", article) == 0)
            let atomic = try await preview.state(after: mark) { $0.text("articles/first/index.html").contains("saved atomically") }
            #expect(atomic.changed.contains("articles/first/index.html"))
            #expect(try await preview.text(Self.firstArticle).contains("saved atomically"))
            #expect(await preview.printed("(incremental)"), "an atomic save is not a full rebuild")

            mark = preview.mark
            let saved = original.replacingOccurrences(of: "first meeting.", with: "first meeting, saved by Vim.")
            #expect(rename(article, article + "~") == 0)
            try preview.write("Content/articles/.first.md.swp", saved)
            try preview.write(Self.firstSource, saved)
            try FileManager.default.removeItem(atPath: article + "~")
            // Four steps: more than one batch on a busy machine, the article gone in between.
            let vim = try await preview.state(after: mark) { $0.text("articles/first/index.html").contains("saved by Vim") }
            #expect(vim.ok)
            #expect(try await preview.text(Self.firstArticle).contains("saved by Vim"))
        }
    }

    @Test func aBrokenSaveShowsItsErrorsAndKeepsTheLastGoodSite() async throws {
        try await InProcessPreview.run(Self.site()) { preview in
            let original = try preview.read(Self.firstSource)
            let good = try await preview.get(Self.firstArticle)

            var mark = preview.mark
            try preview.write(Self.firstSource, "---\ntitle: [unclosed\ndate: 2024-03-01\n---\n\nBroken.\n")
            // Reported where the list opens and is never closed.
            let failed = try await preview.state(after: mark) { $0.report.contains("Content/articles/first.md:2:8:") }
            #expect(!failed.ok)
            #expect(failed.version == 1, "the last good site is still version 1")
            #expect(failed.report.contains("Content/articles/first.md:2:8:"))
            #expect(failed.report.contains("[BUL"))
            let told = await preview.errors.wait { $0.contains("Content/articles/first.md:2:8:") }
            #expect(told)
            #expect(await preview.printed("Still serving the last good version."))
            let during = try await preview.get(Self.firstArticle)
            #expect(during.status == .ok)
            #expect(during.body == good.body, "the last good page is served unchanged")

            mark = preview.mark
            try preview.write(Self.firstSource, original + "\nFixed and extended.\n")
            let recovered = try await preview.state(after: mark) { $0.text("articles/first/index.html").contains("Fixed and extended.") }
            #expect(recovered.ok && recovered.version == 2)
            #expect(recovered.report.isEmpty)
            #expect(try await preview.text(Self.firstArticle).contains("Fixed and extended."))
        }
    }

    @Test func aSiteThatDoesNotBuildYetIsServedOnceFixed() async throws {
        try await InProcessPreview.run(Self.site { $0["Content/site.yaml"] = "title: [\n" }) { preview in
            let waiting = try await preview.get("/")
            #expect(waiting.status == .serviceUnavailable)
            #expect(String(buffer: waiting.body).contains("Content/site.yaml:"))
            #expect(await preview.printed("Waiting for a fix."))

            let mark = preview.mark
            try preview.write("Content/site.yaml", TestSite.standard()["Content/site.yaml"]!)
            let built = try await preview.state(after: mark) { $0.ok }
            #expect(built.version == 1)
            #expect(try await preview.get("/").status == .ok)
        }
    }

    /// A copied file turned into a link to a file outside the site is not followed: the
    /// update fails on it, and the last good site does not read through it.
    @Test func symbolicLinksOutOfTheSiteAreRefused() async throws {
        try await InProcessPreview.run(Self.site()) { preview in
            let secret = preview.folder + "/secret.txt"
            try preview.write("secret.txt", "the secret outside the site\n")
            let mark = preview.mark
            let copied = preview.folder + "/Content/static/notes/hello.txt"
            try FileManager.default.removeItem(atPath: copied)
            try FileManager.default.createSymbolicLink(atPath: copied, withDestinationPath: secret)
            try FileManager.default.createSymbolicLink(
                atPath: preview.folder + "/Content/static/escape.txt", withDestinationPath: secret)
            let failed = try await preview.state(after: mark) { $0.report.contains("escape.txt") && $0.report.contains("hello.txt") }
            #expect(!failed.ok)
            #expect(failed.report.contains("leads outside"))
            for path in ["/notes/hello.txt", "/escape.txt"] {
                let response = try await preview.get(path)
                #expect(!String(buffer: response.body).contains("secret"), "\(path) served the linked file")
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func removingTheOffendingLinkRecovers() async throws {
        try await InProcessPreview.run(Self.site()) { preview in
            var mark = preview.mark
            let link = preview.folder + "/Content/articles/passwd.md"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/etc/passwd")
            let failed = try await preview.state(after: mark) { !$0.ok }
            #expect(failed.report.contains("passwd.md"))
            // The loader refused the link, so the tree never knew it: its removal must still count.
            mark = preview.mark
            try FileManager.default.removeItem(atPath: link)
            let recovered = try await preview.state(after: mark) { $0.ok }
            #expect(recovered.report.isEmpty)
            #expect(recovered.version == 1, "nothing the site shows changed")
        }
    }

    @Test func aStaticFolderMadeWhileServingIsServed() async throws {
        try await InProcessPreview.run(Self.site { $0["Content/static/notes/hello.txt"] = nil }) { preview in
            #expect(!FileManager.default.fileExists(atPath: preview.folder + "/Content/static"))
            let mark = preview.mark
            try preview.write("Content/static/new/hello.txt", "made while serving\n")
            let update = try await preview.state(after: mark) { $0.changed.contains("new/hello.txt") }
            #expect(update.ok)
            let response = try await preview.get("/new/hello.txt")
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "made while serving\n")
        }
    }

    @Test func aStaticFolderLinkedWithinTheContentFolderIsServedAsBuilt() async throws {
        try await InProcessPreview.run(Self.site()) { preview in
            try preview.write("Content/.shared/notes/hello.txt", "shared within the site\n")  // hidden: no rebuild
            let mark = preview.mark
            try FileManager.default.removeItem(atPath: preview.folder + "/Content/static")
            try FileManager.default.createSymbolicLink(atPath: preview.folder + "/Content/static", withDestinationPath: ".shared")
            // Removed, then linked: the file may be gone in a first update.
            let update = try await preview.state(after: mark) { $0.files["notes/hello.txt"] != nil }
            #expect(update.ok, "\(update.report)")
            #expect(try await preview.text("/notes/hello.txt") == "shared within the site\n")
        }
    }
}
