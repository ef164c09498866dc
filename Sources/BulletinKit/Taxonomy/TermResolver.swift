/// Resolves the references of one taxonomy (or of the dialogue series) to term ids, and
/// remembers the unregistered ones for one warning each.
struct TermResolver {
    let registry: TermRegistry

    /// A term that is referenced but not registered (or, without a registry, any term).
    private struct Unregistered {
        let name: String
        let firstUse: Diagnostic
        var articles: Set<Int>
        let suggestions: [String]
    }

    private var unregistered: [String: Unregistered] = [:]
    private var unregisteredOrder: [String] = []
    /// Resolutions by the text as written: references repeat, key normalisation is not free.
    private var cache: [String: String?] = [:]

    init(registry: TermRegistry) {
        self.registry = registry
    }

    /// The id of the term `reference` names, or nil when it names none (an error is reported).
    mutating func resolve(
        _ reference: TermReference, in article: Article, articleIndex: Int, diagnostics: inout [Diagnostic]
    ) -> String? {
        if let cached = cache[reference.text] {
            if let id = cached, unregistered[id] != nil { unregistered[id]!.articles.insert(articleIndex) }
            return cached
        }
        let key = TermKey(reference.text)
        if let index = registry.lookup(key) {
            cache[reference.text] = registry.entries[index].id
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
        cache[reference.text] = slug
        if var known = unregistered[slug] {
            known.articles.insert(articleIndex)
            unregistered[slug] = known
            return slug
        }
        if registry.exists || registry.entry(withID: slug) != nil {
            let suggestions = registry.suggestions(for: key)
            var hint = "register it as \(article.source.file.contentRootPrefix(of: article.path))\(registry.taxonomy)/\(slug).md, or use a registered name"
            if let first = suggestions.first {
                hint = "did you mean \(suggestions.count == 1 ? first : suggestions.dropLast().joined(separator: ", ") + " or " + suggestions.last!)? Otherwise " + hint
            }
            let firstUse = article.source.diagnostic(
                .warning, .unregisteredTerm, "", line: reference.line, column: reference.column, hint: hint)
            unregistered[slug] = Unregistered(
                name: reference.text.trimmingWhitespace, firstUse: firstUse, articles: [articleIndex],
                suggestions: suggestions)
        } else {
            // Without a registry, terms are taken as written; the first spelling names them.
            unregistered[slug] = Unregistered(
                name: reference.text.trimmingWhitespace,
                firstUse: Diagnostic(.note, .unregisteredTerm, "", at: SourceLocation(file: article.source.file)),
                articles: [articleIndex], suggestions: [])
        }
        unregisteredOrder.append(slug)
        return slug
    }

    /// One warning for each distinct unregistered term, at its first use, with how many
    /// articles use it and the closest registered terms.
    func unregisteredWarnings() -> [Diagnostic] {
        guard registry.exists else { return [] }
        return unregisteredOrder.compactMap { slug in
            guard let term = unregistered[slug], term.firstUse.severity == .warning else { return nil }
            var diagnostic = term.firstUse
            let count = term.articles.count
            let sharing = registry.entry(withID: slug).map { " (it shares the URL of the registered '\(registry.entries[$0].name)')" } ?? ""
            diagnostic.message = "'\(term.name)' is not in the \(registry.taxonomy) registry; "
                + "used by \(count) article\(count == 1 ? "" : "s") from here on\(sharing)"
            return diagnostic
        }
    }

    /// Every term: each registry entry, and each unregistered term that is referenced,
    /// sorted by name (as term keys), then id.
    func terms() -> [(id: String, name: String, entry: RegistryEntry?)] {
        var result: [(id: String, name: String, entry: RegistryEntry?)] = registry.entries.map { ($0.id, $0.name, $0) }
        for slug in unregisteredOrder where registry.entry(withID: slug) == nil {
            result.append((slug, unregistered[slug]!.name, nil))
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
    func contentRootPrefix(of contentPath: String) -> String {
        hasSuffix(contentPath) ? String(dropLast(contentPath.count)) : ""
    }
}
