@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinMarkdown
@testable import BulletinResolve
@testable import BulletinRender
import Foundation
import Testing

@Suite struct MarkdownTests {
    /// The plain text of a body (summaries, search) collapses white space per character; the
    /// byte path it takes for nearly every text must agree with splitting on characters.
    @Test func whiteSpaceCollapsesAsOnCharacters() {
        let pieces = ["a", "Z", "7", " ", "  ", "\n", "\t", "\r", "\r\n", "\u{301}", "é", "—", "한", "\u{600}", "\u{200D}", ".", "-"]
        var generator = SplitMix64(seed: 0x70E7)
        for _ in 0..<1_500 {
            let text = (0..<Int(generator.next() % 9)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let expected = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
            #expect(Markdown.collapsingWhiteSpace(Array(text.utf8)) == expected, "\(text.debugDescription)")
        }
        #expect(Markdown.collapsingWhiteSpace(Array("  one\ttwo \n three  ".utf8)) == "one two three")
    }

    @Test func rendersCommonMarkSafely() {
        let document = Markdown.render("# Title\n\nText with <b>raw</b> and [x](javascript:alert(1)).\n\n<div>block</div>\n")
        #expect(document.html.contains("<h1 id=\"title\">Title</h1>"))
        #expect(!document.html.contains("<b>"))
        #expect(!document.html.contains("<div>"))
        #expect(!document.html.contains("javascript:"))
    }

    @Test func firstParagraphIsPlainText() {
        let document = Markdown.render("## Heading\n\nA *b* `c` [d](e)\nf.\n\nSecond.\n")
        #expect(document.firstParagraph == "A b c d f.")
    }

    @Test func firstParagraphIsTopLevelOnly() {
        #expect(Markdown.render("> quoted\n\n- item\n\nReal.\n").firstParagraph == "Real.")
        #expect(Markdown.render("## Only a heading\n").firstParagraph == nil)
    }

    @Test func headingIDsFollowTheSlugRuleAndNumberRepeats() {
        let document = Markdown.render("## A\n## A\n## A-1\n## A\n## 한국 & EU\n## !!!\n```\n<h2>not a heading</h2>\n```\n")
        #expect(document.headings.map(\.id) == ["a", "a-1", "a-1-1", "a-2", "한국-and-eu", "section"])
        #expect(document.html.contains("&lt;h2&gt;not a heading&lt;/h2&gt;"))
        #expect(document.html.components(separatedBy: " id=\"").count == 7)
    }

    /// The headings alone (a draft's, for links to its fragments) are the render's: the same
    /// levels, texts and ids, repeats, empty slugs, links and code in headings included.
    @Test func headingsAloneAreTheRendersHeadings() {
        let texts = [
            "", "no headings\n\njust text", "## A\n## A\n## A-1\n## A\n## 한국 & EU\n## !!!\n```\n<h2>not a heading</h2>\n```\n",
            "Setext\n======\n\nAgain\n-----\n# Setext", "# [A link](/x/) and `code`\n\n### *Em* **strong**\n\n> ## In a quote\n\n- ## In a list",
            String(repeating: "## Same\n\n## Other\n\n", count: 40), "#### <b>raw</b> heading\n\n###### six\n\n####### not one",
        ]
        for text in texts {
            #expect(Markdown.headings(text[...]) == Markdown.render(text).headings, "\(text.prefix(40).debugDescription)")
        }
        #expect(Markdown.headings("## A\n## A\n"[...]).map(\.id) == ["a", "a-1"])
    }

    /// Pages of many headings (past the few kept in a list, into the dictionary) number their
    /// repeats as the rule, written plainly with a dictionary, does.
    @Test func manyHeadingsNumberTheirRepeatsAsTheRuleSays() {
        var generator = SystemRandomNumberGenerator()
        for count in [1, 10, 32, 33, 34, 100, 300] {
            let texts = (0..<count).map { _ in ["A", "A-1", "A-2", "B", "b", "A-1-1", "!!!", "Section"].randomElement(using: &generator)! }
            var used: [String: Int] = [:]
            let expected = texts.map { text -> String in
                var id = Slug.make(from: text)
                if id.isEmpty { id = "section" }
                if let count = used[id] {
                    var next = count
                    var candidate = "\(id)-\(next)"
                    while used[candidate] != nil {
                        next += 1
                        candidate = "\(id)-\(next)"
                    }
                    used[id] = next + 1
                    used[candidate] = 1
                    return candidate
                }
                used[id] = 1
                return id
            }
            let document = Markdown.render(texts.map { "## \($0)\n" }.joined())
            #expect(document.headings.map(\.id) == expected, "\(count) headings")
        }
    }

    @Test func linksAreReportedAtTheirFileLineAndScalarColumn() {
        let document = Markdown.render("Intro.\n\n한국 [link](a.md) and ![img](b.png)\n", firstLine: 6)
        #expect(document.links.map(\.destination) == ["a.md", "b.png"])
        #expect(document.links[0].line == 8)
        #expect(document.links[0].column == 4)
        #expect(document.links[1].isImage)
    }

    /// An autolink is reported where it starts, the `<`, counted in scalars (libcmark 0.30
    /// gives that column; the search for it, kept for a position given at the link's end,
    /// must not move it): after text of every length, after another `<`, twice on a line; and
    /// a `[text](address)` link after an autolink to the same address, where it starts.
    @Test func autolinksAreReportedWhereTheyStart() {
        for before in ["", "a", "한국 ", String(repeating: "x", count: 40), "a < b, <c> ", "<https://a.example/x> "] {
            let document = Markdown.render("Intro.\n\n\(before)<https://a.example/x> and <https://b.example/>\n", firstLine: 3)
            let links = document.links.filter { $0.destination.hasPrefix("https://") }
            let start = before.unicodeScalars.count + 1
            #expect(links.map(\.line).allSatisfy { $0 == 5 })
            #expect(links.last?.column == start + "<https://a.example/x> and ".unicodeScalars.count, "\(before.debugDescription)")
            #expect(links.dropLast().last?.column == start, "\(before.debugDescription)")
        }
        let both = Markdown.render("<https://a.example/> and [x](https://a.example/)\n")
        #expect(both.links.map(\.column) == [1, 26])
    }

    @Test func linkRewritingChangesOnlyWhatItIsAskedTo() {
        let document = Markdown.render("[a](a.md) [b](https://x.test/)") { link in
            link.destination == "a.md" ? .rewritten("/articles/a/") : .unchanged
        }
        #expect(document.html.contains("href=\"/articles/a/\""))
        #expect(document.html.contains("href=\"https://x.test/\""))
    }
}

@Suite struct LinkRewriterTests {
    let rewriter = LinkRewriter(
        routes: Routes(baseURL: BaseURL("https://x.test/sub/")!),
        contentPaths: [
            "articles/2025/a.md": "articles/a/", "pages/about.md": "about/", "articles/한국.md": "articles/한국/",
            "articles/x.md": "articles/x/",
        ],
        unpublished: Unpublished(byContentPath: ["articles/draft.md": "a draft"], bySitePath: ["articles/draft/": "a draft"]),
        sitePaths: ["", "articles/a/", "about/", "agencies/", "agencies/kisa/", "images/map.svg", "articles/x/", "articles/한국/"])

