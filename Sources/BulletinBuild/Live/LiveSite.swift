public import BulletinCore
public import BulletinContent
import BulletinMarkdown
import BulletinResolve
package import BulletinRender
import BulletinOutput

/// A site kept in memory between edits, for `bulletin serve`: built once in full, then
/// updated by rendering again only what each edit touches. The result is always the same,
/// byte for byte, as a full build of the same files.
///
/// - An article whose place in the site did not change (the common edits: its text, title,
///   summary, location, `updated`; not its URL, date, terms, dialogue or session): its page,
///   the lists showing its entry if that changed, the feeds holding it, the sitemap if its
///   `updated` changed, and the search shards of the words that changed. No parsing of other
///   files, no resolving.
/// - Templates only: the pages of the kinds that use the changed templates.
/// - A static file or asset changed in place: nothing to render (it is read when served).
/// - Anything else (an article's date or terms, registries, site.yaml, files added or
///   removed): a full build, in memory, which parses and renders Markdown again only for
///   the files that changed (`PreparedBuild.Memo`).
///
/// An update that finds errors changes nothing: the last good site stays, and
/// `diagnostics` says what is wrong until an update succeeds.
public struct LiveSite: Sendable {
    /// What an update did.
    public struct Outcome: Sendable, Equatable {
        /// Output paths written again (or new).
        public var changed: Set<String> = []
        /// Output paths that no longer exist.
        public var removed: Set<String> = []
        /// `article`, `templates`, `copies`, `full`, or `failed`.
        public var strategy: String = "full"
    }

    /// The last good site, by output path.
    public private(set) var files: [String: FileContents] = [:]
    /// The diagnostics of the last attempt, sorted; warnings are errors under `--strict`.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Whether the last attempt succeeded (when it did not, `files` is the site before it).
    public private(set) var isCurrent = false

    private let options: BuildOptions
    /// The tree `state` was made from.
    private var tree: SourceTree
    /// Files changed since `state` was made (edits a failed update could not take in); nil
    /// when unknown, which takes a full build.
    private var unsettled: Set<SourceChange>? = []
    /// The parsed, resolved and rendered site, kept to render again only what an edit
    /// touches; after a failed incremental update it holds that update (so that it is not
    /// redone), and `rendered` its output, while `files` stays the last good site.
    private var state: State?
    /// The output of `state`; the same as `files` after a good update.
    private var rendered: [String: FileContents] = [:]
    /// Output paths where `rendered` may differ from `files` (written by kept failures).
    private var unserved: Set<String> = []
    /// Each content file as last parsed and each body as last rendered: a full rebuild
    /// parses and renders again only what changed.
    private var memo: PreparedBuild.Memo? = PreparedBuild.Memo()

    private struct State: Sendable {
        package var prepared: PreparedBuild
        package var rendering: SiteRendering
        package var rewriter: LinkRewriter
        /// Positions of articles by content path: in `content.articles`, and in `site.articles`.
        package var parsedIndex: [String: Int]
        package var publishedIndex: [String: Int]
        /// `prepared.diagnostics` (all but the fragment checks', which depend on the pages),
        /// escalated under `--strict` and sorted.
        package var diagnostics: [Diagnostic]
    }

    /// `loadProblems` are the diagnostics of loading `tree` (`SiteLoader.load`).
    public init(tree: SourceTree, options: BuildOptions, loadProblems: [Diagnostic] = []) {
        self.options = options
        self.tree = tree
        _ = rebuild(tree, loadProblems: loadProblems)
    }

    /// Whether there is a site to serve (a first build succeeded).
    public var hasSite: Bool { state != nil }

    // MARK: - Updates

