package import BulletinCore
package import BulletinContent

/// Each taxonomy's references (and the series') as the last resolve found them, with what
/// resolving them read: the preview keeps them from one update to the next, and a taxonomy
/// whose references, articles and registry files are unchanged is not resolved again. An
/// edit that moves an article by its date changes no reference; one that changes its terms
/// changes one taxonomy's.
package struct References: Sendable {
    var resolutions: [String: Resolution] = [:]

    package init() {}

    /// An article's references in `taxonomy`, or to its series when nil.
    static func of(_ article: Article, in taxonomy: String?) -> [TermReference] {
        guard let taxonomy else { return article.dialogue.map { [$0] } ?? [] }
        return article.terms[taxonomy] ?? []
    }

    /// What resolving one taxonomy read.
    struct Key: Sendable, Equatable {
        /// Whether the registry's folder exists, and its files and their translations' files
        /// (path and text: the entries' names decide, and their descriptions become the
        /// terms' own).
        let registryExists: Bool
        let registryPaths: [String]
        let registryTexts: [String]
        /// Every published article, in path order, of which resolving reads its file as
        /// displayed, its content path, and its references with where they are written
        /// (`References.of(_:in:)`).
        let articles: [Article]
        /// The taxonomy's name; nil for the dialogue series, whose reference is `dialogue:`.
        let taxonomy: String?

        init(registry: [RegistryEntry]?, translations: [RegistryTranslation]?, articles: [Article], taxonomy: String?) {
            registryExists = registry != nil
            registryPaths = (registry ?? []).map(\.path) + (translations ?? []).map(\.path)
            registryTexts = (registry ?? []).map(\.source.text) + (translations ?? []).map(\.source.text)
            self.articles = articles
            self.taxonomy = taxonomy
        }


        /// An article kept from the last update (the same parse) is not read again: only an
        /// edited one's file, path and references are compared.
        static func == (a: Key, b: Key) -> Bool {
            guard a.registryExists == b.registryExists, a.taxonomy == b.taxonomy, a.registryPaths == b.registryPaths,
                  a.registryTexts == b.registryTexts, a.articles.count == b.articles.count else { return false }
            return zip(a.articles, b.articles).allSatisfy { old, new in
                old.isSameParse(as: new)
                    || (old.source.file == new.source.file && old.path == new.path && References.of(old, in: a.taxonomy) == References.of(new, in: b.taxonomy))
            }
        }
    }

    /// One taxonomy's references resolved: the resolver afterwards, each article's term ids,
    /// and the diagnostics.
    struct Resolution: Sendable {
        let key: Key
        let resolver: TermResolver
        let ids: [[String]]
        let diagnostics: [Diagnostic]
        /// The lines the diagnostics quote, with the article each is in (by its place in
        /// `key`): the key holds where references are written, not the rest of their lines
        /// (a comment after one).
        private let quotes: [(article: Int, line: Int, text: String)]

        init(key: Key, resolver: TermResolver, ids: [[String]], diagnostics: [Diagnostic]) {
            self.key = key
            self.resolver = resolver
            self.ids = ids
            self.diagnostics = diagnostics
            let quoting = diagnostics.filter { $0.sourceLine != nil && $0.location.line != nil }
            var articleByFile: [String: Int] = [:]
            if !quoting.isEmpty {
                for (index, article) in key.articles.enumerated() where articleByFile[article.source.file] == nil {
                    articleByFile[article.source.file] = index
                }
            }
            quotes = quoting.compactMap { diagnostic in
                articleByFile[diagnostic.location.file].map { ($0, diagnostic.location.line!, diagnostic.sourceLine!) }
            }
        }

        /// Whether these can stand for resolving `key` again in `published` (the articles the
        /// key was made from): the same key, and every quoted line as the article has it now.
        func holds(for key: Key, in published: [Article]) -> Bool {
            self.key == key && quotes.allSatisfy { published[$0.article].source.line($0.line) == $0.text }
        }
    }
}
