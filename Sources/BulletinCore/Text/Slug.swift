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
        // Nearly every name is ASCII: normalising it changes nothing, and Foundation's NFKC
        // was two thirds of this function's time (3 % of a whole build, for heading ids,
        // file names and terms).
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(from: name) }
        return makeByCharacters(from: name)
    }

    /// The rule above for an ASCII name, byte by byte: the same result as
    /// `makeByCharacters`, since an ASCII name is its own NFKC form and each byte a character
    /// (CR LF, one character, is two non-letters: one `-` either way).
    static func makeASCII(from name: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(name.utf8.count + 8)
        var pendingHyphen = false
        for byte in name.utf8 {
            if byte == UInt8(ascii: "&") {
                pendingHyphen = !slug.isEmpty
                slug += pendingHyphen ? Array("-and".utf8) : Array("and".utf8)
                pendingHyphen = true
                continue
            }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// The rule on Swift's characters, for any name.
    package static func makeByCharacters(from name: String) -> String {
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

    package static func isLetterOrDigit(_ character: Character) -> Bool {
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

    /// The longest file or folder name file systems allow, in bytes of UTF-8 (ext4, APFS,
    /// NTFS and tmpfs alike): a slug is a folder name of the output.
    public static let maximumBytes = 255

    /// Why `slug` is too long to be a folder name, or nil: "N bytes (a Hangul syllable
    /// takes 3)", for a message that goes on to say where it came from.
    package static func tooLong(_ slug: String) -> String? {
        let bytes = slug.utf8.count
        guard bytes > maximumBytes else { return nil }
        let wide = slug.unicodeScalars.contains { $0.value >= 0x800 }
        return "\(bytes) bytes long, and a file or folder name can be at most \(maximumBytes) bytes"
            + (wide ? " (a Hangul or CJK character takes 3)" : "")
    }

    /// `slug` cut to fit a folder name, at a hyphen where one is near the end: for hints.
    package static func shortened(_ slug: String, to limit: Int = 60) -> String {
        var result = ""
        for character in slug {
            if result.utf8.count + character.utf8.count > limit { break }
            result.append(character)
        }
        // Cut within a word: back to the hyphen before it, when that keeps most of the text.
        let next = slug.dropFirst(result.count).first
        if next != nil, next != "-", let hyphen = result.lastIndex(of: "-"),
           result.distance(from: result.startIndex, to: hyphen) > result.count / 2 {
            result = String(result[..<hyphen])
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// Why a slug written in front matter cannot be used, or nil when it can.
    ///
    /// `reserved` holds the top-level names the site uses itself.
    package static func problem(with slug: String, reserved: Set<String>) -> (code: DiagnosticCode, message: String, hint: String)? {
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
        // Swift's `==` finds a decomposed "café" (e and a combining accent) equal to the
        // composed one; a URL segment and a folder name do not, so bytes are compared.
        if normal == slug, !normal.utf8.elementsEqual(slug.utf8) {
            return (
                .invalidSlug, "the slug '\(slug)' is not in slug form: its letters and accents are separate characters (Unicode NFD), not composed ones (NFKC)",
                "retype it, or write `slug: \(normal)` with the composed characters"
            )
        }
        if normal != slug {
            return (
                .invalidSlug, "the slug '\(slug)' is not in slug form",
                normal.isEmpty ? "use lowercase letters, digits and hyphens" : "write `slug: \(normal)`"
            )
        }
        if let length = tooLong(slug) {
            return (
                .invalidSlug, "the slug is \(length)", "write a shorter one, such as `slug: \(shortened(slug))`"
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
