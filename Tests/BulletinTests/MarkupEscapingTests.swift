import BulletinCore
import BulletinRender
import Testing

/// HTML and XML text share one escaping pass: the five markup characters as entities (`'` as
/// each language wants it) and the forbidden code points left out, wherever they stand.
@Suite struct MarkupEscapingTests {
    /// The rule, written plainly: forbidden code points out, then each markup character replaced.
    private func reference(_ text: String, apostrophe: String) -> String {
        let entities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": apostrophe]
        return escapedPlainly(text) { entities[$0] }
    }

    @Test func escapesAsTheRuleSaysOnSeededText() {
        let forbidden = [0x1, 0x7F, 0x85, 0xFDD0, 0xFFFE, 0x1FFFF].map { String(Unicode.Scalar(UInt32($0))!) }
        let pieces = ["&", "<", ">", "\"", "'", "\"\u{301}", "a", "plain words", "é", "한국", "😀", "\u{A0}", "\t", "\n"] + forbidden
        var generator = SplitMix64(seed: 0xE5CA9E)
        for _ in 0..<2_000 {
            let text = (0..<Int(generator.next() % 8)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(HTMLEscaping.escape(text) == reference(text, apostrophe: "&#39;"), "\(text.debugDescription)")
            #expect(XMLText.escape(text) == reference(text, apostrophe: "&apos;"), "\(text.debugDescription)")
            // Feed entries escape their content as bytes, appended after what is there.
            var bytes = Array("<content>".utf8)
            Array(text.utf8).withUnsafeBufferPointer { XMLText.append(escaping: $0, to: &bytes) }
            #expect(String(decoding: bytes, as: UTF8.self) == "<content>" + reference(text, apostrophe: "&apos;"), "\(text.debugDescription)")
        }
        #expect(XMLText.escape("R&D's <b>") == "R&amp;D&apos;s &lt;b&gt;")
        #expect(HTMLEscaping.escape("R&D's <b>") == "R&amp;D&#39;s &lt;b&gt;")
    }

    /// The bytes that need work are found sixteen at a time: each of them, and the allowed
    /// neighbours that share their lead byte, at every place in texts of up to 48 bytes, so
    /// at every place in a block and across blocks, alone and two together.
    @Test func everyMarkupCharacterIsFoundWhereverItStands() {
        let pieces = ["&", "<", ">", "\"", "'", "\u{1}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", String(Unicode.Scalar(0xFDD0)!), "\u{FFFE}", "\u{F000}",
                      "\u{1FFFF}", "\u{1F600}", "\t", "\n", "\r", "é", "한"]
        for length in 0...48 {
            for piece in pieces {
                for place in 0...length {
                    for text in [String(repeating: "a", count: place) + piece + String(repeating: "b", count: length - place),
                                 String(repeating: "a", count: place) + piece + "<" + String(repeating: "b", count: length - place)] {
                        #expect(HTMLEscaping.escape(text) == reference(text, apostrophe: "&#39;"), "\(text.debugDescription)")
                        var bytes: [UInt8] = []
                        Array(text.utf8).withUnsafeBufferPointer { XMLText.append(escaping: $0, to: &bytes) }
                        #expect(String(decoding: bytes, as: UTF8.self) == reference(text, apostrophe: "&apos;"), "\(text.debugDescription)")
                    }
                }
            }
        }
    }
}
