internal import Foundation

/// The contract's slug rule, and the checks on slugs an editor writes.
public enum Slug {
    /// A slug from a name: NFKC-normalise, lowercase, replace `&` by ` and `, turn every run of
    /// characters that are not letters or digits into one `-`, trim `-` at both ends.
    ///
    /// Characters are Swift's (extended grapheme clusters), and one is a letter or digit when
    /// its first scalar is (general category L* or Nd): combining marks stay with their letter,
    /// so Hangul, Devanagari and `İ` keep their shape instead of breaking at every mark.
    public static func make(from name: String) -> String {
        let lowered = name.precomposedStringWithCompatibilityMapping.lowercased()
        var slug = ""
        slug.reserveCapacity(lowered.utf8.count)
        var pendingHyphen = false
        for character in lowered {
            if character == "&" {
                // " and " between separators: a hyphen on each side, merged with any neighbours.
                pendingHyphen = !slug.isEmpty
                slug += pendingHyphen ? "-and" : "and"
                pendingHyphen = true
                continue
            }
            if isLetterOrDigit(character) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    static func isLetterOrDigit(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        if first.isASCII {
            let value = first.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        }
        switch first.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Why a slug written in front matter cannot be used, or nil when it can.
    ///
    /// `reserved` holds the top-level names the site uses itself.
    static func problem(with slug: String, reserved: Set<String>) -> (code: DiagnosticCode, message: String, hint: String)? {
        if slug.isEmpty {
            return (.invalidSlug, "the slug is empty", "remove `slug:` to use the file name, or write one such as `slug: rok-eu-consultation`")
        }
        if let bad = slug.first(where: { "/\\.%".contains($0) }) {
            let suggestion = make(from: slug)
            return (
                .invalidSlug, "the slug '\(slug)' contains '\(bad)', which is not allowed in a URL segment",
                suggestion.isEmpty ? "use lowercase letters, digits and hyphens" : "write `slug: \(suggestion)`"
            )
        }
        let normal = make(from: slug)
        if normal != slug {
            return (
                .invalidSlug, "the slug '\(slug)' is not in slug form",
                normal.isEmpty ? "use lowercase letters, digits and hyphens" : "write `slug: \(normal)`"
            )
        }
        if reserved.contains(slug) {
            return (
                .reservedSlug, "the slug '\(slug)' is reserved: the site uses /\(slug)/ itself",
                "choose another slug, such as `slug: \(slug)-1` or a more descriptive one"
            )
        }
        return nil
    }
}
