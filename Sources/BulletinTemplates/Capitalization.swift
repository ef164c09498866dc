/// swift-mustache's `capitalized` transform is Foundation's `String.capitalized`; this is the
/// same rule without Foundation (swift-foundation's `_capitalized`, over the standard
/// library's Unicode properties).
///
/// A word's first cased letter is titlecased and the rest of its cased letters lowercased. A
/// word ends at any character that is neither a cased letter nor "case-ignorable" in
/// CoreFoundation's sense (combining and enclosing marks, modifier letters and symbols,
/// format characters, and the apostrophes U+0027 and U+2019; not `.` or `:`, which Unicode's
/// own Case_Ignorable has): so `o'neil` → `O'neil`, but `hello-world` → `Hello-World`, `3rd` → `3Rd`.
enum Capitalization {
    static func capitalized(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var afterCased = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .uppercaseLetter, .titlecaseLetter:
                if afterCased { result += properties.lowercaseMapping } else { result.unicodeScalars.append(scalar) }
                afterCased = true
            case .lowercaseLetter:
                if afterCased { result.unicodeScalars.append(scalar) } else { result += properties.titlecaseMapping }
                afterCased = true
            default:
                result.unicodeScalars.append(scalar)
                if !isCaseIgnorable(scalar, properties.generalCategory) { afterCased = false }
            }
        }
        return result
    }

    /// Checked against Foundation for every scalar, before, after and between letters.
    private static func isCaseIgnorable(_ scalar: Unicode.Scalar, _ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .nonspacingMark, .enclosingMark, .modifierLetter, .modifierSymbol, .format:
            return true
        default:
            return scalar == "'" || scalar == "\u{2019}"
        }
    }
}
