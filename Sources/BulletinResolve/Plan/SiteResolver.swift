public import BulletinCore
public import BulletinContent

/// The resolve phase: chooses what is published, resolves every term reference and
/// translation, gives every page its URL and finds every collision, before anything renders.
public enum SiteResolver {
    /// What to publish.
    public struct Selection: Sendable, Equatable {
        public var drafts: Bool
        public var future: Bool
        /// The build time, in seconds since the epoch: later articles are future ones.
        public var now: Int64

        public init(drafts: Bool = false, future: Bool = false, now: Int64) {
            self.drafts = drafts
            self.future = future
            self.now = now
        }
    }

    public static func resolve(
        _ content: ParsedContent, assets: [StaticFile], selection: Selection
    ) -> (Site, [Diagnostic]) {
        var memory: ResolverMemory?
        let (site, diagnostics, _) = resolve(content, assets: assets, selection: selection, memory: &memory) { _ in () }
        return (site, diagnostics)
    }

    /// The same, doing `meanwhile` with the resolved site on this thread while another
    /// checks the plan for collisions (a long serial stretch at 15,000 pages). `references`,
    /// unless nil (a build that remembers nothing), holds each taxonomy's references as an
    /// earlier call resolved them: reused where what they read is the same, and replaced by
    /// this call's.
    package static func resolve<Result>(
        _ content: ParsedContent, assets: [StaticFile], selection: Selection, memory: inout ResolverMemory?,
        meanwhile: (Site) -> Result
    ) -> (Site, [Diagnostic], Result) {
        var diagnostics: [Diagnostic] = []
        let config = content.config
        let routes = Routes(baseURL: config.baseURL, defaultLanguage: config.language)

        // What is published, in path order: the order "first use" is defined in.
        let published = content.articles.filter { article in
            (selection.drafts || !article.draft)
                && (selection.future || article.date.seconds <= selection.now)
        }
        for article in content.articles where (selection.drafts || !article.draft) && !selection.future
            && article.date.seconds > selection.now {
            diagnostics.append(futureNote(article, now: selection.now))
        }

        // Every taxonomy, then the dialogue series, resolved the same way.
        let names = config.taxonomies + ["dialogues"]
        let resolvers = names.map { name in
            TermResolver(registry: TermRegistry(
                taxonomy: name, entries: content.registries[name], translations: content.registryTranslations[name] ?? []))
        }
        for resolver in resolvers {
            diagnostics += resolver.registry.conflicts()
        }
        let translationsByEntry = entryTranslations(content, diagnostics: &diagnostics)

        // Each taxonomy's references, and the series', resolved on a core of their own: the
        // resolvers share nothing, and each reads the articles in path order, as "first use"
        // is defined. Diagnostics are sorted before anyone reads them. When asked to remember
        // (the preview), a taxonomy whose references, articles and registry files are as the
        // last call found them is not resolved again (an edit of a date or a title changes no
        // reference).
        let earlier = memory?.references
        typealias Resolved = (key: References.Key?, resolver: TermResolver, ids: [[String]], diagnostics: [Diagnostic])
        let resolved = Parallel.map(Array(resolvers.enumerated())) { position, resolver -> Resolved in
            let name = names[position]
            let taxonomy = position < config.taxonomies.count ? name : nil
            let key = earlier.map { _ in
                References.Key(
                    registry: content.registries[name], translations: content.registryTranslations[name], articles: published,
                    taxonomy: taxonomy)
            }
            if let key, let known = earlier?.resolutions[name], known.holds(for: key, in: published) {
                return (key: key, resolver: known.resolver, ids: known.ids, diagnostics: known.diagnostics)
            }
            let references = published.map { References.of($0, in: taxonomy) }
            var resolver = resolver
            var found: [Diagnostic] = []
            let ids = published.indices.map { index -> [String] in
                var ids: [String] = []
                for reference in references[index] {
                    if let id = resolver.resolve(reference, in: published[index], articleIndex: index, diagnostics: &found),
                       !ids.contains(id) {
                        ids.append(id)
                    }
                }
                return ids
            }
            return (key: key, resolver: resolver, ids: ids, diagnostics: found + resolver.unregisteredWarnings())
        }
        let finished = resolved.map(\.resolver)
        diagnostics += resolved.flatMap(\.diagnostics)
        if memory != nil {
            memory!.references = References()
            for (name, result) in zip(names, resolved) {
                memory!.references.resolutions[name] = References.Resolution(
                    key: result.key!, resolver: result.resolver, ids: result.ids, diagnostics: result.diagnostics)
            }
        }
        // Article -> taxonomy -> term ids; article -> its series' id.
        let termIDs = published.indices.map { index in resolved.dropLast().map { $0.ids[index] } }
        let dialogueIDs = resolved.last!.ids.map(\.first)

        // Newest first, ties by slug, then by language; every index below is in this order.
        // Compared through arrays of the keys: an article read out of `published` in the
        // comparison is a copy of all its fields, a score of retains, 130,000 times for
        // 10,000 articles.
        let dates = published.map(\.date)
        let slugs = published.map(\.slug)
        let langs = published.map(\.lang)
        let order = published.indices.sorted { a, b in
            // By instant: two dates written with different offsets may be the same moment.
            if !dates[a].isSameInstant(as: dates[b]) { return dates[a] > dates[b] }
            if slugs[a] != slugs[b] { return slugs[a].codePointPrecedes(slugs[b]) }
            return langs[a].codePointPrecedes(langs[b])
        }
        let rank = {
            var rank = [Int](repeating: 0, count: published.count)
            for (position, index) in order.enumerated() { rank[index] = position }
            return rank
        }()

        @Sendable func taxonomy(_ resolver: TermResolver, name: String, articleIDs: (Int) -> [String]) -> (Taxonomy, [String: Int]) {
            var members: [String: [Int]] = [:]
            for index in published.indices {
                for id in articleIDs(index) { members[id, default: []].append(rank[index]) }
            }
            let terms = resolver.terms().map { term in
                let articles = (members[term.id] ?? []).sorted()
                var byLanguage: [String: [Int]] = [:]
                for article in articles { byLanguage[langs[order[article]], default: []].append(article) }
                // A term has a page in each language whose articles use it (the contract's
                // Languages); with one language, where none of that applies, a registered term
                // no article uses keeps its page, so that the registry can be browsed.
                let languages = config.languages.filter {
                    byLanguage[$0] != nil || (!config.isMultilingual && term.entry != nil)
                }
                return Term(
                    id: term.id, name: term.name, short: term.entry?.short, entry: term.entry,
                    translations: translationsByEntry[name + "/" + term.id] ?? [:],
                    path: name == "dialogues" ? Routes.dialogue(term.id) : Routes.term(name, term.id),
                    articles: articles, articlesByLanguage: byLanguage, languages: languages)
            }
            var position: [String: Int] = [:]
            for (index, term) in terms.enumerated() { position[term.id] = index }
            let value = Taxonomy(
                name: name, path: name == "dialogues" ? Routes.dialogues : Routes.taxonomy(name),
                hasRegistry: resolver.registry.exists, terms: terms)
            return (value, position)
        }

        // Each taxonomy's terms and members on a core of their own, the series last.
        let made = Parallel.map(Array(names.indices)) { position in
            position < config.taxonomies.count
                ? taxonomy(finished[position], name: names[position]) { termIDs[$0][position] }
                : taxonomy(finished[position], name: "dialogues") { dialogueIDs[$0].map { [$0] } ?? [] }
        }
        let taxonomies = made.dropLast().map(\.0)
        let termPositions = made.dropLast().map(\.1)
        let (dialogues, dialoguePositions) = made.last!

        // Translations, by key and language: two in one language are an error naming both.
        // Each article by its index into `published` (not a copy of it).
        let articleGroups = translationGroups(
            order.map { (published[$0].translationKey, published[$0].lang, published[$0].path, $0) },
            keyLocation: { published[$0].keyLocations["translationKey"] }, source: { published[$0].source }, kind: "articles",
            diagnostics: &diagnostics)
        let agencies = config.taxonomies.firstIndex(of: "agencies")
        // Each on every core; the chairs' warnings at their first use in path order.
        let agencyRegistry = agencies.map { finished[$0].registry }
        let agencyPositions = agencies.map { termPositions[$0] }
        let publishing = Parallel.map(Array(order.enumerated())) { position, index in
            let article = published[index]
            let (chairs, unknown) = chairAgencies(article, agencies: agencyRegistry, positions: agencyPositions)
            return (PublishedArticle(
                article: article, path: routes.localized(Routes.article(article.slug), article.lang),
                terms: termIDs[index].enumerated().map { taxonomy, ids in ids.compactMap { termPositions[taxonomy][$0] } },
                dialogue: dialogueIDs[index].flatMap { dialoguePositions[$0] },
                translations: articleGroups[position] ?? [:], chairAgencies: chairs), unknown)
        }
        let articles = publishing.map(\.0)
        var unknownInPathOrder = [[UnknownChairAgency]](repeating: [], count: published.count)
        for (position, index) in order.enumerated() { unknownInPathOrder[index] = publishing[position].1 }
        diagnostics += unknownChairAgencyWarnings(unknownInPathOrder)
        var articlesByLanguage: [String: [Int]] = [:]
        for (index, article) in articles.enumerated() { articlesByLanguage[article.article.lang, default: []].append(index) }

        let pageList = content.pages
            .filter { selection.drafts || !$0.draft }
            .sorted { $0.lang != $1.lang ? $0.lang.codePointPrecedes($1.lang) : $0.slug.codePointPrecedes($1.slug) }
        let pageGroups = translationGroups(
            pageList.map { ($0.translationKey, $0.lang, $0.path, $0) },
            keyLocation: { $0.keyLocations["translationKey"] }, source: { $0.source }, kind: "pages",
            diagnostics: &diagnostics)
        let pages = pageList.enumerated().map { index, page in
            PublishedPage(page: page, path: routes.localized(Routes.page(page.slug), page.lang), translations: pageGroups[index] ?? [:])
        }

        var contentPaths: [String: String] = [:]
        for article in articles { contentPaths[article.article.path] = article.path }
        for page in pages { contentPaths[page.page.path] = page.path }
        for taxonomy in taxonomies + [dialogues] {
            for term in taxonomy.terms {
                // An entry's file leads to its page in the default language, or in the first
                // language that has one; a description in another language to that language's
                // page (so that its relative links are written from there). A term with no page
                // has no address: a link to its file is reported.
                guard let entry = term.entry, let first = term.languages.first else { continue }
                let home = term.languages.contains(config.language) ? config.language : first
                contentPaths[entry.path] = routes.localized(term.path, home)
                for (lang, translation) in term.translations {
                    contentPaths[translation.path] = routes.localized(term.path, term.languages.contains(lang) ? lang : home)
                }
            }
        }

        diagnostics += sessionConflicts(articles, dialogues: dialogues)
        diagnostics += TranslationDrift.warnings(
            articles, defaultLanguage: config.language, taxonomies: taxonomies, dialogues: dialogues)
        for taxonomy in taxonomies + [dialogues] {
            for term in taxonomy.terms where term.articles.isEmpty {
                guard let entry = term.entry else { continue }
                diagnostics.append(Diagnostic(
                    .note, .unusedRegistryEntry, "no published article refers to '\(entry.name)'",
                    at: SourceLocation(file: entry.source.file),
                    hint: config.isMultilingual
                        ? "a term has pages only in the languages whose articles use it, so it has none; remove the file if the term is not needed"
                        : "it still has its page; remove the file if the term is not needed"))
            }
        }

        let planner = SitePlanner(
            config: config, routes: routes, articles: articles, articlesByLanguage: articlesByLanguage, pages: pages,
            taxonomies: taxonomies, dialogues: dialogues, staticFiles: content.staticFiles, assets: assets)
        let plan = planner.plan()
        let site = Site(
            config: config, routes: routes, articles: articles, articlesByLanguage: articlesByLanguage, pages: pages,
            taxonomies: taxonomies, dialogues: dialogues, staticFiles: content.staticFiles, assets: assets,
            contentPaths: contentPaths, plan: plan.compactMap(\.page))
        // A plan whose files are those of the last one found free of collisions, or differ
        // from them by a few pages that collide with nothing, has none.
        let files = memory.map { _ in plan.map(SitePlanner.FileKey.init) }
        let (result, (collisions, free)) = Parallel.both({ meanwhile(site) }, { [memory] () -> ([Diagnostic], CollisionFreeFiles?) in
            if let files, let admitted = memory?.collisionFree?.admitting(files) { return ([], admitted) }
            return planner.checkCollisions(in: plan, remembering: files)
        })
        memory?.collisionFree = free
        return (site, diagnostics + collisions, result)
    }

