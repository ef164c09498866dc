import BulletinCore
import Testing

/// Paths, slugs and JSON keys sort by code point (`codePointPrecedes`), compared on the
/// strings' own UTF-8: it must agree with comparing the code points themselves.
@Suite struct CodePointOrderTests {
    @Test func ordersAsTheCodePointsDo() {
        let pieces = ["", "a", "b", "-", "/", "articles/", "x-y", "é", "e\u{301}", "한", "😀", "\u{7F}", "\u{80}", "a long piece past fifteen bytes"]
        var generator = SplitMix64(seed: 0xC0DE)
        for _ in 0..<3_000 {
            let a = (0..<Int(generator.next() % 4)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let b = (0..<Int(generator.next() % 4)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let expected = a.unicodeScalars.map(\.value).lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
            #expect(a.codePointPrecedes(b) == expected, "\(a.debugDescription) < \(b.debugDescription)")
        }
        // Not Swift's `<`, which takes canonically equivalent texts as equal.
        #expect("e\u{301}".codePointPrecedes("é") && !("e\u{301}" < "é"))
    }
}