    /// Takes in the tree after `changes`; an empty set of changes means unknown changes (a
    /// full build). `loadProblems` are the diagnostics of loading or reading `newTree`.
    public mutating func update(tree newTree: SourceTree, changes latest: Set<SourceChange>, loadProblems: [Diagnostic] = []) -> Outcome {
        // Edits a failed update could not take in count too.
        guard state != nil, !latest.isEmpty, loadProblems.isEmpty, let unsettled else {
            return rebuild(newTree, loadProblems: loadProblems)
        }
        let changes = unsettled.union(latest)
        self.unsettled = changes  // until a commit takes them in
        let oldTree = tree
        let articles = changes.compactMap { change -> String? in
            guard case .content(let path) = change, path.hasPrefix("articles/"), path.hasSuffix(".md") else { return nil }
            return path
        }
        let templates = changes.compactMap { change -> String? in
            guard case .template(let path) = change, !path.hasPrefix("assets/") else { return nil }
            return path
        }
        let copies = changes.compactMap { change -> String? in
            switch change {
            case .content(let path): path.removingPrefix("static/")
            case .template(let path): path.hasPrefix("assets/") ? path : nil
            }
        }
        if articles.count == changes.count, let outcome = updateArticles(articles.sorted(), newTree: newTree) {
            return outcome
        }
        if templates.count == changes.count, sameFiles(oldTree.templates, newTree.templates),
           let outcome = updateTemplates(templates, newTree: newTree) {
            return outcome
        }
        if copies.count == changes.count, sameFiles(oldTree.staticFiles, newTree.staticFiles),
           sameFiles(oldTree.assets, newTree.assets) {
            // Copied files: their contents as the new tree has them (bytes in tests, a path on
            // disk). Nothing else changes, whether the site builds or not.
            var changed: Set<String> = []
            for file in newTree.staticFiles where copies.contains(file.path) {
                files[file.path] = file.contents
                rendered[file.path] = file.contents
                changed.insert(file.path)
            }
            for file in newTree.assets where copies.contains(Routes.asset(file.path)) {
                files[Routes.asset(file.path)] = file.contents
                rendered[Routes.asset(file.path)] = file.contents
                changed.insert(Routes.asset(file.path))
            }
            tree = newTree
            self.unsettled = []
            return Outcome(changed: changed, strategy: "copies")
        }
        return rebuild(newTree, loadProblems: loadProblems)
    }

    /// The article fast path; nil when an edit is not only to an article's text.
    private mutating func updateArticles(_ paths: [String], newTree: SourceTree) -> Outcome? {
        guard newTree.content.count == tree.content.count, let config = state?.prepared.content.config else { return nil }
        // Every edit checked and decoded before anything changes.
        var decoded: [(path: String, article: Article)] = []
        var earlier = state!.prepared.earlierDiagnostics
        var removedDiagnostics: [Diagnostic] = []
        var addedDiagnostics: [Diagnostic] = []
        for path in paths {
            guard let old = tree.content.first(where: { $0.path == path }),
                  let new = newTree.content.first(where: { $0.path == path }),
                  let parsed = state?.parsedIndex[path],
                  let frontMatter = Self.frontMatter(of: old), let newFrontMatter = Self.frontMatter(of: new),
                  case (let article?, let problems) = Article.decode(new, config: config)
            else { return nil }
            if frontMatter != newFrontMatter {
                // Its title, summary, location... may change, not what resolving reads.
                guard let previous = state?.prepared.content.articles[parsed], Self.samePlace(previous, article),
                      Self.carryDiagnostics(
                        &earlier, from: previous, to: article, problems: (Article.decode(old, config: config).1, problems),
                        removed: &removedDiagnostics, added: &addedDiagnostics)
                else { return nil }
            }
            decoded.append((path, article))
        }
        // The state changes in place, taken out of `self` so that nothing else holds its
        // storage: copying ten thousand articles would cost more than the rendering.
        var next = state!
        state = nil
        var written: [OutputFile] = []
        var removed: Set<String> = []
        next.prepared.earlierDiagnostics = earlier
        for diagnostic in removedDiagnostics { next.diagnostics.removeSorted(diagnostic.escalated(strict: options.strict)) }
        for diagnostic in addedDiagnostics { next.diagnostics.insertSorted(diagnostic.escalated(strict: options.strict)) }
        for (path, article) in decoded {
            next.prepared.content.articles[next.parsedIndex[path]!] = article
            guard let index = next.publishedIndex[path] else { continue }  // a draft: nothing shows it
            next.prepared.site.articles[index].article = article
            let (document, findings) = RenderedBodies.renderOne(
                article.body, firstLine: article.bodyFirstLine, path: path, source: article.source, rewriter: next.rewriter,
                collectExternalLinks: false)
            next.prepared.bodies.articles[index] = document
            for diagnostic in next.prepared.bodies.findings[path]?.diagnostics ?? [] {
                next.diagnostics.removeSorted(diagnostic.escalated(strict: options.strict))
            }
            for diagnostic in findings.diagnostics { next.diagnostics.insertSorted(diagnostic.escalated(strict: options.strict)) }
            next.prepared.bodies.replaceFindings(findings, for: path)
            let (files, gone) = next.rendering.update(article: index, site: next.prepared.site, bodies: next.prepared.bodies)
            written += files
            removed.formUnion(gone)
        }
        return commit(next, newTree: newTree, written: written, removed: removed, strategy: "article", keepsFailure: true)
    }

