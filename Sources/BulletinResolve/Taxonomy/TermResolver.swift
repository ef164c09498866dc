package import BulletinCore
package import BulletinContent

/// Resolves the references of one taxonomy (or of the dialogue series) to term ids, and
/// remembers the ones that are not a registered name for one warning each.
package struct TermResolver {
    package let registry: TermRegistry

    /// A term that is referenced but not registered (or, without a registry, any term),
    /// under one URL: the slug of its references.
    private struct Unregistered {
        package let slug: String
        /// The first spelling, which names the term.
        package let name: String
        package let firstUse: Diagnostic
        /// The spellings (as term keys), in the order first used, each with its articles.
        package var spellings: [(key: TermKey, text: String, articles: ArticleCount)]
        package let suggestions: [String]
    }

    /// A spelling that names no registered term but whose slug is a registered id
    /// (`KISA.` → `kisa`): taken as that term, with a warning.
    private struct TakenAs {
        /// The spelling as first written.
        package let text: String
        package let entry: Int
        package let firstUse: Diagnostic
        package var articles: ArticleCount
    }

    /// How many articles used a spelling. The articles come in order (`resolve`), so an
    /// article is new when it is not the last one counted: no set of them is kept. (A set
    /// of article indices, hashed for each reference, was most of the resolving of a site
    /// whose terms are not registered.)
    private struct ArticleCount {
        private(set) var count = 0
        private var last = -1

        mutating func add(_ article: Int) {
            precondition(article >= last, "articles are resolved in order")
            if article != last { (count, last) = (count + 1, article) }
        }
    }

    /// What a reference as written resolved to: a registered term's id, or where its count
    /// is kept (a place in `unregistered` and in its spellings, or in `takenAs`).
    private enum Resolution {
        case registered(String)
        case unregistered(term: Int, spelling: Int)
        case takenAs(Int)
    }

    /// The unregistered terms in the order first used, and each one's place by slug.
    private var unregistered: [Unregistered] = []
    private var unregisteredPlaces: [String: Int] = [:]
    /// The spellings taken as registered terms, in the order first used, and each one's
    /// place by key.
    private var takenAs: [TakenAs] = []
    private var takenAsPlaces: [TermKey: Int] = [:]
    /// Resolutions by the text as written: references repeat, key normalisation is not free.
    private var cache: [String: Resolution] = [:]

    package init(registry: TermRegistry) {
        self.registry = registry
    }

    /// The id of the term `reference` names, or nil when it names none (an error is reported).
    /// `articleIndex` is the article's place: the articles' references are given in their
    /// order, each article's before the next's (as "first use" is defined).
    package mutating func resolve(
        _ reference: TermReference, in article: Article, articleIndex: Int, diagnostics: inout [Diagnostic]
    ) -> String? {
        if let cached = cache[reference.text] { return record(cached, articleIndex: articleIndex) }
        let key = TermKey(reference.text)
        if let index = registry.lookup(key) {
            cache[reference.text] = .registered(registry.entries[index].id)
            return registry.entries[index].id
        }
        let slug = Slug.make(from: reference.text)
        guard !slug.isEmpty else {
            diagnostics.append(article.source.diagnostic(
                .error, .invalidSlug, "'\(reference.text)' has no letters or digits to make its URL under /\(registry.taxonomy)/ from",
                line: reference.line, column: reference.column, hint: "write the term's name"))
            return nil
        }
        if let length = Slug.tooLong(slug) {
            diagnostics.append(article.source.diagnostic(
                .error, .invalidSlug,
                "'\(reference.text.prefix(40))…' is too long to name a term: its URL under /\(registry.taxonomy)/ would be \(length)",
                line: reference.line, column: reference.column,
                hint: "refer to the term by a shorter name, or register it with a short id (\(registry.taxonomy)/\(Slug.shortened(slug)).md) and this as its name"))
            return nil
        }
        if let entry = registry.entry(withID: slug) {
            // Not one of the entry's names, but its id once made a slug: taken as that term.
            let place = takenAsPlaces[key] ?? {
                let registered = registry.entries[entry]
                let names = ([registered.short, registered.name].compactMap { $0 } + [registered.id]).map { "'\($0)'" }
                takenAs.append(TakenAs(
                    text: reference.text.trimmingWhitespace, entry: entry,
                    firstUse: article.source.diagnostic(
                        .warning, .unregisteredTerm, "", line: reference.line, column: reference.column,
                        hint: "write one of its names (\(names.joined(separator: ", "))), or add '\(reference.text.trimmingWhitespace)' to `aliases` in "
                            + "\(article.source.file.contentRootPrefix(of: article.path))\(registered.path)"),
                    articles: ArticleCount()))
                takenAsPlaces[key] = takenAs.count - 1
                return takenAs.count - 1
            }()
            cache[reference.text] = .takenAs(place)
            return record(.takenAs(place), articleIndex: articleIndex)
        }
        let term = unregisteredPlaces[slug] ?? {
            let firstUse: Diagnostic
            var suggestions: [String] = []
            if registry.exists {
                suggestions = registry.suggestions(for: key)
                var hint = "register it as " + registration(of: reference.text.trimmingWhitespace, in: article) + ", or use a registered name"
                if let first = suggestions.first {
                    hint = "did you mean \(suggestions.count == 1 ? first : suggestions.dropLast().joined(separator: ", ") + " or " + suggestions.last!)? Otherwise " + hint
                }
                firstUse = article.source.diagnostic(
                    .warning, .unregisteredTerm, "", line: reference.line, column: reference.column, hint: hint)
            } else {
                // Without a registry, terms are taken as written; the first spelling names them.
                firstUse = Diagnostic(.note, .unregisteredTerm, "", at: SourceLocation(file: article.source.file))
            }
            unregistered.append(Unregistered(
                slug: slug, name: reference.text.trimmingWhitespace, firstUse: firstUse, spellings: [], suggestions: suggestions))
            unregisteredPlaces[slug] = unregistered.count - 1
            return unregistered.count - 1
        }()
        // Texts that differ only as term keys do (case, spaces) are one spelling, named as
        // first written.
        let spelling = unregistered[term].spellings.firstIndex { $0.key == key } ?? {
            unregistered[term].spellings.append((key, reference.text.trimmingWhitespace, ArticleCount()))
            return unregistered[term].spellings.count - 1
        }()
        let resolution = Resolution.unregistered(term: term, spelling: spelling)
        cache[reference.text] = resolution
        return record(resolution, articleIndex: articleIndex)
    }

    /// Counts the article for what a reference resolved to; the term's id.
    private mutating func record(_ resolution: Resolution, articleIndex: Int) -> String {
        switch resolution {
        case .registered(let id):
            return id
        case .takenAs(let place):
            takenAs[place].articles.add(articleIndex)
            return registry.entries[takenAs[place].entry].id
        case .unregistered(let term, let spelling):
            unregistered[term].spellings[spelling].articles.add(articleIndex)
            return unregistered[term].slug
        }
    }

    /// Where to register a term named `name`: a file whose id is valid and free, romanised
    /// from Hangul (said so), or a placeholder to change.
    private func registration(of name: String, in article: Article) -> String {
        let folder = article.source.file.contentRootPrefix(of: article.path) + registry.taxonomy + "/"
        let taken = Set(registry.entries.map(\.id))
        guard let (id, romanised) = TermID.suggestion(for: name, taken: taken) else {
            return "\(folder)\(TermID.free("new-term", taken: taken)).md (a placeholder: ids are lowercase ASCII letters, digits and hyphens, so choose one) with `name: \(name)`"
        }
        return "\(folder)\(id).md" + (romanised ? " (an id romanised from the Hangul name: check it, or choose the English short name) with `name: \(name)`" : "")
    }

    /// One warning for each distinct unregistered term, at its first use, with how many
    /// articles use that spelling and the closest registered terms; one for each spelling
    /// taken as a registered term by its id.
    package func unregisteredWarnings() -> [Diagnostic] {
        guard registry.exists else { return [] }
        var warnings: [Diagnostic] = unregistered.compactMap { term in
            guard term.firstUse.severity == .warning, let first = term.spellings.first else { return nil }
            var diagnostic = term.firstUse
            let count = first.articles.count
            var message = "'\(term.name)' is not in the \(registry.taxonomy) registry; "
                + "used by \(count) article\(count == 1 ? "" : "s") from here on"
            let others = term.spellings.dropFirst().map { "\($0.articles.count) as '\($0.text)'" }
            if !others.isEmpty { message += " (and under the same URL, /\(registry.taxonomy)/\(term.slug)/, \(others.joined(separator: ", ")))" }
            diagnostic.message = message
            return diagnostic
        }
        for taken in takenAs {
            let entry = registry.entries[taken.entry]
            var diagnostic = taken.firstUse
            let count = taken.articles.count
            diagnostic.message = "'\(taken.text)' is not a name of any \(registry.taxonomy) entry; "
                + "it was taken as '\(entry.name)' (\(entry.id)), whose id it gives as a slug; used by \(count) article\(count == 1 ? "" : "s") from here on"
            warnings.append(diagnostic)
        }
        return warnings
    }

    /// Every term: each registry entry, and each unregistered term that is referenced,
    /// sorted by name (as term keys), then id.
    package func terms() -> [(id: String, name: String, entry: RegistryEntry?)] {
        var result: [(id: String, name: String, entry: RegistryEntry?)] = registry.entries.map { ($0.id, $0.name, $0) }
        for term in unregistered {
            result.append((term.slug, term.name, nil))
        }
        let keys = result.map { TermKey($0.name) }
        return result.indices
            .sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : result[$0].id.codePointPrecedes(result[$1].id) }
            .map { result[$0] }
    }
}

extension String {
    /// The content folder as displayed, from an article's display path and its content path:
    /// `Content/articles/x.md` with `articles/x.md` gives `Content/`.
    package func contentRootPrefix(of contentPath: String) -> String {
        hasSuffix(contentPath) ? String(dropLast(contentPath.count)) : ""
    }
}