    // MARK: - Translations

    /// The translations of each item of `items` (already in their final order): for the
    /// item at each position, the position of its counterpart in every other language. Two
    /// items of one language with one key are an error at the second one's key, naming both.
    static func translationGroups<Item>(
        _ items: [(key: String?, lang: String, path: String, item: Item)],
        keyLocation: (Item) -> SourceLocation?, source: (Item) -> SourceText, kind: String,
        diagnostics: inout [Diagnostic]
    ) -> [Int: [String: Int]] {
        var groups: [String: [String: Int]] = [:]
        // The first of each language by path keeps the key; the others are reported.
        let byPath = items.indices.filter { items[$0].key != nil }.sorted { items[$0].path.codePointPrecedes(items[$1].path) }
        for position in byPath {
            let (key, lang, _, item) = items[position]
            if let first = groups[key!]?[lang] {
                let place = keyLocation(item)
                let file = source(item).file
                let message = "two \(kind) in \(lang) share the translationKey '\(key!)': \(source(items[first].item).file) and \(file)"
                let hint = "each language has one version of a translation: give one of the two another `translationKey`, or another `lang`"
                diagnostics.append(place.flatMap { place in
                    place.line.map { source(item).diagnostic(.error, .invalidValue, message, line: $0, column: place.column ?? 1, hint: hint) }
                } ?? Diagnostic(.error, .invalidValue, message, at: SourceLocation(file: file), hint: hint))
                continue
            }
            groups[key!, default: [:]][lang] = position
        }
        var result: [Int: [String: Int]] = [:]
        for group in groups.values where group.count > 1 {
            for (lang, position) in group {
                result[position] = group.filter { $0.key != lang }
            }
        }
        return result
    }

