import BulletinOutput
import BulletinCore
import BulletinContent
@testable import BulletinRender
import BulletinBuild
import Foundation
import Testing

/// Titles, summaries and names in any script are isolated wherever the theme shows them in
/// lists and headings, so that an Arabic or Hebrew title cannot reorder what is around it;
/// the fonts named carry Hangul on the common systems.
@Suite struct TextDirectionTests {
    static let rtlTitle = "قمة الأمن السيبراني"
    static let rtlSummary = "ملخص قصير للمقالة"
    static let rtlTerm = "משטרת ישראל"
    static let rtlLocation = "القاهرة"
    static let rtlSeries = "حوار الأمن"

    /// Every place `text` appears as the text of an element (not in `<title>`, an attribute,
    /// JSON-LD or the search script): the tag of the element holding it directly (with its
    /// parent's, for a link).
    static func enclosingTags(of text: String, in html: String) -> [String] {
        var tags: [String] = []
        var searchRange = html.startIndex..<html.endIndex
        while let found = html.range(of: text, range: searchRange) {
            searchRange = found.upperBound..<html.endIndex
            let before = html[..<found.lowerBound]
            guard let open = before.lastIndex(of: "<") else { continue }
            // Inside a tag (an attribute value) when no `>` closes the tag before the text.
            guard let close = before.lastIndex(of: ">"), close > open else { continue }
            var tag = String(html[open...close])
            if tag.hasPrefix("<title") || tag.hasPrefix("<script") { continue }
            // A link that is all of its isolated parent's content (`<h3 dir="auto"><a ...>`).
            let outer = html[..<open]
            if tag.hasPrefix("<a "), outer.hasSuffix(">"), let parentOpen = outer.lastIndex(of: "<") {
                tag = String(html[parentOpen..<open]) + tag
            }
            tags.append(tag)
        }
        return tags
    }

    @Test func namesAndTitlesAreIsolatedOnEveryPage() throws {
        var site = TestSite.standard()
        site["Content/articles/rtl.md"] = """
            ---
            title: \(Self.rtlTitle)
            summary: \(Self.rtlSummary)
            date: 2024-06-01
            location: \(Self.rtlLocation)
            dialogue: \(Self.rtlSeries)
            session: 1
            agencies: [\(Self.rtlTerm)]
            ---

            Text.

            """
        let result = site.build()
        #expect(result.succeeded)
        var seen: [String: Int] = [:]
        for file in try #require(result.output).files where file.path.hasSuffix(".html") {
            let html = try #require(result.text(file.path))
            for text in [Self.rtlTitle, Self.rtlSummary, Self.rtlTerm, Self.rtlLocation, Self.rtlSeries] {
                for tag in Self.enclosingTags(of: text, in: html) {
                    seen[text, default: 0] += 1
                    #expect(tag.contains("dir=\"auto\"") || tag == "<bdi>", "\(file.path): '\(text)' in \(tag)")
                }
            }
        }
        // Each shows in several lists and headings.
        #expect(seen[Self.rtlTitle, default: 0] >= 5, "\(seen)")
        #expect(seen[Self.rtlTerm, default: 0] >= 3, "\(seen)")
        #expect(seen[Self.rtlSeries, default: 0] >= 3, "\(seen)")
        #expect(seen[Self.rtlSummary, default: 0] >= 2, "\(seen)")
        #expect(seen[Self.rtlLocation, default: 0] >= 2, "\(seen)")
    }

    @Test func theSearchResultsIsolateTheirTitlesToo() throws {
        let script = SearchScript.source
        #expect(script.contains("h3.dir = \"auto\""))
        #expect(script.contains("summary.dir = \"auto\""))
        #expect(script.contains("document.createElement(\"bdi\")"))
    }

    @Test func theFontStacksNameFontsWithHangul() throws {
        let css = try String(contentsOfFile: packageRoot + "/Templates/assets/style.css", encoding: .utf8)
        let stacks = css.components(separatedBy: "\n").filter { $0.contains("font-family:") && !$0.contains("monospace") }
        #expect(stacks.count >= 2)
        for stack in stacks.prefix(2) {
            // macOS, Windows, Linux (Noto CJK), and Android/ChromeOS (Noto Sans KR / Nanum).
            #expect(stack.contains("Apple SD Gothic Neo") || stack.contains("AppleMyungjo"), "\(stack)")
            #expect(stack.contains("Malgun Gothic") || stack.contains("Batang"), "\(stack)")
            #expect(stack.contains("CJK KR"), "\(stack)")
        }
        #expect(css.contains(":lang(ko)"))
    }
}
