@testable import BulletinCore
import Foundation
import Testing

/// The tokenizer reads bytes through a table for speed; these tests hold it to the rules it
/// documents, read scalar by scalar as a reader of `SearchTokenizer`'s comment would.
@Suite struct SearchTokenizerTests {
    /// The rules, written plainly: runs of letters, marks and digits, as written; a run of
    /// ASCII lowercased, any other through NFKC and lowercasing, then split again where NFKC
    /// made something that is not a word character, and each piece with Hangul, Han, Hiragana
    /// or Katakana and more than two characters followed by its two-character pieces.
    static func reference(_ text: String) -> [String] {
        var tokens: [String] = []
        func pieces(_ word: String) {
            var run: [Unicode.Scalar] = []
            func flush() {
                guard !run.isEmpty else { return }
                tokens.append(String(String.UnicodeScalarView(run)))
                if run.count > 2, run.contains(where: SearchTokenizer.isCJK) {
                    for start in 0..<(run.count - 1) { tokens.append(String(String.UnicodeScalarView(run[start...(start + 1)]))) }
                }
                run.removeAll()
            }
            for scalar in word.unicodeScalars {
                if SearchTokenizer.isWordScalar(scalar) { run.append(scalar) } else { flush() }
            }
            flush()
        }
        var run: [Unicode.Scalar] = []
        func endRun() {
            guard !run.isEmpty else { return }
            let word = String(String.UnicodeScalarView(run))
            if run.allSatisfy(\.isASCII) {
                tokens.append(word.lowercased())
            } else {
                pieces(word.precomposedStringWithCompatibilityMapping.lowercased())
            }
            run.removeAll()
        }
        for scalar in text.unicodeScalars {
            if SearchTokenizer.isWordScalar(scalar) { run.append(scalar) } else { endRun() }
        }
        endRun()
        return tokens
    }

    @Test func examplesFromEachRule() {
        let texts = [
            "", " ", "a", "A", "–", "a–b", "Korea–EU Cyber, ＫＩＳＡ's 7th", "한국인터넷진흥원과", "KISA와 협력",
            "\u{FB01}nal Ⅻ", "E\u{301}te\u{301}-2025", "Café—SPYWARE…x", "x\u{301}", "\u{301}x", "ÀÉÎ", "Z9z", "@[`{",
            "end with é", "é", "日本語のテキスト", "ｶﾀｶﾅ", "½ 7TH", "emoji 🙂 here", "tab\tline\nfeed",
        ]
        for text in texts {
            #expect(SearchTokenizer.tokens(text) == Self.reference(text), "\(text)")
        }
    }

