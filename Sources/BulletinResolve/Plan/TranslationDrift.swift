import BulletinCore
import BulletinContent

/// Translations report one meeting: a `date`, `dialogue`, `session`, `location` or set of
/// terms that differs between them is probably a correction made in one language only. Each
/// difference is a warning in the translation, naming the original and the key.
///
/// The version in the default language is the original (else the first by path). A
/// `location` is compared only when both are written in the same script: `서울` is the
/// Korean for `Seoul`, not a different place, but `Busan` and `Seoul` differ.
enum TranslationDrift {
    static func warnings(
        _ articles: [PublishedArticle], defaultLanguage: String, taxonomies: [Taxonomy], dialogues: Taxonomy
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: Set<Int> = []
        for (index, published) in articles.enumerated() where !published.translations.isEmpty && !seen.contains(index) {
            let group = ([index] + published.translations.values)
                .sorted { articles[$0].article.path.codePointPrecedes(articles[$1].article.path) }
            seen.formUnion(group)
            let original = group.first { articles[$0].article.lang == defaultLanguage } ?? group[0]
            for other in group where other != original {
                diagnostics += differences(articles[original], articles[other], taxonomies: taxonomies, dialogues: dialogues)
            }
        }
        return diagnostics
    }

    /// The warnings for `translation` against `original`.
    static func differences(
        _ original: PublishedArticle, _ translation: PublishedArticle, taxonomies: [Taxonomy], dialogues: Taxonomy
    ) -> [Diagnostic] {
        let (a, b) = (original.article, translation.article)
        var found: [(key: String, there: String, here: String)] = []
        // One moment written with two offsets (the Korean edition's +09:00) is the same date.
        if !a.date.isSameInstant(as: b.date) { found.append(("date", a.date.rfc3339, b.date.rfc3339)) }
        let seriesA = original.dialogue.map { dialogues.terms[$0].id }
        let seriesB = translation.dialogue.map { dialogues.terms[$0].id }
        if seriesA != seriesB { found.append(("dialogue", seriesA ?? "none", seriesB ?? "none")) }
        if a.session != b.session { found.append(("session", a.session.map(String.init) ?? "none", b.session.map(String.init) ?? "none")) }
        if let there = a.location, let here = b.location, there != here, sameScript(there, here) {
            found.append(("location", there, here))
        } else if (a.location == nil) != (b.location == nil) {
            found.append(("location", a.location ?? "none", b.location ?? "none"))
        }
        for (position, taxonomy) in taxonomies.enumerated() {
            let there = Set(original.terms[position].map { taxonomy.terms[$0].id })
            let here = Set(translation.terms[position].map { taxonomy.terms[$0].id })
            if there != here {
                found.append((taxonomy.name, there.sorted().joined(separator: ", "), here.sorted().joined(separator: ", ")))
            }
        }
        return found.map { key, there, here in
            let place = b.keyLocations[key]
            let message = "'\(key)' differs from its translation \(a.source.file): \(there.isEmpty ? "none" : there) there, \(here.isEmpty ? "none" : here) here"
            let hint = "translations report the same meeting; correct whichever of the two is wrong"
            if let line = place?.line {
                return b.source.diagnostic(.warning, .translationDrift, message, line: line, column: place?.column ?? 1, hint: hint)
            }
            return Diagnostic(.warning, .translationDrift, message, at: SourceLocation(file: b.source.file), hint: hint)
        }
    }

    /// Whether two texts are written in the same script, by their first letters: Latin,
    /// Hangul, Han, Kana, Cyrillic, Greek, Arabic, Hebrew, or another.
    static func sameScript(_ a: String, _ b: String) -> Bool {
        script(of: a) == script(of: b)
    }

    private static func script(of text: String) -> Int {
        guard let letter = text.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return 0 }
        switch letter.value {
        case 0x41...0x24F: return 1
        case 0x370...0x3FF: return 2
        case 0x400...0x4FF: return 3
        case 0x590...0x5FF: return 4
        case 0x600...0x6FF: return 5
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return 6
        case 0x3040...0x30FF: return 7
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return 8
        default: return 9
        }
    }
}