    @Test(arguments: [
        ("a.md", "articles/2025/b.md", LinkRewriter.Result.rewritten("/sub/articles/a/"), nil as LinkRewriter.Target?),
        ("./a.md#top", "articles/2025/b.md", .rewritten("/sub/articles/a/#top"), LinkRewriter.Target(sitePath: "articles/a/", fragment: "top")),
        // A query is kept, as on a link written as a site path.
        ("a.md?x=1#top", "articles/2025/b.md", .rewritten("/sub/articles/a/?x=1#top"), LinkRewriter.Target(sitePath: "articles/a/", fragment: "top")),
        ("../../pages/about.md", "articles/2025/b.md", .rewritten("/sub/about/"), nil),
        ("%ED%95%9C%EA%B5%AD.md", "articles/x.md", .rewritten("/sub/articles/%ED%95%9C%EA%B5%AD/"), nil),
        ("/agencies/", "articles/x.md", .rewritten("/sub/agencies/"), nil),
        ("/agencies/kisa", "articles/x.md", .rewritten("/sub/agencies/kisa"), nil),
        ("/agencies/kisa/#history", "articles/x.md", .rewritten("/sub/agencies/kisa/#history"), LinkRewriter.Target(sitePath: "agencies/kisa/", fragment: "history")),
        ("/images/map.svg", "articles/x.md", .rewritten("/sub/images/map.svg"), nil),
        ("#section", "articles/x.md", .unchanged, LinkRewriter.Target(sitePath: "articles/x/", fragment: "section")),
        ("https://example.org/a.md", "articles/x.md", .unchanged, nil),
        ("mailto:x@example.org", "articles/x.md", .unchanged, nil),
        // Relative links to anything but Markdown files resolve against the page's address
        // (/articles/x/), are checked there, and are written from the root.
        ("../a/", "articles/x.md", .rewritten("/sub/articles/a/"), nil),
        ("../a/#top", "articles/x.md", .rewritten("/sub/articles/a/#top"), LinkRewriter.Target(sitePath: "articles/a/", fragment: "top")),
        ("../../images/map.svg?v=2", "articles/x.md", .rewritten("/sub/images/map.svg?v=2"), nil),
        ("../../agencies/kisa", "articles/x.md", .rewritten("/sub/agencies/kisa"), nil),
        ("./", "articles/x.md", .rewritten("/sub/articles/x/"), nil),
        ("./index.html", "articles/x.md", .rewritten("/sub/articles/x/index.html"), nil),
        ("../../index.html", "articles/x.md", .rewritten("/sub/index.html"), nil),
        ("/articles/a/index.html", "articles/x.md", .rewritten("/sub/articles/a/index.html"), nil),
        ("../%ED%95%9C%EA%B5%AD/", "articles/x.md", .rewritten("/sub/articles/%ED%95%9C%EA%B5%AD/"), nil),
        ("image.png", "articles/unpublished.md", .unchanged, nil),
        (".", "articles/x.md", .rewritten("/sub/articles/x/"), nil),
        ("../a/.", "articles/x.md", .rewritten("/sub/articles/a/"), nil),
        ("../../agencies/kisa/..", "articles/x.md", .rewritten("/sub/agencies/"), nil),
        ("?page=2", "articles/x.md", .rewritten("/sub/articles/x/?page=2"), nil),
        ("?q#top", "articles/x.md", .rewritten("/sub/articles/x/?q#top"), LinkRewriter.Target(sitePath: "articles/x/", fragment: "top")),
    ])
    func rewrites(destination: String, from: String, expected: LinkRewriter.Result, target: LinkRewriter.Target?) {
        let (result, fragment) = rewriter.rewrite(destination, from: from)
        #expect(result == expected)
        #expect(fragment == target)
    }