    /// Random text from ASCII letters and punctuation, accented letters, combining marks,
    /// Hangul, fullwidth forms, ligatures, dashes and emoji, in runs of any length.
    @Test func randomTextFollowsTheRules() {
        let pieces: [String] = [
            "a", "Z", "q", "7", " ", ",", ".", "-", "_", "'", "\n", "é", "Ä", "\u{301}", "한", "국", "과", "Ｋ", "ｉ", "\u{FB01}",
            "–", "—", "…", "🙂", "½", "Ⅻ", "ß", "İ", "ﾀ", "日", "\u{200B}", "\u{A0}", "\t", "@", "[", "`", "{", "\u{7F}",
            // The edges of the Hangul syllables and what composes with them or borders them:
            // leading, vowel and trailing jamo, a tone mark, the first value after 힣.
            "가", "힣", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{302E}", "\u{D7A4}", "ㄱ",
            // General Punctuation, and what is just outside it (a superscript digit).
            "\u{2010}", "\u{203F}", "\u{2060}", "\u{206F}", "\u{2070}", "\u{1FFF}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(SearchTokenizer.tokens(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Long texts, mostly ASCII words as bodies are (stretches of thousands of them), with
    /// now and then a word or a separator outside ASCII, anywhere in the eight-byte runs.
    @Test func longTextsFollowTheRules() {
        let pieces: [String] = [
            "word", "Korea", "EU", "7th", "2025", " ", " ", " ", ", ", ". ", "\n", "(", ")", "–", "—", "“", "”", "’s", "…",
            "café", "é", "한국", "협력과", "\u{301}", "Ｋ", "·", "½", "\u{2070}", "日本",
        ]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<60 {
            // Three pieces in four, or all but one in five hundred, are ASCII words and spaces.
            let (other, outOf) = round % 2 == 0 ? (1, 4) : (1, 500)
            let text = (0..<Int.random(in: 200...3_000, using: &generator)).map { _ in
                Int.random(in: 0..<outOf, using: &generator) >= other ? pieces[Int.random(in: 0..<8, using: &generator)] : pieces.randomElement(using: &generator)!
            }.joined()
            #expect(SearchTokenizer.tokens(text) == Self.reference(text))
        }
    }

    /// The answers given without the Unicode tables (the Hangul syllables, General
    /// Punctuation) are the tables' answers, and a value that is no scalar is no word
    /// character.
    @Test func wordScalarsByValue() {
        for value in UInt32(0x1F00)...0x2100 {
            #expect(SearchTokenizer.isWordScalar(value) == SearchTokenizer.isWordScalar(Unicode.Scalar(value)!), "\(value)")
        }
        for value in UInt32(0xAB00)...0xD7FF {
            #expect(SearchTokenizer.isWordScalar(value) == SearchTokenizer.isWordScalar(Unicode.Scalar(value)!), "\(value)")
        }
        #expect(!SearchTokenizer.isWordScalar(UInt32(0xD800)) && !SearchTokenizer.isWordScalar(UInt32(0x110000)))
    }

    /// Words of Hangul and ASCII, read without NFKC, give the tokens the rules give.
    @Test func hangulWords() {
        let texts = [
            "가", "가나", "가나다", "KISA와", "a한국", "한국어ABC", "2025년", "사이버정책", "가\u{11A8}", "가\u{302E}나다", "힣힣힣 가a가",
            "ＫＩＳＡ와 협력", "북한의 “암호화폐” 탈취—랜섬웨어",
        ]
        for text in texts {
            #expect(SearchTokenizer.tokens(text) == Self.reference(text), "\(text)")
        }
    }

    /// Every byte value from 0 to 127 on its own, between letters: only letters and digits
    /// join a word.
    @Test func everyASCIIByte() {
        for value in UInt8(0)...127 {
            let text = "a" + String(UnicodeScalar(value)) + "B"
            #expect(SearchTokenizer.tokens(text) == Self.reference(text), "byte \(value)")
        }
    }

    /// ASCII words of every length up to 40, read eight bytes at a time, end at each ASCII byte
    /// that is no letter or digit, at a character outside ASCII (which joins the word or not),
    /// and at the end of the text, wherever these fall in the eight bytes.
    @Test func longASCIIWordsEndWhereTheRulesSay() {
        let letters = Array("aZ0q9MzA".utf8)
        for length in 0...40 {
            let word = String(decoding: (0..<length).map { letters[$0 % letters.count] }, as: UTF8.self)
            for value in UInt8(0)...127 {
                let text = word + String(UnicodeScalar(value)) + "xY"
                #expect(SearchTokenizer.tokens(text) == Self.reference(text), "\(length) then byte \(value)")
            }
            for ending in ["", "é", "한국", "–", "\u{301}b", "Ｋ", " 7"] {
                let text = "." + word + ending
                #expect(SearchTokenizer.tokens(text) == Self.reference(text), "\(text)")
            }
        }
    }

    /// Text as UTF-8 (libcmark's text nodes) gives the tokens its String gives; bytes that are
    /// not UTF-8, or a sequence cut short at the end, end a word and give none of their own.
    @Test func textAsBytes() {
        func tokens(_ bytes: [UInt8]) -> [String] {
            struct Collected: TokenSink {
                var tokens: [String] = []
                mutating func take(_ token: UnsafeBufferPointer<UInt8>) { tokens.append(String(decoding: token, as: UTF8.self)) }
            }
            var collected = Collected()
            bytes.withUnsafeBufferPointer { SearchTokenizer.forEachToken(inUTF8: $0, into: &collected) }
            return collected.tokens
        }
        for text in ["Korea–EU Cyber, ＫＩＳＡ's 7th", "한국인터넷진흥원과", "", "é"] {
            #expect(tokens(Array(text.utf8)) == SearchTokenizer.tokens(text))
        }
        #expect(tokens([0x61, 0xE2, 0x80]) == ["a"])
        #expect(tokens([0x61, 0xED, 0xA0, 0x80, 0x62]) == ["a", "b"])
        #expect(tokens([0xF0]) == [])
    }
}
