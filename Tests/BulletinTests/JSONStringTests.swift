@testable import BulletinCore
import Foundation
import Testing

/// JSON strings as pages, feeds and open data write them: valid JSON that reads back as the
/// text, with `<` and U+2028/2029 escaped so that it can sit in a `<script>` element.
@Suite struct JSONStringTests {
    func written(_ text: String) -> String {
        var output: [UInt8] = []
        JSONValue.writeString(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func eachEscape() {
        #expect(written("") == "\"\"")
        #expect(written("plain words") == "\"plain words\"")
        #expect(written("a\"b\\c\nd\re\tf<g") == #""a\"b\\c\nd\re\tf\u003cg""#)
        #expect(written("x\u{2028}y\u{2029}z") == #""x\u2028y\u2029z""#)
        // Other characters that begin with E2 (dashes, quotes, the euro sign) stay as they are.
        #expect(written("Korea–EU “talks” €5 …") == "\"Korea–EU “talks” €5 …\"")
        #expect(written("<<") == #""\u003c\u003c""#)
        #expect(written("한국 <b>") == #""한국 \u003cb>""#)
    }

    /// A feed's content is written from its bytes: the same JSON as from the String, the
    /// forbidden code points left out as there, and an empty text still quoted.
    @Test func bytesAreWrittenAsTheirString() {
        let forbidden = [0x1, 0x7F, 0x85, 0xFDD0, 0xFFFE, 0x1FFFF].map { String(Unicode.Scalar(UInt32($0))!) }
        let pieces = ["a", " ", "\"", "\\", "\n", "<", "\u{2028}", "–", "한", "😀"] + forbidden
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var fromBytes: [UInt8] = [UInt8(ascii: "[")]
            Array(text.utf8).withUnsafeBufferPointer { JSONValue.writeString(utf8: $0, to: &fromBytes) }
            #expect(String(decoding: fromBytes, as: UTF8.self) == "[" + written(text), "\(text.debugDescription)")
        }
    }

    /// A text with forbidden code points loses them, short (kept inside the String) or long,
    /// made natively or by Foundation (contiguous on Linux too: the fallback for a bridged
    /// string without contiguous UTF-8 runs on Darwin only); one without them is escaped
    /// where it is.
    @Test func forbiddenCodePointsAreLeftOutOfTextOfEveryLength() {
        for length in [0, 1, 14, 15, 16, 40] {
            let plain = String(repeating: "a<", count: length)
            let expected = "\"" + String(repeating: #"a\u003c"#, count: length) + "\""
            for forbidden in ["\u{1}", "\u{85}", "\u{FFFE}", "\u{10FFFF}"] {
                for text in [plain + forbidden, forbidden + plain, NSString(string: plain + forbidden) as String] {
                    #expect(written(text) == expected, "\(text.debugDescription)")
                }
            }
            #expect(written(NSString(string: plain) as String) == expected)
        }
    }

    /// The rule, written plainly: forbidden code points out, then the JSON escapes.
    private func reference(_ text: String) -> String {
        let escapes: [Unicode.Scalar: String] = [
            "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "<": "\\u003c",
            "\u{2028}": "\\u2028", "\u{2029}": "\\u2029",
        ]
        return "\"" + escapedPlainly(text) { escapes[$0] } + "\""
    }

    /// The bytes that need work are found sixteen at a time: each of them (and characters
    /// whose encoding begins as U+2028's does) at every place in texts of up to 48 bytes,
    /// from a String and from bytes.
    @Test func everyEscapedCharacterIsFoundWhereverItStands() {
        let pieces = ["\"", "\\", "\n", "\r", "\t", "<", "\u{2028}", "\u{2029}", "–", "€", "\u{1}", "\u{85}", "\u{FFFE}", "é", "한", ">"]
        for length in 0...48 {
            for piece in pieces {
                for place in 0...length {
                    let text = String(repeating: "a", count: place) + piece + String(repeating: "b", count: length - place)
                    #expect(written(text) == reference(text), "\(text.debugDescription)")
                    var bytes: [UInt8] = []
                    Array(text.utf8).withUnsafeBufferPointer { JSONValue.writeString(utf8: $0, to: &bytes) }
                    #expect(String(decoding: bytes, as: UTF8.self) == reference(text), "\(text.debugDescription)")
                }
            }
        }
    }

    /// Random text from the characters that matter reads back as itself.
    @Test func randomTextReadsBack() throws {
        let pieces = ["a", " ", "\"", "\\", "\n", "\r", "\t", "<", ">", "\u{2028}", "\u{2029}", "–", "€", "한", "é", "/", "&"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let json = written(text)
            #expect(!json.contains("<") && !json.contains("\u{2028}") && !json.contains("\u{2029}"))
            let read = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String
            #expect(read == text)
        }
    }

    /// An object's keys come out in code-point order (UTF-8 byte order), whatever their
    /// lengths and first bytes: keys that share their first eight bytes or more, a key that is
    /// another's start, keys outside ASCII, a NUL; also with the field `writeObject` adds
    /// (replacing one of the same name). The rule, written plainly: sort the keys' bytes.
    @Test func objectKeysAreInCodePointOrder() {
        let keyPieces = ["a", "b", "@", "Z", "\u{0}", "é", "한", "😀", "abcdefgh", "abcdefghi", "~"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            var keys: [String] = []
            for _ in 0..<Int.random(in: 0...14, using: &generator) {
                let key = (0..<Int.random(in: 0...4, using: &generator)).map { _ in keyPieces.randomElement(using: &generator)! }.joined()
                if !keys.contains(key) { keys.append(key) }
            }
            let object = JSONObject(fields: keys.enumerated().map { ($0.element, JSONValue.integer($0.offset)) })
            // No field added, one of a new name, or one replacing a field.
            let extra: String? = [nil, "@context", keys.randomElement(using: &generator)].randomElement(using: &generator)!
            var bytes: [UInt8] = []
            JSONValue.writeObject(object, adding: extra.map { ($0, .integer(-1)) }, to: &bytes)
            var all = keys
            if let extra, !all.contains(extra) { all.append(extra) }
            let expected = all.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { key -> String in
                var written: [UInt8] = []
                JSONValue.writeString(key, to: &written)
                let value = key == extra ? -1 : keys.firstIndex(of: key)!
                return String(decoding: written, as: UTF8.self) + ":" + String(value)
            }
            #expect(String(decoding: bytes, as: UTF8.self) == "{" + expected.joined(separator: ",") + "}", "\(keys) + \(String(describing: extra))")
        }
    }
}