    /// The translations of registry entries (`kisa.ko.md`), by `<taxonomy>/<id>` and
    /// language; one whose entry does not exist is an error.
    static func entryTranslations(_ content: ParsedContent, diagnostics: inout [Diagnostic]) -> [String: [String: RegistryTranslation]] {
        var result: [String: [String: RegistryTranslation]] = [:]
        for (taxonomy, translations) in content.registryTranslations {
            let ids = Set((content.registries[taxonomy] ?? []).map(\.id))
            for translation in translations.sorted(by: { $0.path.codePointPrecedes($1.path) }) {
                guard ids.contains(translation.id) else {
                    let suggestion = EditDistance.closest(to: translation.id, among: ids.sorted(), limit: 3, count: 1).first
                    diagnostics.append(Diagnostic(
                        .error, .invalidTermID,
                        "\(taxonomy)/\(translation.id).\(translation.lang).md translates \(taxonomy)/\(translation.id).md, which does not exist",
                        at: SourceLocation(file: translation.source.file),
                        hint: suggestion.map { "did you mean \(taxonomy)/\($0).\(translation.lang).md?" }
                            ?? "create \(taxonomy)/\(translation.id).md with the entry's `name` in the default language first"))
                    continue
                }
                result[taxonomy + "/" + translation.id, default: [:]][translation.lang] = translation
            }
        }
        return result
    }

