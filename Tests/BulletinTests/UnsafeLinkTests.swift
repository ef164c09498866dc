import BulletinBuild
import BulletinCore
import BulletinContent
import BulletinRender
import BulletinResolve
import Testing

/// Links and images whose address could run a script or open a local file are reported
/// where they are written, and published as plain text: never as `href=""` or `src=""`.
@Suite struct UnsafeLinkTests {
    static let body = """
        ---
        title: Unsafe
        date: 2024-05-01
        ---

        A [plain](javascript:alert(1)) link.
        A [mixed](JaVaScRiPt:alert(2)) case.
        An [encoded](&#106;avascript:alert(3)) one.
        A [basic](vbscript:msgbox) one and <javascript:alert(4)>.
        ![A map](data:image/png;base64,iVBORw0KGgo=) and [a file](file:///etc/passwd).
        [Fine](https://example.org/).

        """

    @Test func eachIsAWarningAtItsPlaceNamingTheScheme() {
        var site = TestSite.standard()
        site["Content/articles/unsafe.md"] = Self.body
        let result = site.build()
        #expect(result.succeeded)
        let found = result.warnings.filter { $0.code == .unsafeLink }
            .map { "\($0.location.line!):\($0.location.column!) \($0.message.contains("image") ? "image" : "link") \($0.message)" }
        #expect(found.count == 7, "\(found)")
        let expected = [
            ("6:3", "javascript:"), ("7:3", "javascript:"), ("8:4", "javascript:"), ("9:3", "vbscript:"),
            ("9:36", "javascript:"), ("10:1", "data:"), ("10:50", "file:"),
        ]
        for ((place, scheme), line) in zip(expected, found) {
            #expect(line.hasPrefix(place + " "), "\(line)")
            #expect(line.contains("uses \(scheme),"), "\(line)")
        }
        #expect(found[5].contains("image"))
    }

    @Test func theirTextIsPublishedPlainInPagesAndFeeds() throws {
        var site = TestSite.standard()
        site["Content/articles/unsafe.md"] = Self.body
        let result = site.build()
        let page = try #require(result.text("articles/unsafe/index.html"))
        let feed = try #require(result.text("feed.xml"))
        let json = try #require(result.text("feed.json"))
        #expect(page.contains("A plain link."))
        #expect(page.contains("An encoded one."))
        #expect(page.contains("A map and a file."))
        #expect(page.contains("<a href=\"https://example.org/\">Fine</a>"))
        for text in [page, feed, json] {
            #expect(!text.contains("href=\"\""))
            #expect(!text.contains("src=\"\""))
            #expect(!text.contains("alert(1)") && !text.contains("alert(2)") && !text.contains("alert(3)"))
            #expect(!text.contains("vbscript:msgbox"))
            #expect(!text.contains("data:image"))
        }
        #expect(feed.contains("A plain link."))
        // An autolink's text is its address: published as text, not as a link.
        #expect(page.contains("a basic one and javascript:alert(4).") || page.contains("A basic one and javascript:alert(4)."))
        #expect(!page.contains(">javascript:alert(4)</a>"))
    }

    @Test(arguments: [
        ("javascript:alert(1)", "javascript"), ("  JAVASCRIPT:x", "javascript"), ("java\tscript:x", "javascript"),
        ("\u{1}vbscript:x", "vbscript"), ("data:text/html,x", "data"), ("FILE:///x", "file"),
    ])
    func schemesAreReadAsABrowserReadsThem(destination: String, scheme: String) {
        var site = TestSite.standard()
        site["Content/articles/unsafe.md"] = "---\ntitle: U\ndate: 2024-05-01\n---\n\n[x](<\(destination)>)\n"
        let warnings = site.build().warnings.filter { $0.code == .unsafeLink }
        #expect(warnings.count == 1 && warnings.first?.message.contains("uses \(scheme):") == true, "\(warnings)")
    }

    /// The quick look on bytes (most links have no colon, or letters before it) decides as
    /// the browsers' rule on scalars does, for destinations mixing every kind of piece.
    @Test func theQuickLookAgreesWithTheBrowsersRule() {
        let pieces = [
            "javascript", "JavaScript", "java", "script", "vbscript", "data", "file", "https", "mailto", "x1", "a+b", "",
            ":", "::", "/", "//", "#", "?", " ", "\t", "\n", "\r", "\u{1}", "\u{20}", "é", "한", "alert(1)", "0",
        ]
        var generator = SplitMix64(seed: 0x5C4E3E)
        for _ in 0..<4_000 {
            let destination = (0..<Int(1 + generator.next() % 5)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(
                LinkRewriter.unsafeScheme(of: destination) == LinkRewriter.unsafeSchemeAsBrowsersRead(destination),
                "\(destination.debugDescription)")
        }
    }
}
