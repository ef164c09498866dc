internal import Foundation

/// Ids for new registry entries, as Bulletin suggests them: lowercase ASCII letters, digits
/// and hyphens (the only ids there are), never one that is taken.
package enum TermID {
    /// An id suggested for a term named `name`, free among `taken`, and whether it was made
    /// by romanising Hangul (which the editor should check); nil when the name gives none
    /// (a name in a script with no romanisation here).
    package static func suggestion(for name: String, taken: Set<String>) -> (id: String, romanised: Bool)? {
        var id = ascii(from: name)
        var romanised = false
        if !TermID.isValid(id), name.unicodeScalars.contains(where: Romanization.isHangulSyllable) {
            id = ascii(from: Romanization.romanised(name))
            romanised = true
        }
        guard TermID.isValid(id) else { return nil }
        return (free(id, taken: taken), romanised)
    }

    /// Whether `id` can be a term id: lowercase ASCII letters and digits in hyphen-separated runs.
    package static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            && Slug.make(from: id) == id
    }

    /// `id`, or `id-2`, `id-3`... the first not in `taken`.
    package static func free(_ id: String, taken: Set<String>) -> String {
        guard taken.contains(id) else { return id }
        var number = 2
        while taken.contains("\(id)-\(number)") { number += 1 }
        return "\(id)-\(number)"
    }

    /// Lowercase ASCII letters and digits of a name in slug form: accents dropped
    /// (`é` -> `e`), other characters separating words (`Korea–Japan` -> `korea-japan`).
    package static func ascii(from name: String) -> String {
        var ascii = String.UnicodeScalarView()
        for scalar in name.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.isASCII {
                ascii.append(scalar)
            } else if scalar.properties.generalCategory != .nonspacingMark {
                ascii.append(" ")
            }
        }
        return Slug.make(from: String(ascii))
    }
}