    // MARK: - Chairs

    /// A chair's agency that names no agency term (registered, or published by articles'
    /// `agencies`): its first use, for one warning per agency.
    struct UnknownChairAgency {
        let slug: String
        let firstUse: Diagnostic
    }

    /// The agency of each chair, as a term of the agencies taxonomy: a registered agency, or
    /// an unregistered one that articles list under `agencies` (published under the slug of
    /// the reference). A chair does not make a term of its own: an agency that is neither
    /// is returned for a warning, with suggestions, when the taxonomy has a registry.
    static func chairAgencies(
        _ article: Article, agencies registry: TermRegistry?, positions: [String: Int]?
    ) -> ([Int?], [UnknownChairAgency]) {
        var unknown: [UnknownChairAgency] = []
        let found = article.chairs.map { chair -> Int? in
            guard let reference = chair.agency, let registry, let positions else { return nil }
            if let entry = registry.lookup(TermKey(reference.text)) { return positions[registry.entries[entry].id] }
            let slug = Slug.make(from: reference.text)
            if let position = positions[slug] { return position }
            guard registry.exists, !slug.isEmpty else { return nil }
            let suggestions = registry.suggestions(for: TermKey(reference.text))
            unknown.append(UnknownChairAgency(slug: slug, firstUse: article.source.diagnostic(
                .warning, .unregisteredTerm,
                "the chair's agency '\(reference.text.trimmingWhitespace)' is not in the agencies registry, so it is shown without a link",
                line: reference.line, column: reference.column,
                hint: suggestions.isEmpty ? "use a registered agency's name, short name or alias, or register it"
                    : "did you mean \(suggestions.joined(separator: " or "))?")))
            return nil
        }
        return (found, unknown)
    }

