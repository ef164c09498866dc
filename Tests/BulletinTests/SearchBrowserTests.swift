import Foundation
import Testing

/// /search/ in headless Chromium: a reader types a query, applies a facet, and finds the
/// article; by keyboard alone.
@Suite(.serialized) struct SearchBrowserTests {
    @Test func typingAQueryAndApplyingAFacetFindsTheArticle() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let build = try BulletinProcess.run(["build", "--output", folder.path + "/site", "--quiet"])
        #expect(build.status == 0, "\(build.standardError)")
        guard let browser = try await Browser.start(serving: folder.path + "/site") else { return }
        do {
            try await browser.open("/search/")
            let status = try await browser.element("[data-status]")
            #expect(try await browser.wait { try await browser.text(of: status).contains("Type words") })

            // Type a query and press Enter.
            let box = try await browser.element("#search_query")
            try await browser.type("ransomware\u{E007}", into: box)
            #expect(try await browser.wait { try await browser.text(of: status) == "7 articles found for “ransomware”." })
            let titles = try await browser.texts("[data-results] h3")
            #expect(titles.contains("Counter Ransomware Initiative grows to 68 members and launches fund at 4th summit"))
            #expect(try await browser.currentURL.hasSuffix("/search/?q=ransomware"))

            // A facet, toggled with the space bar as a keyboard user would.
            let year = try await browser.element("[data-facets] input[name=year][value='2024']")
            try await browser.type(" ", into: year)
            #expect(try await browser.wait { try await browser.text(of: status) == "2 articles found for “ransomware”." })
            #expect(try await browser.texts("[data-results] h3") == [
                "Counter Ransomware Initiative grows to 68 members and launches fund at 4th summit",
                "Korea and UK pledge to hold state-backed cyber attackers to account at 4th dialogue",
            ])
            #expect(try await browser.currentURL.hasSuffix("/search/?q=ransomware&year=2024"))
            // The filters are made anew, and the focus stays on the box the reader toggled.
            #expect(try await browser.script("return document.activeElement.name + '=' + document.activeElement.value") as? String == "year=2024")

            // The bulletin's most common words still find their articles.
            try await browser.open("/search/?q=korea")
            let common = try await browser.element("[data-status]")
            #expect(try await browser.wait {
                let text = try await browser.text(of: common)
                return text.hasSuffix("articles found for “korea”.") && !text.hasPrefix("No")
            })

            // The address is shareable: opening it runs the same search.
            try await browser.open("/search/?q=Stadejek&agencies=eeas")
            let again = try await browser.element("[data-status]")
            #expect(try await browser.wait { try await browser.text(of: again) == "2 articles found for “Stadejek”." })
            #expect(try await browser.texts("[data-results] h3").first?.hasPrefix("Korea and the EU resume cyber policy consultation") == true)
            let checked = try await browser.element("[data-facets] input[name=agencies][value=eeas]")
            #expect(try await browser.isSelected(checked))

            // Korean: a name written in Hangul, and part of a longer word.
            try await browser.open("/search/?q=윤종권")
            let korean = try await browser.element("[data-status]")
            #expect(try await browser.wait { try await browser.text(of: korean) == "2 articles found for “윤종권”." })
            try await browser.open("/search/?q=인터넷진흥")
            let part = try await browser.element("[data-status]")
            #expect(try await browser.wait {
                let text = try await browser.text(of: part)
                return text.contains("found for “인터넷진흥”") && !text.hasPrefix("No")
            })
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    @Test func withoutJavaScriptThePageSaysSoAndLinksToBrowsing() throws {
        let page = try String(contentsOfFile: packageRoot + "/Templates/search.mustache", encoding: .utf8)
        #expect(page.contains("<noscript>"))
        #expect(page.contains("Search needs JavaScript"))
        #expect(page.contains("role=\"status\""))
        #expect(page.contains("<label for=\"search_query\">"))
    }
}
