import Foundation
import Testing

/// `bulletin serve` in headless Chromium: an open page follows its source file's edits by
/// itself, shows a failed save's errors over the page, and recovers on the next good save.
@Suite(.serialized) struct ServeBrowserTests {
    @Test func anOpenPageFollowsEditsWithoutAManualReload() async throws {
        let (server, folder) = try ServeTests.start()
        defer { server.kill(); folder.remove() }
        guard let browser = try await Browser.start(servedAt: server.port) else { return }
        do {
            try await browser.open(ServeTests.firstArticle)
            let body = { try await browser.script("return document.querySelector('main').textContent") as? String ?? "" }
            #expect(try await body().contains("The first paragraph of the first meeting."))

            // Save an edit of the article's source: the page changes by itself.
            let path = "Content/articles/first.md"
            let original = try server.read(path)
            try server.write(path, original.replacingOccurrences(
                of: "The first paragraph of the first meeting.", with: "Edited while the page was open."))
            #expect(try await browser.wait(seconds: 10) { try await body().contains("Edited while the page was open.") })
            #expect(try await browser.currentURL.hasSuffix(ServeTests.firstArticle))

            // A broken save: the errors appear over the page, which stays as it was.
            try server.write(path, "---\ntitle: [unclosed\n---\n")
            let overlay = { try await browser.script("""
                var o = document.getElementById('bulletin-overlay');
                return o ? o.getAttribute('role') + '|' + o.textContent : '';
                """) as? String ?? "" }
            #expect(try await browser.wait(seconds: 10) { try await overlay().contains("Content/articles/first.md:") })
            #expect(try await overlay().hasPrefix("alertdialog|"))
            #expect(try await overlay().contains("did not build"))
            #expect(try await body().contains("Edited while the page was open."))
            // The overlay takes the keyboard focus, so a screen reader announces it.
            #expect(try await browser.script("return document.activeElement.id") as? String == "bulletin-overlay")

            // Fixed: the overlay goes, and the page shows the fixed text.
            try server.write(path, original.replacingOccurrences(
                of: "The first paragraph of the first meeting.", with: "Fixed after the error."))
            #expect(try await browser.wait(seconds: 10) { try await body().contains("Fixed after the error.") })
            #expect(try await overlay() == "")
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }
}
