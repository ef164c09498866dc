import BulletinCore
import Testing

/// Front matter values are trimmed through a quick path for texts with ASCII ends; it must
/// trim exactly Unicode's White_Space, scalar by scalar, as the general rule does.
@Suite struct WhitespaceTrimmingTests {
    /// The rule, written plainly.
    private func reference(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    @Test func trimsWhiteSpaceScalarByScalar() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{85}", "\u{A0}", "\u{3000}", "\u{301}", "a", "Z", "~", "한", "—", "x y", "\u{7F}"]
        var generator = SplitMix64(seed: 0x7121)
        for _ in 0..<3_000 {
            let text = (0..<Int(generator.next() % 7)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let expected = reference(text[...])
            #expect(text.trimmingWhitespace == expected, "\(text.debugDescription)")
            // A control character is a character of its own whatever follows it.
            let padded = "\u{0}" + text + "\u{0}"
            let inner = padded.dropFirst().dropLast()
            #expect(inner.trimmingWhitespace == expected, "\(text.debugDescription) as a substring")
        }
        // A combining mark after a space begins the value, without the space.
        #expect(" \u{301}a ".trimmingWhitespace.unicodeScalars.first == "\u{301}")
    }
}
