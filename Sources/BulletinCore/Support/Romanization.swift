/// Hangul in Latin letters, by the Revised Romanization of Korean (the system of road signs
/// and of most agencies' own names): `경찰청` → `gyeongchalcheong`, `한국어` → `hangugeo`.
///
/// Letter by letter, with the two rules that matter most for reading a name back: a final
/// consonant before a syllable that starts with a vowel is carried over to it (`국어` →
/// `gugeo`), and `ㄹ` before `ㄹ` is `ll`. For suggesting ids, not for publishing names: the
/// sound changes of real speech (`종로` is `jongno`) are not applied.
package enum Romanization {
    private static let initials = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
    private static let medials = [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
    ]
    /// Finals at the end of a syllable before a consonant or the end of the word.
    private static let finals = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t",
        "k", "t", "p", "t",
    ]
    /// Finals before a vowel: the consonant is pronounced as the next syllable's first
    /// (`ㄱ` as `g`), and of a double final only the second moves (`ㄺ` as `l` + `g`).
    private static let finalsBeforeVowel = [
        "", "g", "kk", "ks", "n", "nj", "n", "d", "r", "lg", "lm", "lb", "ls", "lt", "lp", "r", "m", "b", "ps", "s", "ss", "ng", "j",
        "ch", "k", "t", "p", "",
    ]

    /// Whether `scalar` is a precomposed Hangul syllable.
    package static func isHangulSyllable(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value)
    }

    /// The text with every Hangul syllable romanised; everything else as it is.
    package static func romanised(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            guard isHangulSyllable(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            let offset = Int(scalar.value - 0xAC00)
            let (initial, medial, final) = (offset / 588, offset % 588 / 28, offset % 28)
            // The initial ㄹ after a final ㄹ is `l`, as the final is.
            let previousFinal = index > 0 && isHangulSyllable(scalars[index - 1]) ? Int(scalars[index - 1].value - 0xAC00) % 28 : 0
            result += initial == 5 && previousFinal == 8 ? "l" : initials[initial]
            result += medials[medial]
            let next = index + 1 < scalars.count && isHangulSyllable(scalars[index + 1]) ? scalars[index + 1] : nil
            let nextStartsWithVowel = next.map { Int($0.value - 0xAC00) / 588 == 11 } ?? false
            result += nextStartsWithVowel ? finalsBeforeVowel[final] : finals[final]
        }
        return result
    }
}
