public import BulletinCore
public import BulletinContent
import BulletinResolve
import BulletinRender
import BulletinOutput

/// A site kept in memory between edits, for `bulletin serve`: built once in full, then
/// updated after every edit by rendering again exactly the pages whose inputs changed, and
/// reporting only the files whose bytes changed. The result is always the same, byte for
/// byte and diagnostic for diagnostic, as a full build of the same files.
///
/// One mechanism for every kind of edit, the one the full build plans with: every page
/// records what it reads (`PlannedPage.dependencies`), each dependency has a value
/// (`RenderInputs`), and a page is rendered again when it is new, when it reads something
/// else than before, or when a value it reads changed. Each phase before rendering reuses
/// what it made last time for inputs that did not change (a file's parse, a body's HTML, the
/// theme), so an edit costs what it touches.
///
/// An update that finds errors changes nothing: the last good site stays, and `diagnostics`
/// says what is wrong until an update succeeds.
public struct LiveSite: Sendable {
    /// What an update did.
    public struct Outcome: Sendable, Equatable {
        /// Output paths written again (or new).
        public var changed: Set<String> = []
        /// Output paths that no longer exist.
        public var removed: Set<String> = []
        public var strategy: RebuildStrategy = .full
    }

    /// The last good site, by output path.
    public private(set) var files: [String: FileContents] = [:]
    /// The diagnostics of the last attempt, sorted; warnings are errors under `--strict`.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Whether the last attempt succeeded (when it did not, `files` is the site before it).
    public private(set) var isCurrent = false

    private let options: BuildOptions
    /// What each phase made last time, reused for inputs that did not change.
    private var memo: PreparedBuild.Memo? = PreparedBuild.Memo()
    /// The last good build's values, plan and secondary outputs, to compare the next with.
    private var last: Rendered?
    /// The size and time of each copied file on disk when last served, by output path.
    private var copyStamps: [String: [Int]] = [:]

    private struct Rendered: Sendable {
        var inputs: RenderInputs
        /// The dependencies of each page, by site path.
        var pages: [String: [Dependency]]
        /// Each feed's signature, by its folder: what its two files are made of.
        var feeds: [String: FeedSignature]
        var search: [String: SearchIndex]
    }

    /// `loadProblems` are the diagnostics of loading `tree` (`SiteLoader.load`).
    public init(tree: SourceTree, options: BuildOptions, loadProblems: [Diagnostic] = []) {
        self.options = options
        _ = update(tree: tree, changes: [], loadProblems: loadProblems)
    }

    /// Whether there is a site to serve (a first build succeeded).
    public var hasSite: Bool { last != nil }

    // MARK: - Updates

