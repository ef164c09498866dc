@testable import BulletinCore
@testable import BulletinMarkdown
import Testing

/// A body's search words are the tokens of its text, each once, in the order they first
/// appear: the search index scores a body's words alike however often they appear, so it
/// writes the same index from them as from the whole text.
@Suite struct SearchWordsTests {
    /// The tokenizer's own tokens, first appearances only.
    func distinctTokens(_ texts: [String]) -> [String] {
        var seen = Set<String>()
        return texts.flatMap { SearchTokenizer.tokens($0) }.filter { seen.insert($0).inserted }
    }

    func collected(_ texts: [String]) -> [String] {
        var collector = SearchWordCollector()
        for var text in texts { text.withUTF8 { collector.add(utf8: $0) } }
        return collector.finish().words
    }

    @Test func eachWordOnceInTheOrderFirstSeen() {
        let texts = ["The Korea–EU talks; the talks went on.", "ＫＩＳＡ and kisa, 한국인터넷진흥원과 한국", "½ 7th 7TH"]
        #expect(collected(texts) == distinctTokens(texts))
        #expect(collected(["b a b", "a c"]) == ["b", "a", "c"])
        #expect(collected([]) == [] && collected(["  , ."]) == [])
    }

    /// Thousands of words, enough to grow the collector's table many times, with words that
    /// are prefixes of others and words that differ in their last byte.
    @Test func manyWordsStayDistinct() {
        var generator = SystemRandomNumberGenerator()
        let syllables = ["ka", "k", "kaa", "사이", "버", "정책", "x1", "x2", "é", "Ä"]
        let texts = (0..<200).map { _ in
            (0..<60).map { _ in (0..<Int.random(in: 1...4, using: &generator)).map { _ in syllables.randomElement(using: &generator)! }.joined() }
                .joined(separator: Bool.random(using: &generator) ? " " : ", ")
        }
        #expect(collected(texts) == distinctTokens(texts))
    }

    /// Words of every length up to 24 bytes that differ in one byte only, at its start, its
    /// middle or its end: the table's hash reads words eight, four or one byte at a time.
    @Test func wordsDifferingInOneByteStayDistinct() {
        var texts: [String] = []
        for length in 1...24 {
            let base = Array(repeating: UInt8(ascii: "k"), count: length)
            var words = [base]
            for position in Set([0, length / 2, length - 1]) {
                var changed = base
                changed[position] = UInt8(ascii: "q")
                words.append(changed)
            }
            texts.append(words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "))
        }
        #expect(collected(texts) == distinctTokens(texts))
        #expect(collected(texts).count == distinctTokens(texts).count && Set(collected(texts)).count == collected(texts).count)
    }

    /// A word of up to seven ASCII letters with eight bytes of text from its start reaches the
    /// collector as one integer (`take(short:_:)`); the same word at the text's end, or of
    /// eight letters, or with a capital or an accent next to it, as bytes. Each is one word
    /// whichever way it came, and a word is not taken for another of its prefixes.
    @Test func shortWordsAreOneWordWhicheverWayTheyCome() {
        let texts = [
            "abcdefg abcdefgh abcdefg abcdefgh ABCDEFG abcdefg",
            "a ab abc abcd abcde abcdef abcdefg abcdefgh abcdefghi abcdefg abcdefgh",
            "tail abc", "abc", "abcdefgé abcdefg", "x7 X7 x7, 7x 7X.",
        ]
        #expect(collected(texts) == distinctTokens(texts))
        #expect(collected(texts) == [
            "abcdefg", "abcdefgh", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefghi", "tail", "abcdefgé", "x7", "7x",
        ])
    }

    /// A short word's key is its bytes, the first lowest, zero past its end, at every length
    /// from one to eight (read with overlapping loads, or byte by byte below four).
    @Test func aShortWordsKeyIsItsBytes() {
        let bytes: [UInt8] = [0x61, 0xC3, 0x7A, 0x31, 0xEA, 0x80, 0x62, 0x39, 0x63]
        for count in 1...8 {
            let expected = bytes[..<count].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            bytes.withUnsafeBufferPointer { all in
                #expect(WordHash.shortKey(UnsafeBufferPointer(rebasing: all[..<count])) == expected, "\(count) bytes")
                #expect(WordHash.shortKey(UnsafeBufferPointer(rebasing: all[1..<(count + 1)])) != expected, "\(count) bytes, one later")
            }
        }
    }

    /// The tables' comparison of words: equal for the same bytes, unequal for a difference in
    /// any one byte, at every length up to 24 (eight, four or one byte at a time).
    @Test func wordsCompareByEveryByte() {
        for count in 0...24 {
            let word = (0..<count).map { UInt8(0x61 + $0 % 26) }
            word.withUnsafeBufferPointer { a in
                // The same bytes in storage of their own, one byte in (unaligned loads).
                let same = [0x7A] + word
                same.withUnsafeBufferPointer { b in
                    #expect(count == 0 || WordHash.equal(a.baseAddress!, b.baseAddress! + 1, count: count))
                }
                for position in 0..<count {
                    var changed = word
                    changed[position] ^= 0x20
                    changed.withUnsafeBufferPointer { b in
                        #expect(!WordHash.equal(a.baseAddress!, b.baseAddress!, count: count), "length \(count), byte \(position)")
                    }
                }
            }
        }
    }

    /// Words longer than the tokenizer's buffer on the stack, beside short ones.
    @Test func longWordsAreWhole() {
        let long = "Ab" + String(repeating: "Cd", count: 60)
        #expect(SearchTokenizer.tokens("x \(long) y") == ["x", long.lowercased(), "y"])
        #expect(collected(["x \(long) y \(long)x \(long)"]) == ["x", long.lowercased(), "y", long.lowercased() + "x"])
    }

    /// Words of 254, 255 and 256 bytes and longer, whose lengths are written before them in
    /// one byte or in five (`SearchWords.length(at:in:)`), beside short ones and each other:
    /// each comes back whole, once, and a longer word is not taken for its prefix.
    @Test func wordsOfEveryLengthHeaderComeBackWhole() {
        let lengths = [1, 2, 253, 254, 255, 256, 300, 1000, 70_000]
        let words = lengths.map { String(repeating: "k", count: $0 - 1) + "q" }
        let texts = [words.joined(separator: " "), words.reversed().joined(separator: ", "), "k " + words[3]]
        #expect(collected(texts) == distinctTokens(texts))
        #expect(collected(texts).map(\.utf8.count) == lengths + [1])
    }

    /// Text nodes read as bytes where they are ASCII and as strings otherwise give the same
    /// words as the text does.
    @Test func aBodysWordsInAnyScript() {
        let text = "Café talks: 한국인터넷진흥원과 ＫＩＳＡ, ½ of **the** ＥＵ, café"
        #expect(Markdown.render(text).searchWords.words == distinctTokens(["Café talks: 한국인터넷진흥원과 ＫＩＳＡ, ½ of ", "the", " ＥＵ, café"]))
    }

    /// The words of a rendered body: those of every text, code span and code block, and not
    /// of link destinations or HTML tags.
    @Test func aBodysWordsAreThoseOfItsText() {
        let document = Markdown.render("# Title here\n\nSome *text* with `code` and [a link](https://example.org/hidden).\n\n    block code\n\n<span>raw</span> Text again\n")
        #expect(document.searchWords.words == ["title", "here", "some", "text", "with", "code", "and", "a", "link", "block", "raw", "again"])
    }
}
