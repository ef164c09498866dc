internal import Foundation

/// The form in which term references are compared: NFKC, case-folded, white space collapsed.
///
/// `"  ＫＩＳＡ "`, `"kisa"` and `"Kisa"` are one key; so are `"Straße"` and `"STRASSE"`.
public struct TermKey: Sendable, Hashable, Comparable {
    public let rawValue: String

    public init(_ text: String) {
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
        rawValue = collapsed
    }

    public static func < (lhs: TermKey, rhs: TermKey) -> Bool {
        lhs.rawValue.codePointPrecedes(rhs.rawValue)
    }
}