    /// Takes in the tree after `changes` (paths under the content and templates folders;
    /// the copied files among them are read again when served). `loadProblems` are the
    /// diagnostics of loading or reading `tree`.
    public mutating func update(tree: SourceTree, changes: Set<SourceChange>, loadProblems: [Diagnostic] = []) -> Outcome {
        var clock = PhaseClock()
        let prepared = PreparedBuild(tree, options: options, memo: &memo, clock: &clock)
        let earlier = (loadProblems + prepared.diagnostics).map { $0.escalated(strict: options.strict) }
        guard let theme = prepared.theme, !earlier.hasErrors else {
            // As a full build that stops before rendering: its links to #fragments are
            // checked against the Markdown's headings.
            let findings = prepared.bodies.allFindings
            diagnostics = (earlier + FragmentCheck.verify(findings.fragments, page: nil, bodies: prepared.bodies, site: prepared.site))
                .map { $0.escalated(strict: options.strict) }.sorted()
            isCurrent = false
            return Outcome(strategy: .failed)
        }
        let site = prepared.site
        let inputs = RenderInputs(site: site, bodies: prepared.bodies, theme: theme)
        var next = files
        var outcome = Outcome(strategy: last == nil ? .full : .incremental)
        let changed = last.map { inputs.changes(since: $0.inputs) }

        // Pages: new ones, those that read something else than before, and those whose
        // inputs changed.
        var pageDependencies: [String: [Dependency]] = [:]
        var toRender: [PlannedPage] = []
        for page in site.plan {
            pageDependencies[page.path] = page.dependencies
            if let last, let changed, last.pages[page.path] == page.dependencies,
               !page.dependencies.contains(where: changed.contains) {
                continue
            }
            toRender.append(page)
        }
        let renderer = PageRenderer(inputs: inputs, pages: toRender)
        for file in Parallel.map(toRender, renderer.render) {
            if next[file.path] != file.contents {
                next[file.path] = file.contents
                outcome.changed.insert(file.path)
            }
        }

        // Feeds: those whose entries, titles or dates changed.
        var feedSignatures: [String: FeedSignature] = [:]
        var feedsToRender: [Feed] = []
        for feed in Feed.all(of: site) {
            let signature = FeedSignature(feed, inputs: inputs)
            feedSignatures[feed.folder] = signature
            if let changed, last?.feeds[feed.folder] == signature, !signature.dependencies.contains(where: changed.contains) { continue }
            feedsToRender.append(feed)
        }
        let feeds = FeedRenderer(inputs: inputs, feeds: feedsToRender)
        for file in Parallel.map(feedsToRender, feeds.files).joined() {
            if next[file.path] != file.contents {
                next[file.path] = file.contents
                outcome.changed.insert(file.path)
            }
        }

        // The sitemap, robots.txt and the search index of each language: made again and
        // compared, or updated for the articles whose inputs changed.
        var others = Sitemap.files(for: site, alternates: inputs.alternates)
        var search: [String: SearchIndex] = [:]
        for lang in site.config.languages {
            var index = last?.search[lang] ?? SearchIndex(inputs: inputs, lang: lang)
            if let changed, last?.search[lang] != nil { index.update(inputs: inputs, lang: lang, changed: changed) }
            search[lang] = index
            others += index.files.map { ($0.key, $0.value) }
        }
        others.append(("search/search.js", SearchScript.source))
        for (path, text) in others {
            let contents = FileContents.bytes(Array(text.utf8))
            if next[path] != contents {
                next[path] = contents
                outcome.changed.insert(path)
            }
        }
        // Copied files: their contents as the tree has them (bytes in tests, a path on disk
        // read when served), changed when the edit says so or, for a file on disk, when its
        // size or time changed (after a reload of the folders, which names no file).
        var stamps: [String: [Int]] = [:]
        for file in SiteRenderer.copies(of: site) {
            var edited = changes.contains(.content("static/" + file.path))
                || file.path.removingPrefix("assets/").map { changes.contains(.template("assets/" + $0)) } == true
            if case .file(let absolutePath) = file.contents {
                stamps[file.path] = FileSystem.stamp(at: absolutePath)
                if copyStamps[file.path] != stamps[file.path] { edited = true }
            }
            if next[file.path] != file.contents || edited {
                next[file.path] = file.contents
                outcome.changed.insert(file.path)
            }
        }
        copyStamps = stamps

        // What the site no longer has.
        var present = Set(site.plan.map { Routes.outputFile($0.path) })
        for feed in Feed.all(of: site) { present.formUnion([feed.atomPath, feed.jsonPath]) }
        present.formUnion(others.map(\.path))
        present.formUnion(SiteRenderer.copies(of: site).map(\.path))
        for path in next.keys where !present.contains(path) {
            next.removeValue(forKey: path)
            outcome.removed.insert(path)
        }

        // The same diagnostics as a full build: its links to #fragments checked against the
        // pages as rendered.
        let findings = prepared.bodies.allFindings
        let pages = next
        let fragments = FragmentCheck.verify(findings.fragments, page: { path in
            guard case .bytes(let bytes)? = pages[path] else { return nil }
            return bytes
        }, bodies: prepared.bodies, site: site)
        diagnostics = (earlier + fragments).map { $0.escalated(strict: options.strict) }.sorted()
        files = next
        isCurrent = true
        if last == nil { outcome.changed = Set(files.keys) }
        last = Rendered(inputs: inputs, pages: pageDependencies, feeds: feedSignatures, search: search)
        return outcome
    }
}

/// How an update of the live site went.
public enum RebuildStrategy: String, Sendable, Equatable, CustomStringConvertible {
    /// Everything was rendered (the first build).
    case full
    /// The pages, feeds and files whose inputs changed were rendered again.
    case incremental
    /// The site has errors: nothing changed.
    case failed

    public var description: String { rawValue }
}