    /// Whether resolving sees two versions of an article alike: its URL, whether it is
    /// published, its place in lists and its terms are unchanged (where they are written may
    /// differ: `carryDiagnostics` moves what points there).
    private static func samePlace(_ a: Article, _ b: Article) -> Bool {
        a.date == b.date && a.slug == b.slug && a.draft == b.draft && a.session == b.session
            && a.dialogue?.text == b.dialogue?.text && a.terms.mapValues { $0.map(\.text) } == b.terms.mapValues { $0.map(\.text) }
            && (a.sessionLocation == nil) == (b.sessionLocation == nil)
    }

    /// The diagnostics of parsing and resolving (`earlier`) after an edit of an article's
    /// front matter that keeps its place: its parse problems replaced, and what resolving
    /// reported at its slug, session and term references moved to where they are now written
    /// and quoted afresh. Collects what left and what came into the list; false when some
    /// diagnostic points at a place in the article this cannot follow.
    private static func carryDiagnostics(
        _ earlier: inout [Diagnostic], from old: Article, to new: Article, problems: (old: [Diagnostic], new: [Diagnostic]),
        removed: inout [Diagnostic], added: inout [Diagnostic]
    ) -> Bool {
        let file = new.source.file
        var moved: [SourceLocation: SourceLocation] = [old.slugLocation: new.slugLocation]
        func place(_ reference: TermReference) -> SourceLocation {
            SourceLocation(file: file, line: reference.line, column: reference.column)
        }
        for (name, references) in old.terms {
            for (before, after) in zip(references, new.terms[name] ?? []) { moved[place(before)] = place(after) }
        }
        if let before = old.dialogue, let after = new.dialogue { moved[place(before)] = place(after) }
        if let before = old.sessionLocation, let after = new.sessionLocation { moved[before] = after }

        var carried = earlier
        for diagnostic in problems.old {
            guard let position = carried.firstIndex(of: diagnostic) else { return false }
            carried.remove(at: position)
            removed.append(diagnostic)
        }
        for index in carried.indices where carried[index].location.file == file && carried[index].location.line != nil {
            guard let location = moved[carried[index].location] else { return false }
            var diagnostic = carried[index]
            diagnostic.location = location
            if diagnostic.sourceLine != nil { diagnostic.sourceLine = new.source.line(location.line!) }
            guard diagnostic != carried[index] else { continue }
            removed.append(carried[index])
            added.append(diagnostic)
            carried[index] = diagnostic
        }
        earlier = carried + problems.new
        added += problems.new
        return true
    }

    /// The templates fast path; nil when it cannot apply (a template added or removed).
    private mutating func updateTemplates(_ paths: [String], newTree: SourceTree) -> Outcome? {
        guard let state else { return nil }
        let (theme, problems) = Theme.load(from: newTree)
        guard let theme else {
            var failed = state.prepared
            failed.earlierDiagnostics = failed.earlierDiagnostics.filter { !$0.location.file.hasPrefix(newTree.templatesRoot + "/") }
                + problems
            return fail(with: failed.diagnostics)
        }
        let (kinds, cards) = Self.pageKinds(using: paths, in: newTree)
        var next = state
        next.prepared.theme = theme
        next.prepared.earlierDiagnostics = state.prepared.earlierDiagnostics
            .filter { !$0.location.file.hasPrefix(newTree.templatesRoot + "/") } + problems
        next.diagnostics = next.prepared.diagnostics.map { $0.escalated(strict: options.strict) }.sorted()
        let written = next.rendering.update(theme: theme, bodies: next.prepared.bodies, kinds: kinds, cards: cards)
        return commit(next, newTree: newTree, written: written, removed: [], strategy: "templates")
    }

    /// A full build, in memory.
    private mutating func rebuild(_ newTree: SourceTree, loadProblems: [Diagnostic]) -> Outcome {
        unsettled = nil  // until a commit settles them
        var clock = PhaseClock()
        var prepared = PreparedBuild(newTree, options: options, memo: &memo, clock: &clock)
        prepared.earlierDiagnostics = loadProblems + prepared.earlierDiagnostics
        guard let theme = prepared.theme,
              !prepared.diagnostics.map({ $0.escalated(strict: options.strict) }).hasErrors
        else { return fail(with: prepared.diagnostics) }
        let sink = MemorySink()
        let rendering = SiteRendering(site: prepared.site, bodies: prepared.bodies, theme: theme)
        rendering.renderAll(into: sink)
        var parsedIndex: [String: Int] = [:]
        for (index, article) in prepared.content.articles.enumerated() { parsedIndex[article.path] = index }
        var publishedIndex: [String: Int] = [:]
        for (index, published) in prepared.site.articles.enumerated() { publishedIndex[published.article.path] = index }
        let next = State(
            prepared: prepared, rendering: rendering,
            rewriter: SiteRenderer.linkRewriter(prepared.site, unpublished: prepared.unpublished),
            parsedIndex: parsedIndex, publishedIndex: publishedIndex,
            diagnostics: prepared.diagnostics.map { $0.escalated(strict: options.strict) }.sorted())
        let newFiles = sink.tree.files
        let removed = Set(files.keys).subtracting(newFiles.map(\.path))
        return commit(next, newTree: newTree, written: newFiles, removed: removed, strategy: "full", replacing: true)
    }

