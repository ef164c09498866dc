package import BulletinContent

extension Site {
    /// Puts the settings, articles, pages and registry entries of `content` in place of
    /// those at the same paths. Resolving reads only what front matter says, so for content whose front
    /// matter is the same everywhere (an edit of articles' texts, of a term's description)
    /// this is what resolving it again would give, at a fraction of the cost.
    ///
    /// `changed`: the content paths whose parse is new (`ParsedContent.changed`); only those
    /// are looked up and replaced, so that an edit of one file costs that file. Nil replaces
    /// everything.
    package mutating func replaceContent(with content: ParsedContent, changed: Set<String>?) {
        staticFiles = content.staticFiles
        // The same structure, perhaps other words (`SiteConfig.structure`).
        config = content.config
        if let changed, changed.isEmpty { return }
        func isChanged(_ path: String) -> Bool { changed?.contains(path) ?? true }

        var articlesByPath: [String: Article] = [:]
        // At its size: a build from scratch replaces 10,000 articles, and each time the table
        // grew it hashed every path again.
        articlesByPath.reserveCapacity(changed?.count ?? content.articles.count)
        // By index: an element copied out of the array would retain every field of every article.
        for index in content.articles.indices where isChanged(content.articles[index].path) {
            articlesByPath[content.articles[index].path] = content.articles[index]
        }
        if !articlesByPath.isEmpty {
            for index in articles.indices {
                if let article = articlesByPath[articles[index].article.path] { articles[index].article = article }
            }
        }
        var pagesByPath: [String: Page] = [:]
        for index in content.pages.indices where isChanged(content.pages[index].path) {
            pagesByPath[content.pages[index].path] = content.pages[index]
        }
        if !pagesByPath.isEmpty {
            for index in pages.indices {
                if let page = pagesByPath[pages[index].page.path] { pages[index].page = page }
            }
        }

        var entries: [String: RegistryEntry] = [:]
        for list in content.registries.values {
            for entry in list where isChanged(entry.path) { entries[entry.path] = entry }
        }
        // A term's translations are replaced together when one of them changed.
        var translations: [String: [String: RegistryTranslation]] = [:]
        let translatedTerms = Set(content.registryTranslations.values.joined().filter { isChanged($0.path) }.map(\.termKey))
        for translation in content.registryTranslations.values.joined() where translatedTerms.contains(translation.termKey) {
            translations[translation.termKey, default: [:]][translation.lang] = translation
        }
        if entries.isEmpty && translatedTerms.isEmpty { return }
        func replace(in taxonomy: inout Taxonomy) {
            for index in taxonomy.terms.indices {
                guard let entry = taxonomy.terms[index].entry else { continue }
                if let replacement = entries[entry.path] { taxonomy.terms[index].entry = replacement }
                let key = taxonomy.name + "/" + taxonomy.terms[index].id
                if translatedTerms.contains(key) { taxonomy.terms[index].translations = translations[key] ?? [:] }
            }
        }
        for index in taxonomies.indices { replace(in: &taxonomies[index]) }
        replace(in: &dialogues)
    }
}

extension RegistryTranslation {
    /// `<taxonomy>/<id>`: the term it translates.
    fileprivate var termKey: String { taxonomy + "/" + id }
}

extension Site {
    /// The registry entry of a term, by the index of its taxonomy (`dialogues` after the
    /// others) and of the term.
    package func registryEntry(taxonomy: Int, term: Int) -> RegistryEntry {
        (taxonomy < taxonomies.count ? taxonomies[taxonomy] : dialogues).terms[term].entry!
    }

    /// The description in `lang` of the term `term` of taxonomy `taxonomy` (numbered as for
    /// `registryEntry`).
    package func registryTranslation(taxonomy: Int, term: Int, lang: String) -> RegistryTranslation {
        (taxonomy < taxonomies.count ? taxonomies[taxonomy] : dialogues).terms[term].translations[lang]!
    }
}
