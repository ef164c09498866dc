package import BulletinCore
package import BulletinContent

/// One taxonomy's registry: every registered term under every key that refers to it.
///
/// A taxonomy without a registry folder has an empty, absent registry, and its terms are taken
/// as written.
package struct TermRegistry: Sendable {
    package let taxonomy: String
    /// Whether `Content/<taxonomy>/` exists: only then are unknown references warnings.
    package let exists: Bool
    /// The registered entries, by id.
    package let entries: [RegistryEntry]
    private let indexByKey: [TermKey: Int]
    /// The names the entries' translations give (`kisa.ko.md`'s `name`), each with its
    /// entry's position: a reference may use them as it may use `names`.
    private let translatedNames: [(key: TermKey, entry: Int, translation: RegistryTranslation)]

    /// Builds the registry; two entries claiming one key is an error naming both files.
    /// `translations` are the entries' descriptions in other languages, whose names refer to
    /// their entries too.
    package init(taxonomy: String, entries: [RegistryEntry]?, translations: [RegistryTranslation] = []) {
        self.taxonomy = taxonomy
        self.exists = entries != nil
        self.entries = (entries ?? []).sorted { $0.id.codePointPrecedes($1.id) }
        var index: [TermKey: Int] = [:]
        for (position, entry) in self.entries.enumerated() {
            for claim in entry.claims where index[claim.key] == nil {
                index[claim.key] = position
            }
        }
        var positions: [String: Int] = [:]
        for (position, entry) in self.entries.enumerated() { positions[entry.id] = position }
        var translatedNames: [(key: TermKey, entry: Int, translation: RegistryTranslation)] = []
        for translation in translations.sorted(by: { $0.path.codePointPrecedes($1.path) }) {
            guard let name = translation.name, let position = positions[translation.id] else { continue }
            let key = TermKey(name)
            guard !key.rawValue.isEmpty else { continue }
            translatedNames.append((key, position, translation))
            if index[key] == nil { index[key] = position }
        }
        self.translatedNames = translatedNames
        indexByKey = index
    }

    /// The diagnostics for keys claimed by two entries, each reported once at the second claim.
    package func conflicts() -> [Diagnostic] {
        var owner: [TermKey: (entry: Int, location: SourceLocation)] = [:]
        var diagnostics: [Diagnostic] = []
        for (position, entry) in entries.enumerated() {
            var reportedHere: Set<TermKey> = []
            for claim in entry.claims {
                guard let first = owner[claim.key] else {
                    owner[claim.key] = (position, claim.location)
                    continue
                }
                guard first.entry != position, reportedHere.insert(claim.key).inserted else { continue }
                let other = entries[first.entry]
                let message = "'\(claim.key.rawValue)' refers to two \(taxonomy) entries: \(other.source.file) and \(entry.source.file)"
                let hint = "a name, short name, alias or translated name can belong to one term only; remove it from one of the two files"
                // At the claim written on a line: an id claimed by a file's name has none, so
                // a clash with it is shown where the other file writes the name.
                let (source, place) = claim.location.line == nil && first.location.line != nil
                    ? (other.source, first.location) : (entry.source, claim.location)
                let diagnostic = place.line.map {
                    source.diagnostic(.error, .termKeyConflict, message, line: $0, column: place.column ?? 1, hint: hint)
                } ?? Diagnostic(.error, .termKeyConflict, message, at: place, hint: hint)
                diagnostics.append(diagnostic)
            }
        }
        // A translated name another entry claims: reported at the translation.
        for claim in translatedNames {
            guard let first = owner[claim.key] else {
                owner[claim.key] = (claim.entry, claim.translation.nameLocation ?? SourceLocation(file: claim.translation.source.file))
                continue
            }
            guard first.entry != claim.entry else { continue }
            let message = "'\(claim.key.rawValue)' refers to two \(taxonomy) entries: \(first.location.file) and \(claim.translation.source.file)"
            let hint = "a name, short name, alias or translated name can belong to one term only; remove it from one of the two files"
            let place = claim.translation.nameLocation
            diagnostics.append(place?.line.map {
                claim.translation.source.diagnostic(.error, .termKeyConflict, message, line: $0, column: place?.column ?? 1, hint: hint)
            } ?? Diagnostic(.error, .termKeyConflict, message, at: SourceLocation(file: claim.translation.source.file), hint: hint))
        }
        return diagnostics
    }

    /// The index of the entry a reference names, compared as term keys.
    package func lookup(_ key: TermKey) -> Int? {
        indexByKey[key]
    }

    /// The index of the entry with this id.
    package func entry(withID id: String) -> Int? {
        entries.firstIndex { $0.id == id }
    }

    /// Up to three registered terms whose keys are close to `key`, as "Name (id)".
    package func suggestions(for key: TermKey) -> [String] {
        let limit = max(2, key.rawValue.unicodeScalars.count / 3)
        var scored: [(distance: Int, id: String, label: String)] = []
        for entry in entries {
            var best: Int?
            for claim in entry.claims {
                if let distance = EditDistance.between(key.rawValue, claim.key.rawValue, limit: limit) {
                    best = min(best ?? distance, distance)
                } else if key.rawValue.count >= 3,
                          claim.key.rawValue.contains(key.rawValue) || key.rawValue.contains(claim.key.rawValue) {
                    best = min(best ?? limit + 1, limit + 1)
                }
            }
            if let best { scored.append((best, entry.id, "'\(entry.name)' (\(entry.id))")) }
        }
        scored.sort { ($0.distance, $0.id.unicodeScalars.count, $0.id) < ($1.distance, $1.id.unicodeScalars.count, $1.id) }
        return scored.prefix(3).map(\.label)
    }
}
