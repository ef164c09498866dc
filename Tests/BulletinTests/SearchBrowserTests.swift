import Foundation
import Testing

/// /search/ in headless Chromium: a reader types a query, applies a facet, and finds the
/// article; by keyboard alone.
@Suite(.serialized) struct SearchBrowserTests {
    /// A fictional site made for this test, so that an editor adding an article to the
    /// bulletin's own Content/ cannot break it: three articles on ransomware (two in 2024),
    /// two naming Stadejek of the EEAS, two naming 윤종권, one 한국인터넷진흥원.
    static func site() -> TestSite {
        var site = TestSite.standard()
        site["Content/articles/first.md"] = nil
        site["Content/articles/second.md"] = nil
        site["Content/site.yaml"] = "title: Search Test\nbaseURL: https://search.test/\nperPage: 5\n"
        site["Content/agencies/eeas.md"] = "---\nname: European External Action Service\nshort: EEAS\n---\n\nThe EU's diplomatic service.\n"
        func article(_ name: String, _ title: String, _ date: String, _ terms: String, _ body: String) {
            site["Content/articles/\(name).md"] = "---\ntitle: \(title)\ndate: \(date)\n\(terms)---\n\n\(body)\n"
        }
        article("cri-2024", "Counter Ransomware Initiative meets in Washington", "2024-10-01", "threats: [ransomware]\n", "Members discussed ransomware payments.")
        article("uk-2024", "Korea and UK pledge action at 4th dialogue", "2024-11-06", "threats: [ransomware]\n", "Ransomware and state-backed attackers.")
        article("cri-2022", "Ransomware summit held", "2022-11-01", "threats: [ransomware]\n", "A summit on ransomware.")
        article("eu-2025", "Korea and the EU resume cyber policy consultation", "2025-05-20", "agencies: [EEAS]\n",
                "Maciej Stadejek of the EEAS and 윤종권 led the talks.")
        article("eu-2024", "EU and Korea meet on security", "2024-06-01", "agencies: [EEAS]\n", "Stadejek attended; 윤종권 chaired.")
        article("kisa", "KISA hosts a workshop", "2023-03-01", "agencies: [KISA]\n", "한국인터넷진흥원 hosted it.")
        article("other", "Unrelated news", "2021-01-01", "", "Nothing to find here.")
        return site
    }

    @Test func typingAQueryAndApplyingAFacetFindsTheArticle() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.site().write(to: folder.path)
        let build = try BulletinProcess.run(["build", "--output", folder.path + "/site", "--quiet"], in: folder.path)
        #expect(build.status == 0, "\(build.standardError)")
        guard let browser = try await Browser.start(serving: folder.path + "/site") else { return }
        do {
            try await browser.open("/search/")
            let status = try await browser.element("[data-status]")
            #expect(try await browser.wait { try await browser.text(of: status).contains("Type words") })

            // Type a query and press Enter.
            let box = try await browser.element("#search_query")
            try await browser.type("ransomware\u{E007}", into: box)
            #expect(try await browser.wait { try await browser.text(of: status) == "3 articles found for “ransomware”." })
            // The status is written before the results' chunks arrive: wait for the list too.
            #expect(try await browser.wait {
                try await browser.texts("[data-results] h3").contains("Counter Ransomware Initiative meets in Washington")
            })
            #expect(try await browser.currentURL.hasSuffix("/search/?q=ransomware"))

            // A facet, toggled with the space bar as a keyboard user would.
            let year = try await browser.element("[data-facets] input[name=year][value='2024']")
            try await browser.type(" ", into: year)
            #expect(try await browser.wait { try await browser.text(of: status) == "2 articles found for “ransomware”." })
            // Best first: the word in a title counts most.
            #expect(try await browser.wait {
                try await browser.texts("[data-results] h3") == [
                    "Counter Ransomware Initiative meets in Washington",
                    "Korea and UK pledge action at 4th dialogue",
                ]
            })
            #expect(try await browser.currentURL.hasSuffix("/search/?q=ransomware&year=2024"))
            // The filters are made anew, and the focus stays on the box the reader toggled.
            #expect(try await browser.script("return document.activeElement.name + '=' + document.activeElement.value") as? String == "year=2024")

            // A word in most articles still finds them (a small site has no stop words).
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
            // The status is written before the results' chunks arrive: wait for the list too.
            #expect(try await browser.wait {
                try await browser.texts("[data-results] h3").first?.hasPrefix("Korea and the EU resume cyber policy consultation") == true
            })
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

    /// A fictional site in English and Korean: one Korean article says only 서울에서 (in
    /// Seoul), another 랜섬웨어를 (ransomware, as an object); an English one says Seoul.
    static func koreanSite() -> TestSite {
        var site = site()
        site["Content/site.yaml"] = "title: Search Test\nbaseURL: https://search.test/\nperPage: 5\nlanguages: [en, ko]\n"
        site["Content/articles/ko/seoul.md"] = "---\ntitle: 정책 협의회 개최\ndate: 2025-05-20\nlang: ko\n---\n\n양측 대표단은 서울에서 만났다.\n"
        site["Content/articles/ko/ransomware.md"] = "---\ntitle: 대응 이니셔티브 회의\ndate: 2024-10-01\nlang: ko\n---\n\n참가국은 랜섬웨어를 논의했다.\n"
        site["Content/articles/seoul.md"] = "---\ntitle: Talks in Seoul\ndate: 2025-05-21\n---\n\nThey met in Seoul, 서울.\n"
        return site
    }

    @Test func onTheKoreanSearchPageAWordFindsItsInflectedForms() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.koreanSite().write(to: folder.path)
        let build = try BulletinProcess.run(["build", "--output", folder.path + "/site", "--quiet"], in: folder.path)
        #expect(build.status == 0, "\(build.standardError)")
        guard let browser = try await Browser.start(serving: folder.path + "/site") else { return }
        do {
            try await browser.open("/ko/search/")
            let status = try await browser.element("[data-status]")
            // The page speaks Korean, words given by the theme's ko.yaml.
            #expect(try await browser.wait { try await browser.text(of: status) == "기사 2건에서 찾을 낱말을 입력하거나 필터를 고르세요." })
            let box = try await browser.element("#search_query")
            try await browser.type("서울\u{E007}", into: box)
            // Only the Korean index: the English article that says 서울 is not in it.
            #expect(try await browser.wait { try await browser.text(of: status) == "“서울”(으)로 기사 1건을 찾았습니다." })
            // The status is written before the results' chunks arrive: wait for the list too.
            #expect(try await browser.wait { try await browser.texts("[data-results] h3") == ["정책 협의회 개최"] })

            try await browser.open("/ko/search/?q=랜섬웨어")
            let again = try await browser.element("[data-status]")
            #expect(try await browser.wait { try await browser.text(of: again) == "“랜섬웨어”(으)로 기사 1건을 찾았습니다." })
            #expect(try await browser.wait { try await browser.texts("[data-results] h3") == ["대응 이니셔티브 회의"] })
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    @Test func withoutJavaScriptThePageSaysSoAndLinksToBrowsing() throws {
        let result = Self.koreanSite().build()
        for (path, words) in [("search/index.html", "Search needs JavaScript"), ("ko/search/index.html", "검색에는 자바스크립트가 필요한데")] {
            let page = try #require(result.text(path))
            #expect(page.contains("<noscript>"))
            #expect(page.contains(words))
            #expect(page.contains("role=\"status\""))
            #expect(page.contains("<label for=\"search_query\">"))
        }
    }
}
