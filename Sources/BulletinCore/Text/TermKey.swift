internal import Foundation

/// The form in which term references are compared: NFKC, case-folded, white space collapsed.
///
/// `"  ＫＩＳＡ "`, `"kisa"` and `"Kisa"` are one key; so are `"Straße"` and `"STRASSE"`.
public struct TermKey: Sendable, Hashable, Comparable {
    public let rawValue: String

    public init(_ text: String) {
        rawValue = Self.asciiKey(text) ?? Self.unicodeKey(text)
    }

    /// The key of ASCII text, or nil for any other: NFKC leaves ASCII as it is, case folding
    /// lowercases its letters, and its white space is tab to carriage return and the space.
    /// Every term reference of every article is keyed, nearly all of them ASCII, and the
    /// Unicode way cost thousands of instructions each.
    static func asciiKey(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(collapsingWhiteSpaceIn: bytes, whiteSpace: String.asciiWhiteSpace, lowercasingASCII: true)
        }
    }

    /// The key of any text: NFKC, case-folded, NFKC again, white space collapsed.
    static func unicodeKey(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCompatibilityMapping
        var collapsed = ""
        collapsed.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !collapsed.isEmpty
            } else {
                if pendingSpace { collapsed.unicodeScalars.append(" ") }
                pendingSpace = false
                collapsed.unicodeScalars.append(scalar)
            }
        }
        return collapsed
    }

    public static func < (lhs: TermKey, rhs: TermKey) -> Bool {
        lhs.rawValue.codePointPrecedes(rhs.rawValue)
    }
}
