@testable import BulletinTemplates
import Foundation
import Testing

/// `{{x}}` escapes per Unicode scalar and drops what HTML forbids; `{{{x}}}` inserts as it is.
@Suite struct EscapingTests {
    private func render(_ template: String, _ text: String) throws -> String {
        try Template(template).render(["x": .text(text)])
    }

    @Test func theFiveAreEntities() throws {
        #expect(try render("{{x}}", #"a & b < c > d " e ' f"#) == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect(try render("{{x}}", "&&<<>>\"\"''") == "&amp;&amp;&lt;&lt;&gt;&gt;&quot;&quot;&#39;&#39;")
    }

    /// swift-mustache sees `"` + U+0301 as one Character, which is not `"`, and leaves it: the
    /// attribute is closed. Per scalar, the `"` is escaped and the accent kept.
    @Test func aQuoteFollowedByACombiningMarkIsStillEscaped() throws {
        let title = "x\"\u{301} onmouseover=alert(1) '\u{301}"
        // The quote and its accent are one Character. (Compared outside #expect, whose macro
        // quotes its source text per Character and trips on this very literal.)
        let quoteWithAccent: Character = "\"\u{301}"
        let second = Array(title)[1]
        #expect(second == quoteWithAccent)
        #expect(
            try render(#"<a title="{{x}}">"#, title)
                == "<a title=\"x&quot;\u{301} onmouseover=alert(1) &#39;\u{301}\">")
        #expect(try render("{{x}}", "<\u{338}") == "&lt;\u{338}")  // ≮ decomposed
    }

    /// A string of these scalars (Swift's literals refuse the noncharacters).
    private func scalars(_ values: [UInt32]) -> String {
        String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init)))
    }

    @Test func forbiddenCodePointsAreDropped() throws {
        let forbidden: [UInt32] = [
            0x0, 0x1, 0x8, 0xB, 0xC, 0xE, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xFDD0, 0xFDDF, 0xFDEF,
            0xFFFE, 0xFFFF, 0x1FFFE, 0x1FFFF, 0x2FFFE, 0x10FFFE, 0x10FFFF,
        ]
        #expect(forbidden.allSatisfy { Unicode.Scalar($0) != nil })
        #expect(try render("[{{x}}]", scalars(forbidden)) == "[]")
        #expect(try render("{{x}}", "a" + scalars(forbidden) + "b") == "ab")
    }

    @Test func theirNeighboursAreKept() throws {
        let text = scalars([
            0x9, 0xA, 0xD, 0x20, 0x7E, 0xA0, 0xA9, 0xFDCF, 0xFDF0, 0xFFFD, 0xF000, 0xEFFF, 0x10000, 0x1FFFD, 0x10FFFD,
        ])
        #expect(try render("{{x}}", text) == text)
    }

    @Test func otherTextIsCopiedAsItIs() throws {
        let text = "Korea–EU 한국인터넷진흥원 «Zürich» 😀 e\u{301} \u{200F}"
        #expect(try render("{{x}}", text) == text)
        let long = String(repeating: "plain text, ", count: 200) + "<b>" + String(repeating: "é", count: 100)
        #expect(try render("{{x}}", long) == long.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;"))
    }

    @Test func tripleMustacheAndAmpersandInsertAsItIs() throws {
        let html = "<p class=\"x\">&amp; it's \u{0}" + scalars([0xFFFF]) + "</p>"
        #expect(try render("{{{x}}}", html) == html)
        #expect(try render("{{& x}}", html) == html)
    }

    /// A tag's text is written from where it is stored when it is longer than a small string
    /// (15 bytes), copied when not, as bytes (`.utf8`) always: every length around that limit,
    /// in ASCII and in Korean, from a native, a Foundation-made and a substring-made string
    /// (all contiguous on Linux), escaped and not, in a field, in a list item and at the top
    /// of the stack.
    /// The address a render writes from: never for a text of up to 15 bytes (Swift keeps it
    /// inside the value and hands out only a temporary copy, which a render may not keep),
    /// always for a longer one, and there the text's own bytes; bytes always.
    @Test func onlyTextsLongerThanASmallStringGiveTheirStoredBytes() {
        for length in 0...40 {
            for unit in ["a", "한"] {
                let text = String(repeating: unit, count: length)
                let value = TemplateValue.text(text)
                let stored = withUnsafePointer(to: value) { $0.pointee.storedUTF8.map(Array.init) }
                if text.utf8.count <= 15 {
                    #expect(stored == nil, "\(text.utf8.count) bytes")
                } else {
                    #expect(stored == Array(text.utf8), "\(text.utf8.count) bytes")
                }
                let bytes = TemplateValue.utf8(Array(text.utf8))
                #expect(withUnsafePointer(to: bytes) { $0.pointee.storedUTF8.map(Array.init) } == Array(text.utf8))
            }
        }
        #expect(TemplateValue.number(3).storedUTF8 == nil && TemplateValue.bool(true).storedUTF8 == nil)
    }

    @Test func textOfEveryLengthAroundTheSmallStringLimitIsWrittenWhole() throws {
        let template = try Template("{{x}}|{{{x}}}|{{#list}}{{.}}{{/list}}|{{#x}}{{{.}}}{{/x}}")
        for length in 0...40 {
            for unit in ["a", "<", "한", "é"] {
                let native = String(repeating: unit, count: length)
                let made = NSString(string: native) as String
                let cut = String(Substring(("xy" + native + "z").dropFirst(2).dropLast()))
                let escaped = unit == "<" ? String(repeating: "&lt;", count: length) : native
                for text in [native, made, cut] {
                    for value in [TemplateValue.text(text), .utf8(Array(text.utf8))] {
                        let rendered = template.render(["x": value, "list": [value, value]])
                        #expect(rendered == "\(escaped)|\(native)|\(escaped)\(escaped)|\(native)")
                    }
                }
            }
        }
    }

    /// The bytes that need work are found sixteen at a time: each of them, and the allowed
    /// characters that share their lead byte, at every place in texts of up to 48 bytes.
    @Test func everyMarkupCharacterIsFoundWhereverItStands() throws {
        let template = try Template("{{x}}")
        let cases: [(String, String)] = [
            ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;"), ("\u{1}", ""), ("\u{7F}", ""),
            ("\u{85}", ""), (String(Unicode.Scalar(0xFDD0)!), ""), ("\u{FFFE}", ""), ("\u{1FFFF}", ""), ("\u{A0}", "\u{A0}"), ("\u{F000}", "\u{F000}"),
            ("\u{1F600}", "\u{1F600}"), ("\t", "\t"), ("\n", "\n"), ("한", "한"),
        ]
        for length in 0...48 {
            for (piece, escaped) in cases {
                for place in 0...length {
                    let (before, after) = (String(repeating: "a", count: place), String(repeating: "b", count: length - place))
                    #expect(template.render(["x": .text(before + piece + after)]) == before + escaped + after)
                    #expect(template.render(["x": .text(before + piece + "&" + after)]) == before + escaped + "&amp;" + after)
                }
            }
        }
    }

    @Test func listItemsAreEscapedToo() throws {
        let template = try Template("{{x}}|{{{x}}}")
        #expect(template.render(["x": ["<a>", 1, true, ["b&c"]]]) == "&lt;a&gt;, 1, true, b&amp;c|<a>, 1, true, b&c")
    }
}