    /// One warning for each distinct unknown chair's agency (by the slug its references
    /// share), at its first use (`perArticle` is in path order), with how many articles name it.
    static func unknownChairAgencyWarnings(_ perArticle: [[UnknownChairAgency]]) -> [Diagnostic] {
        var first: [String: Diagnostic] = [:]
        var articles: [String: Int] = [:]
        var order: [String] = []
        for unknown in perArticle {
            for slug in Set(unknown.map(\.slug)) { articles[slug, default: 0] += 1 }
            for agency in unknown where first[agency.slug] == nil {
                first[agency.slug] = agency.firstUse
                order.append(agency.slug)
            }
        }
        return order.map { slug in
            var warning = first[slug]!
            let count = articles[slug]!
            warning.message += count == 1 ? "" : " (in \(count) articles, this one first)"
            return warning
        }
    }

    // MARK: - Sessions

    /// A warning for each article that claims a session number another article of the same
    /// dialogue already has (the first by path keeps it); translations of one report share
    /// its session.
    package static func sessionConflicts(_ articles: [PublishedArticle], dialogues: Taxonomy) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var members: [Int: [Int]] = [:]
        for (index, article) in articles.enumerated() {
            if let dialogue = article.dialogue, article.article.session != nil { members[dialogue, default: []].append(index) }
        }
        for dialogue in members.keys.sorted() {
            let series = dialogues.terms[dialogue]
            var firstBySession: [Int: Int] = [:]
            for index in members[dialogue]!.sorted(by: { articles[$0].article.path.codePointPrecedes(articles[$1].article.path) }) {
                let article = articles[index].article
                let session = article.session!
                guard let first = firstBySession[session] else {
                    firstBySession[session] = index
                    continue
                }
                let firstArticle = articles[first]
                if firstArticle.translations.values.contains(index) { continue }
                if let key = article.translationKey, key == firstArticle.article.translationKey { continue }
                diagnostics.append(article.source.diagnostic(
                    .warning, .duplicateSession,
                    "\(firstArticle.article.source.file) is already the \(Ordinal.english(session)) session of '\(series.name)'",
                    line: article.sessionLocation?.line ?? 1, column: article.sessionLocation?.column ?? 1,
                    hint: "check the session number; an article about a session that is not its report can leave `session:` out"
                        + (article.lang != firstArticle.article.lang ? "; a translation of the report shares its `translationKey`" : "")))
            }
        }
        return diagnostics
    }

    // MARK: - Future articles

    /// A note on an article a build leaves out because it is dated after the build's time:
    /// an editor who wrote today's date with a time still to come would otherwise wonder
    /// where the article went.
    static func futureNote(_ article: Article, now: Int64) -> Diagnostic {
        let wait = article.date.seconds - now
        let when: String
        if wait < 86_400 {
            let hours = wait / 3600
            let minutes = (wait % 3600 + 59) / 60
            let span = hours > 0 ? "\(hours) h \(minutes) min" : "\(minutes) min"
            when = "later today (\(article.date.rfc3339), in \(span))"
        } else {
            when = "in the future (\(article.date.hasTime ? article.date.rfc3339 : article.date.isoDate))"
        }
        return article.source.diagnostic(
            .note, .futureArticle, "this article is dated \(when), so a build now leaves it out",
            line: article.dateLocation.line ?? 1, column: article.dateLocation.column ?? 1,
            hint: "it appears in the first build from \(article.date.rfc3339) on; `--future` includes it now")
    }
}
