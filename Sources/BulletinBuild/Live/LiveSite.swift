public import BulletinCore
public import BulletinContent
import BulletinResolve
import BulletinRender
import BulletinOutput
import Synchronization

/// A site kept in memory between edits, for `bulletin serve`: built once in full, then
/// updated after every edit by rendering again exactly the pages whose inputs changed, and
/// reporting only the files whose bytes changed. The result is always the same, byte for
/// byte and diagnostic for diagnostic, as a full build of the same files.
///
/// One mechanism for every kind of edit, the one the full build plans with: every page
/// records what it reads (`PlannedPage.dependencies`), each dependency has a value
/// (`RenderInputs`), and a page is rendered again when it is new, when it reads something
/// else than before, or when a value it reads changed. Each phase before rendering reuses
/// what it made last time for inputs that did not change (a file's parse, the resolved site
/// when no front matter changed, a body's HTML, the theme), so an edit costs what it touches.
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
        /// How long each phase took, in order (`bulletin serve --timings` prints them).
        public var timings: [Timing] = []

        public struct Timing: Sendable, Equatable {
            public let phase: String
            public let seconds: Double
        }
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
    /// The output paths of the copied files when last served.
    private var copied: Set<String> = []
    /// What changed since the last good build, gathered over the updates that failed since:
    /// their edits are in the memo already, so the next good update must not take only its
    /// own for all.
    private var pending = Pending()

    private struct Pending: Sendable {
        /// The source paths parsed or rendered anew; nil when some update did not know.
        var paths: Set<String>? = []
        /// Whether every update reused the resolved site (no front matter moved anything).
        var sameStructure = true

        mutating func add(paths more: Set<String>?, sameStructure same: Bool) {
            if let more, let known = paths { paths = known.union(more) } else { paths = nil }
            sameStructure = sameStructure && same
        }
    }

    private struct Rendered: Sendable {
        var inputs: RenderInputs
        /// Each page's place in the plan, by site path.
        var pages: [String: Int]
        var feeds: [Feed]
        /// Each feed's place in `feeds`, and its signature (what its two files are made
        /// of), by its folder.
        var feedPositions: [String: Int]
        var signatures: [String: FeedSignature]
        /// What each page and feed reads, and who reads each dependency.
        var index: DependencyIndex
        var search: [String: SearchIndex]
        /// The open data's records as encoded, and the sitemap's elements, for the next
        /// update that moves an article.
        var openData: OpenData.Memo
        var sitemap: Sitemap.Memo
        /// Every output path but the pages' (known by `pages`) and the copied files': the
        /// feeds, the search index and the files made from the whole site.
        var generated: Set<String>

        /// Whether a page is written to output path `path` (`Routes.outputFile`).
        func makes(page path: String) -> Bool {
            pages[path] != nil || (path.hasSuffix("index.html") && pages[String(path.dropLast("index.html".count))] != nil)
        }
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
        // The memo's site and bodies are updated in place for an edit; the last render's
        // copies of their article arrays would make that a copy of every article.
        last?.inputs.releaseSources()
        let prepared = PreparedBuild(tree, options: options, memo: &memo, clock: &clock)
        pending.add(
            paths: prepared.content.changed.flatMap { content in prepared.bodies.changed.map { content.union($0) } },
            sameStructure: prepared.resolveReused)
        let earlier = (loadProblems + prepared.diagnostics).map { $0.escalated(strict: options.strict) }
        guard let theme = prepared.theme, !earlier.hasErrors else {
            // As a full build that stops before rendering: its links to #fragments are
            // checked against the Markdown's headings.
            let findings = prepared.bodies.allFindings
            diagnostics = (earlier + FragmentCheck.verify(findings.fragments, page: nil, bodies: prepared.bodies, site: prepared.site))
                .map { $0.escalated(strict: options.strict) }.sorted()
            isCurrent = false
            return Outcome(strategy: .failed, timings: clock.phases.map { .init(phase: $0.phase, seconds: $0.seconds) })
        }
        var next = files
        files = [:]  // so that `next` is the only owner of the files, changed in place below
        var outcome = Outcome(strategy: last == nil ? .full : .incremental)
        func put(_ file: OutputFile) {
            if next[file.path] != file.contents {
                next[file.path] = file.contents
                outcome.changed.insert(file.path)
            }
        }
        let site = prepared.site
        let rendered: Rendered
        if pending.sameStructure, let edited = pending.paths, var known = last {
            last = nil  // so that `known` is the only owner of the values it updates
            // The same structure: the values of what changed, and the pages and feeds that
            // read them.
            let changed = known.inputs.update(site: site, bodies: prepared.bodies, theme: theme, changed: edited)
            clock.mark("inputs")
            let pages = known.index.pages.readers(of: changed).map { known.pages[$0]! }.sorted().map { site.plan[$0] }
            let renderer = PageRenderer(inputs: known.inputs, pages: pages)
            Parallel.map(pages, renderer.render).forEach(put)
            // What the renderers made for these pages (every card, when every page was
            // rendered) is freed on another thread.
            Parallel.release(consume renderer)
            clock.mark("pages")
            let feeds = known.index.feeds.readers(of: changed).map { known.feedPositions[$0]! }.sorted().map { known.feeds[$0] }
            let feedRenderer = FeedRenderer(inputs: known.inputs, feeds: feeds)
            Parallel.map(feeds, feedRenderer.files).joined().forEach(put)
            Parallel.release(consume feedRenderer)
            clock.mark("feeds")
            for lang in site.config.languages {
                let removed = known.search[lang]!.update(inputs: known.inputs, lang: lang, changed: changed)
                for path in known.search[lang]!.changedFiles { put(OutputFile(path: path, text: known.search[lang]!.files[path]!)) }
                for path in removed where next.removeValue(forKey: path) != nil { outcome.removed.insert(path) }
                known.generated.subtract(removed)
                known.generated.formUnion(known.search[lang]!.files.keys)
            }
            clock.mark("search")
            rendered = known
        } else {
            // The index and the search index are updated in place: taken out of the last build,
            // so that they have one owner.
            let index = last?.index ?? DependencyIndex()
            last?.index = DependencyIndex()
            let search = last?.search ?? [:]
            last?.search = [:]
            let openData = last?.openData ?? OpenData.Memo()
            last?.openData = OpenData.Memo()
            let sitemap = last?.sitemap ?? Sitemap.Memo()
            last?.sitemap = Sitemap.Memo()
            let unmadePages: [String]
            (rendered, unmadePages) = everything(
                site: site, bodies: prepared.bodies, theme: theme, index: consume index, search: consume search, openData: consume openData,
                sitemap: consume sitemap, put: put, clock: &clock)
            // What is no longer made: the pages the index forgot, the other files the last
            // update made and this one did not, the copies gone (unless something else
            // makes their path now).
            let copies = site.copies
            let unmade = (last?.generated ?? []).subtracting(rendered.generated)
                .union(unmadePages.lazy.map(Routes.outputFile)).union(copied.subtracting(copies))
            for path in unmade where !rendered.generated.contains(path) && !copies.contains(path) && !rendered.makes(page: path) {
                if next.removeValue(forKey: path) != nil { outcome.removed.insert(path) }
            }
        }
        for (file, edited) in copies(of: site, changes: changes) {
            if edited, next[file.path] == file.contents { next[file.path] = nil }  // so that `put` reports it
            put(file)
        }
        clock.mark("copies")

        // The same diagnostics as a full build: its links to #fragments checked against the
        // pages as rendered.
        let findings = prepared.bodies.allFindings
        let pages = next
        let fragments = FragmentCheck.verify(findings.fragments, page: { path in
            guard case .bytes(let bytes)? = pages[path] else { return nil }
            return bytes
        }, bodies: prepared.bodies, site: site)
        diagnostics = (earlier + fragments).map { $0.escalated(strict: options.strict) }.sorted()
        clock.mark("fragments")
        outcome.timings = clock.phases.map { .init(phase: $0.phase, seconds: $0.seconds) }
        files = next
        isCurrent = true
        pending = Pending()
        if outcome.strategy == .full { outcome.changed = Set(files.keys) }
        // The last build's values are freed on another thread, so the reload does not wait.
        if let earlier = last.take() { Parallel.release(earlier) }
        last = rendered
        return outcome
    }

    /// Renders what changed with the site's structure: every value compared with the last
    /// build's, pages and feeds that are new, read something else or read a changed value;
    /// the sitemap and search index made again and compared. Also the site paths of the
    /// pages the last build made and this one does not.
    private func everything(
        site: Site, bodies: RenderedBodies, theme: Theme, index: consuming DependencyIndex, search: consuming [String: SearchIndex],
        openData: consuming OpenData.Memo, sitemap: consuming Sitemap.Memo, put: (OutputFile) -> Void, clock: inout PhaseClock
    ) -> (Rendered, unmadePages: [String]) {
        let everyPage = last == nil
        let alternates = site.config.isMultilingual ? Alternates.all(site: site) : [:]
        // Taken out of their locks on the other thread, so that each is updated in place
        // (not copied).
        let earlierIndex = Mutex<DependencyIndex?>(consume index)
        let earlierOpenData = Mutex<OpenData.Memo?>(consume openData)
        let earlierSitemap = Mutex<Sitemap.Memo?>(consume sitemap)
        // The values are one long stretch that keeps about one core busy (the related
        // articles use both for a moment); what follows from the plan alone is made on the
        // other meanwhile: which pages read something else now and which are no longer made,
        // the open data and the sitemap.
        let ((inputs, changed), (plannedIndex, positions, unmadePages, rereading, plannedFiles, openDataMemo, sitemapMemo)) = Parallel.both({
            let inputs = RenderInputs(
                site: site, bodies: bodies, theme: theme, alternates: alternates,
                related: .remembering(earlier: last?.inputs.relatedMemo))
            return (inputs, last.map { inputs.changes(since: $0.inputs) })
        }, { [site] in
            var index = earlierIndex.withLock { $0.take()! }
            var positions: [String: Int] = [:]
            positions.reserveCapacity(site.plan.count)
            // A page is rendered when it is new or reads something else (here), or when a value
            // it reads changed (below, found through the index, not by looking at every page's
            // dependencies).
            var rereading: [Int] = []
            for (position, page) in site.plan.enumerated() {
                positions[page.path] = position
                if !index.pages.record(page.path, reads: page.dependencies) || everyPage { rereading.append(position) }
            }
            let unmade = index.pages.forget { positions[$0] == nil }
            // The open data follows from front matter alone: its last records, freed on another
            // thread once replaced.
            let earlier = earlierOpenData.withLock { $0.take()! }
            let (data, memo) = OpenData.files(for: site, reusing: earlier)
            Parallel.release(consume earlier)
            // Their bytes made here too: the open data alone is megabytes.
            var sitemap = earlierSitemap.withLock { $0.take() }
            let files = Sitemap.files(for: site, alternates: alternates, memo: &sitemap).map { OutputFile(path: $0.0, text: $0.1) } + data
            return (
                index: index, positions: positions, unmade: unmade, rereading: rereading, files: files, openData: memo,
                sitemap: sitemap!)
        })
        clock.mark("values, and beside them the plan's reads, the sitemap and open data")
        // Taken over (not copied): the feeds' part of the index changes below.
        var index = consume plannedIndex
        var generated: Set<String> = []
        var feeds: [Feed] = []
        var signatures: [String: FeedSignature] = [:]
        var feedPositions: [String: Int] = [:]
        // The search index on a thread of its own while the pages and feeds render.
        let earlierSearch = Mutex<[String: SearchIndex]?>(consume search)
        let (_, others) = Parallel.both({
            var toRender = Set(rereading)
            if let changed { toRender.formUnion(index.pages.readers(of: changed).map { positions[$0]! }) }
            let pages = toRender.sorted().map { site.plan[$0] }
            let renderer = PageRenderer(inputs: inputs, pages: pages)
            Parallel.map(pages, renderer.render).forEach(put)
            Parallel.release(consume renderer)
            clock.mark("pages")

            feeds = Feed.all(of: site)
            var feedsToRender: [Feed] = []
            for (position, feed) in feeds.enumerated() {
                let signature = FeedSignature(feed, inputs: inputs)
                signatures[feed.folder] = signature
                feedPositions[feed.folder] = position
                index.feeds.record(feed.folder, reads: signature.dependencies)
                generated.formUnion([feed.atomPath, feed.jsonPath])
                if let changed, last?.signatures[feed.folder] == signature, !signature.dependencies.contains(where: changed.contains) { continue }
                feedsToRender.append(feed)
            }
            index.feeds.forget { feedPositions[$0] == nil }
            let feedRenderer = FeedRenderer(inputs: inputs, feeds: feedsToRender)
            Parallel.map(feedsToRender, feedRenderer.files).joined().forEach(put)
            Parallel.release(consume feedRenderer)
            clock.mark("feeds")
        }, { [inputs, changed] in
            let start = PhaseClock.now()
            var files = [(Routes.searchScript, SearchScript.source)]
            // Taken out of the lock, so that each index is updated in place (not copied).
            var earlier = earlierSearch.withLock { $0.take()! }
            var search: [String: SearchIndex] = [:]
            var searchFiles: [String] = []
            for lang in inputs.site.config.languages {
                if changed != nil, var index = earlier.removeValue(forKey: lang) {
                    // Only the files the update wrote can differ from those served.
                    index.update(inputs: inputs, lang: lang, changed: changed!)
                    files += index.changedFiles.map { ($0, index.files[$0]!) }
                    searchFiles += index.files.keys
                    search[lang] = index
                } else {
                    let index = SearchIndex(inputs: inputs, lang: lang)
                    files += index.files.map { ($0.key, $0.value) }
                    search[lang] = index
                }
            }
            let outputs = files.map { OutputFile(path: $0.0, text: $0.1) }
            return (files: outputs, search: search, searchFiles: searchFiles, seconds: PhaseClock.now() - start)
        })
        clock.record("search (alongside)", seconds: others.seconds)
        generated.formUnion(others.searchFiles)
        for file in plannedFiles + others.files {
            put(file)
            generated.insert(file.path)
        }
        clock.mark("their files")
        let rendered = Rendered(
            inputs: inputs, pages: positions, feeds: feeds, feedPositions: feedPositions, signatures: signatures,
            index: index, search: others.search, openData: openDataMemo, sitemap: sitemapMemo, generated: generated)
        return (rendered, unmadePages)
    }

    /// The copied files: their contents as the tree has them (bytes in tests, a path on disk
    /// read when served), edited when the edit says so or, for a file on disk, when its
    /// size or time changed (after a reload of the folders, which names no file).
    private mutating func copies(of site: Site, changes: Set<SourceChange>) -> [(file: OutputFile, edited: Bool)] {
        var stamps: [String: [Int]] = [:]
        var copies: [(file: OutputFile, edited: Bool)] = []
        for file in SiteRenderer.copies(of: site) {
            var edited = changes.contains(.content("static/" + file.path))
                || file.path.removingPrefix("assets/").map { changes.contains(.template("assets/" + $0)) } == true
            if case .file(let absolutePath) = file.contents {
                stamps[file.path] = FileSystem.stamp(at: absolutePath)
                if copyStamps[file.path] != stamps[file.path] { edited = true }
            }
            copies.append((file, edited))
        }
        copyStamps = stamps
        copied = Set(copies.map(\.file.path))
        return copies
    }
}

extension Site {
    /// The output paths of the copied files.
    var copies: Set<String> {
        Set(staticFiles.map(\.path) + assets.map { Routes.asset($0.path) })
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