    @Test func linksToUnpublishedPagesAreLeftOut() {
        for (destination, from) in [("draft.md", "articles/b.md"), ("/articles/draft/", "articles/b.md"),
                                    ("/articles/draft", "articles/b.md"), ("../draft/", "articles/x.md")] {
            guard case (.unlinked(let message, _), nil) = rewriter.rewrite(destination, from: from) else {
                Issue.record("\(destination) should be unlinked")
                continue
            }
            #expect(message.contains("which is a draft: the link is left out until it is published"))
        }
        let document = Markdown.render("See [the draft](draft.md) now.") { _ in .unlink }
        #expect(document.html == "<p>See the draft now.</p>\n")
    }

    @Test(arguments: [
        ("../../../x.md", "articles/2025/b.md", "outside the content folder", nil as String?),
        ("/agencies/kisaa/", "articles/x.md", "which the site does not have", "did you mean /agencies/kisa/?"),
        ("2025/aa.md", "articles/x.md", "does not exist", "did you mean 2025/a.md?"),
        ("image.png", "articles/x.md", "goes to /articles/x/image.png, which the site does not have",
         "relative links resolve against this page's address, /articles/x/; write site paths from the root, such as /images/map.svg"),
        ("../static/images/map.svg", "articles/x.md", "goes to /articles/static/images/map.svg, which the site does not have",
         "did you mean /images/map.svg? Files in static/ are published at the site's root, and relative links resolve against this page's address, /articles/x/"),
        ("../../../up.png", "articles/x.md", "climbs above the site's root from /articles/x/", nil),
    ])
    func brokenLinksSayWhy(destination: String, from: String, message: String, hint: String?) {
        guard case (.broken(let text, let suggestion), _) = rewriter.rewrite(destination, from: from) else {
            Issue.record("expected a broken link")
            return
        }
        #expect(text.contains(message))
        if let hint { #expect(suggestion == hint) }
    }
}

@Suite struct SummaryTests {
    @Test func shortTextIsKept() {
        #expect(Summary.truncate("Short.") == "Short.")
        let exactly = String(repeating: "a", count: 300)
        #expect(Summary.truncate(exactly) == exactly)
    }

    @Test func longTextIsCutAtAWordWithinTheLimit() {
        let text = (1...80).map { "word\($0)" }.joined(separator: " ")
        let cut = Summary.truncate(text)
        #expect(cut.count <= 300)
        #expect(cut.hasSuffix("…"))
        #expect(text.hasPrefix(String(cut.dropLast())))
        #expect(text[text.index(text.startIndex, offsetBy: cut.count - 1)] == " ")
    }

    @Test func aSingleLongWordIsCutHard() {
        let cut = Summary.truncate(String(repeating: "x", count: 400))
        #expect(cut.count == 300)
    }

    @Test func graphemeClustersCountAsOne() {
        let cut = Summary.truncate(String(repeating: "한국 ", count: 200))
        #expect(cut.count <= 300)
    }
}