    /// Checks fragments against the pages as they would be, and serves the result only when
    /// there is no error. `keepsFailure`: a failed `next` is kept all the same (not served),
    /// for the next update to build on.
    private mutating func commit(
        _ next: State, newTree: SourceTree, written: [OutputFile], removed: Set<String>, strategy: String,
        replacing: Bool = false, keepsFailure: Bool = false
    ) -> Outcome {
        var candidate = replacing ? [:] : rendered
        // Unshared, the candidate changes in place (when it differs from `files`); kept
        // failures replace `rendered` anyway.
        if keepsFailure { rendered = [:] }
        for path in removed { candidate.removeValue(forKey: path) }
        var changed: Set<String> = []
        for file in written where candidate[file.path] != file.contents {
            candidate[file.path] = file.contents
            if files[file.path] != file.contents { changed.insert(file.path) }
        }
        let fragments = FragmentCheck.verify(next.prepared.bodies.allFragments, page: { path in
            if case .bytes(let bytes)? = candidate[path] { return bytes }
            return nil
        }, bodies: next.prepared.bodies, site: next.prepared.site)
        let all = next.diagnostics.mergingSorted(fragments.map { $0.escalated(strict: options.strict) }.sorted())
        if all.hasErrors && !keepsFailure { return fail(with: all) }
        rendered = candidate
        diagnostics = all
        isCurrent = !all.hasErrors
        state = next
        tree = newTree
        unsettled = []
        var gone = removed
        if all.hasErrors {
            unserved.formUnion(written.map(\.path))
            unserved.formUnion(removed)
            return Outcome(strategy: "failed")
        }
        // What kept failures rendered is served now too.
        for path in unserved {
            if candidate[path] == nil {
                if files[path] != nil { gone.insert(path) }
            } else if files[path] != candidate[path] {
                changed.insert(path)
            }
        }
        unserved = []
        files = candidate
        return Outcome(changed: changed, removed: gone.subtracting(candidate.keys), strategy: strategy)
    }

    /// Keeps the last good site and reports what is wrong.
    private mutating func fail(with problems: [Diagnostic]) -> Outcome {
        diagnostics = problems.map { $0.escalated(strict: options.strict) }.sorted()
        isCurrent = false
        return Outcome(strategy: "failed")
    }

    // MARK: - Helpers

    /// The front matter of a Markdown file and the line its body starts on; nil when it has
    /// none.
    private static func frontMatter(of file: SourceFile) -> String? {
        guard case .success(let text) = SourceText.decode(file), case .success(let split) = FrontMatter.split(text) else {
            return nil
        }
        return split.yaml + "\u{0}\(split.bodyFirstLine)"
    }

    private func sameFiles(_ a: [StaticFile], _ b: [StaticFile]) -> Bool { a.map(\.path) == b.map(\.path) }
    private func sameFiles(_ a: [SourceFile], _ b: [SourceFile]) -> Bool { a.map(\.path) == b.map(\.path) }

    /// The kinds of pages that render with any of these templates (directly, or through
    /// partials they include), and whether the article card is among them.
    package static func pageKinds(using paths: [String], in tree: SourceTree) -> (Set<PageKindName>, cards: Bool) {
        // Which templates include which partials.
        var includes: [String: Set<String>] = [:]
        for file in tree.templates where file.path.hasSuffix(".mustache") {
            let name = String(file.path.dropLast(".mustache".count))
            let text = String(decoding: file.bytes, as: UTF8.self)
            includes[name] = Set(MustacheTagScanner.tags(in: text).filter { $0.sigil == ">" || $0.sigil == "<" }
                .map { "partials/" + $0.name })
        }
        var affected = Set(paths.map { String($0.dropLast(".mustache".count)) })
        var grew = true
        while grew {
            grew = false
            for (name, partials) in includes where !affected.contains(name) && !partials.isDisjoint(with: affected) {
                affected.insert(name)
                grew = true
            }
        }
        let everything: Set<String> = ["layout", "partials/site-header", "partials/site-footer"]
        if !affected.isDisjoint(with: everything) { return (Set(PageKindName.allCases), true) }
        var kinds = Set(affected.compactMap(PageKindName.init(rawValue:)))
        let cards = affected.contains("partials/article-card")
        if cards { kinds.formUnion([.home, .articles, .term, .dialogue]) }
        return (kinds, cards)
    }
}
