import Foundation
import Testing

/// `bulletin serve` in headless Chromium: an open page follows its source file's edits by
/// itself, shows a failed save's errors over the page, and recovers on the next good save.
/// Nothing here waits for time to pass: each step waits (up to a deadline) for what the page
/// shows, and a page that stays says so (`data-checked`, the version its script last checked).
/// (No closure is written inside `#expect`: with Swift 6.3.1, a closure literal in `#expect`
/// inside another closure can take the place of a later closure of that closure.)
@Suite(.serialized, .timeLimit(.minutes(5))) struct ServeBrowserTests {
    @Test func anOpenPageFollowsEditsWithoutAManualReload() async throws {
        let (server, folder) = try await ServeTests.start()
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
            let edited = try await browser.wait { try await body().contains("Edited while the page was open.") }
            #expect(edited)
            #expect(try await browser.currentURL.hasSuffix(ServeTests.firstArticle))

            // A broken save: the errors appear over the page, which stays as it was.
            try server.write(path, "---\ntitle: [unclosed\n---\n")
            let overlay = { try await browser.script("""
                var o = document.getElementById('bulletin-overlay');
                return o ? o.getAttribute('role') + '|' + o.textContent : '';
                """) as? String ?? "" }
            let shown = try await browser.wait { try await overlay().contains("Content/articles/first.md:") }
            #expect(shown)
            #expect(try await overlay().hasPrefix("alertdialog|"))
            #expect(try await overlay().contains("did not build"))
            #expect(try await body().contains("Edited while the page was open."))
            // The overlay takes the keyboard focus, so a screen reader announces it.
            #expect(try await browser.script("return document.activeElement.id") as? String == "bulletin-overlay")

            // Fixed: the overlay goes, and the page shows the fixed text.
            try server.write(path, original.replacingOccurrences(
                of: "The first paragraph of the first meeting.", with: "Fixed after the error."))
            let fixed = try await browser.wait { try await body().contains("Fixed after the error.") }
            #expect(fixed)
            #expect(try await overlay() == "")
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    /// A page another edit did not change stays as it is, and when the browser asks for it
    /// again it keeps its copy (304) and does not reload: its script names only its own
    /// bytes, never a site version that a kept copy would have old. A stylesheet edit, or an
    /// edit of the page itself, reloads it.
    @Test func anUnchangedPageIsKeptAndNotReloaded() async throws {
        let (server, folder) = try await ServeTests.start()
        defer { server.kill(); folder.remove() }
        guard let browser = try await Browser.start(servedAt: server.port) else { return }
        do {
            let second = "/articles/second/"
            try await browser.open(second)
            // A mark in the page's window, which a reload clears.
            let mark = { try await browser.script("window.bulletinMark = 'kept'; return true") }
            let marked = { try await browser.script("return window.bulletinMark || ''") as? String == "kept" }
            // The version of the last event the page's script checked and stayed on.
            let checked = {
                try await browser.script("""
                    var script = document.querySelector('script[data-checked]');
                    return script ? script.getAttribute('data-checked') : '';
                    """) as? String ?? ""
            }
            let connected = try await browser.wait { try await checked() == "1" }
            #expect(connected)
            _ = try await mark()

            // Another article's edit: the page's stream says its bytes are the same.
            let first = "Content/articles/first.md"
            try server.write(first, try server.read(first).replacingOccurrences(
                of: "The first paragraph of the first meeting.", with: "Edited elsewhere."))
            let decided = try await browser.wait {
                let (version, kept) = (try await checked(), try await marked())
                return version == "2" || !kept
            }
            #expect(decided)
            #expect(try await marked(), "the page reloaded though it did not change")

            // Asked for again: the browser revalidates, keeps its copy, and stays: the kept
            // copy checks the current version once and does not reload again.
            _ = try await browser.script("location.reload(); return true")
            let reloaded = try await browser.wait { try await !marked() }
            #expect(reloaded)
            let stayed = try await browser.wait { try await checked() == "2" }
            #expect(stayed, "the kept copy did not stay")
            // Only the 304's head came over the network; the body is the browser's copy.
            #expect(try await browser.script("""
                var entry = performance.getEntriesByType('navigation')[0];
                return entry.transferSize > 0 && entry.transferSize < entry.encodedBodySize;
                """) as? Bool == true, "the browser did not keep its copy")
            _ = try await mark()

            // The stylesheet: every page reloads.
            let style = "Templates/assets/style.css"
            try server.write(style, try server.read(style) + "\nbody { outline: 0; }\n")
            let restyled = try await browser.wait { try await !marked() }
            #expect(restyled, "a stylesheet edit did not reload")
            let checkedAgain = try await browser.wait { try await checked() == "3" }
            #expect(checkedAgain)
            _ = try await mark()

            // The page's own article.
            let own = "Content/articles/second.md"
            let text = try server.read(own)
            try server.write(own, text + "\nA sentence added while the page was open.\n")
            let followed = try await browser.wait {
                try await (browser.script("return document.querySelector('main').textContent") as? String ?? "")
                    .contains("A sentence added while the page was open.")
            }
            #expect(followed)
            #expect(try await !marked())
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }
}
