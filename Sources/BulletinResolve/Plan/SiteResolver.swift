public import BulletinCore
public import BulletinContent

internal import Foundation

/// The resolve phase: chooses what is published, resolves every term reference, gives every
/// page its URL and finds every collision, before anything renders.
public enum SiteResolver {
    /// What to publish.
    public struct Selection: Sendable {
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
        var diagnostics: [Diagnostic] = []
        let config = content.config
        let routes = Routes(baseURL: config.baseURL)

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
        var resolvers = config.taxonomies.map { name in
            TermResolver(registry: TermRegistry(taxonomy: name, entries: content.registries[name]))
        }
        var dialogueResolver = TermResolver(registry: TermRegistry(taxonomy: "dialogues", entries: content.registries["dialogues"]))
        for resolver in resolvers + [dialogueResolver] {
            diagnostics += resolver.registry.conflicts()
        }
        var termIDs: [[[String]]] = []  // article -> taxonomy -> term ids
        var dialogueIDs: [String?] = []
        for (index, article) in published.enumerated() {
            var perTaxonomy: [[String]] = []
            for (position, name) in config.taxonomies.enumerated() {
                var ids: [String] = []
                for reference in article.terms[name] ?? [] {
                    if let id = resolvers[position].resolve(reference, in: article, articleIndex: index, diagnostics: &diagnostics),
                       !ids.contains(id) {
                        ids.append(id)
                    }
                }
                perTaxonomy.append(ids)
            }
            termIDs.append(perTaxonomy)
            dialogueIDs.append(article.dialogue.flatMap {
                dialogueResolver.resolve($0, in: article, articleIndex: index, diagnostics: &diagnostics)
            })
        }
        for resolver in resolvers + [dialogueResolver] {
            diagnostics += resolver.unregisteredWarnings()
        }

        // Newest first, ties by slug; then every index below refers to this order.
        let order = published.indices.sorted { a, b in
            let left = published[a]
            let right = published[b]
            if left.date != right.date { return left.date > right.date }
            return left.slug.codePointPrecedes(right.slug)
        }
        var rank = [Int](repeating: 0, count: published.count)
        for (position, index) in order.enumerated() { rank[index] = position }

        func taxonomy(_ resolver: TermResolver, name: String, articleIDs: (Int) -> [String]) -> (Taxonomy, [String: Int]) {
            var members: [String: [Int]] = [:]
            for index in published.indices {
                for id in articleIDs(index) { members[id, default: []].append(rank[index]) }
            }
            let terms = resolver.terms().map { term in
                Term(
                    id: term.id, name: term.name, short: term.entry?.short, entry: term.entry,
                    path: name == "dialogues" ? Routes.dialogue(term.id) : Routes.term(name, term.id),
                    articles: (members[term.id] ?? []).sorted())
            }
            var position: [String: Int] = [:]
            for (index, term) in terms.enumerated() { position[term.id] = index }
            let value = Taxonomy(
                name: name, title: title(of: name), path: name == "dialogues" ? Routes.dialogues : Routes.taxonomy(name),
                hasRegistry: resolver.registry.exists, terms: terms)
            return (value, position)
        }

        var taxonomies: [Taxonomy] = []
        var termPositions: [[String: Int]] = []
        for (position, name) in config.taxonomies.enumerated() {
            let (value, positions) = taxonomy(resolvers[position], name: name) { termIDs[$0][position] }
            taxonomies.append(value)
            termPositions.append(positions)
        }
        let (dialogues, dialoguePositions) = taxonomy(dialogueResolver, name: "dialogues") { dialogueIDs[$0].map { [$0] } ?? [] }

        let articles = order.map { index in
            PublishedArticle(
                article: published[index], path: Routes.article(published[index].slug),
                terms: termIDs[index].enumerated().map { position, ids in ids.compactMap { termPositions[position][$0] } },
                dialogue: dialogueIDs[index].flatMap { dialoguePositions[$0] })
        }
        let pages = content.pages
            .filter { selection.drafts || !$0.draft }
            .sorted { $0.slug.codePointPrecedes($1.slug) }
            .map { PublishedPage(page: $0, path: Routes.page($0.slug)) }

        var contentPaths: [String: String] = [:]
        for article in articles { contentPaths[article.article.path] = article.path }
        for page in pages { contentPaths[page.page.path] = page.path }
        for taxonomy in taxonomies + [dialogues] {
            for term in taxonomy.terms { if let entry = term.entry { contentPaths[entry.path] = term.path } }
        }

        diagnostics += sessionConflicts(articles, dialogues: dialogues)
        for taxonomy in taxonomies + [dialogues] {
            for term in taxonomy.terms where term.articles.isEmpty {
                guard let entry = term.entry else { continue }
                diagnostics.append(Diagnostic(
                    .note, .unusedRegistryEntry, "no published article refers to '\(entry.name)'",
                    at: SourceLocation(file: entry.source.file),
                    hint: "it still has its page; remove the file if the term is not needed"))
            }
        }

        let planner = SitePlanner(
            config: config, articles: articles, pages: pages, taxonomies: taxonomies, dialogues: dialogues,
            staticFiles: content.staticFiles, assets: assets)
        let plan = planner.plan()
        diagnostics += planner.collisions(in: plan)

        let site = Site(
            config: config, routes: routes, articles: articles, pages: pages, taxonomies: taxonomies,
            dialogues: dialogues, staticFiles: content.staticFiles, assets: assets, contentPaths: contentPaths,
            plan: plan.compactMap(\.page))
        return (site, diagnostics)
    }

    /// A warning for each article that claims a session number another article of the same
    /// dialogue already has (the first by path keeps it).
    package static func sessionConflicts(_ articles: [PublishedArticle], dialogues: Taxonomy) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, dialogue) in dialogues.terms.enumerated() {
            var firstBySession: [Int: Article] = [:]
            let members = articles.filter { $0.dialogue == index }.map(\.article).sorted { $0.path.codePointPrecedes($1.path) }
            for article in members {
                guard let session = article.session else { continue }
                guard let first = firstBySession[session] else {
                    firstBySession[session] = article
                    continue
                }
                diagnostics.append(article.source.diagnostic(
                    .warning, .duplicateSession,
                    "\(first.source.file) is already the \(Ordinal.english(session)) session of '\(dialogue.name)'",
                    line: article.sessionLocation?.line ?? 1, column: article.sessionLocation?.column ?? 1,
                    hint: "check the session number; an article about a session that is not its report can leave `session:` out"))
            }
        }
        return diagnostics
    }

    /// A note on an article a build leaves out because it is dated after the build's time:
    /// an editor who wrote today's date with a time still to come would otherwise wonder
    /// where the article went.
    package static func futureNote(_ article: Article, now: Int64) -> Diagnostic {
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

    /// "agencies" -> "Agencies", "counter-terrorism" -> "Counter terrorism".
    package static func title(of name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
