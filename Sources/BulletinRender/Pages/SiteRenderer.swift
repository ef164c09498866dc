package import BulletinCore
import BulletinContent
import BulletinMarkdown
package import BulletinResolve
import BulletinTemplates
import Dispatch
import Synchronization

/// The render phase: the bodies through libcmark, then every page, feed, the sitemap, the
/// search index and the copied files. Pure; pages render in parallel.
public enum SiteRenderer {
    /// Every Markdown body, with a diagnostic for each broken link. It needs no theme, so a
    /// build with errors elsewhere still reports its links.
    package static func renderBodies(
        _ site: Site, unpublished: Unpublished, collectExternalLinks: Bool = false
    ) -> RenderedBodies {
        var memo: RenderedBodies.BodyMemo?
        return renderBodies(site, unpublished: unpublished, collectExternalLinks: collectExternalLinks, memo: &memo)
    }

    /// The same, reusing (and updating) the bodies an earlier render made: `bulletin serve`.
    package static func renderBodies(
        _ site: Site, unpublished: Unpublished, collectExternalLinks: Bool = false, memo: inout RenderedBodies.BodyMemo?
    ) -> RenderedBodies {
        RenderedBodies.render(
            site, rewriter: linkRewriter(site, unpublished: unpublished), collectExternalLinks: collectExternalLinks, memo: &memo)
    }

    /// The link rewriter for a resolved site.
    package static func linkRewriter(_ site: Site, unpublished: Unpublished) -> LinkRewriter {
        var sitePaths = Set(site.plan.map(\.path))
        for file in site.staticFiles { sitePaths.insert(file.path) }
        for file in site.assets { sitePaths.insert(Routes.asset(file.path)) }
        // The generated files a page may link to: feeds, the sitemap, robots.txt, the open
        // data, the search script and each language's search index (its shards are named
        // after the content: no link can know them).
        for feed in Feed.all(of: site) { sitePaths.formUnion([feed.atomPath, feed.jsonPath]) }
        sitePaths.formUnion(Sitemap.paths(for: site))
        sitePaths.formUnion([Routes.sessionsCSV, Routes.sessionsJSON, Routes.termsJSON, Routes.searchScript])
        for lang in site.config.languages { sitePaths.insert(site.routes.localized(Routes.searchManifest, lang)) }
        return LinkRewriter(routes: site.routes, contentPaths: site.contentPaths, unpublished: unpublished, sitePaths: sitePaths)
    }

    /// Every page, feed and file of the site, each handed to `sink` as soon as it is made;
    /// `report` is told how long each part took, in seconds (`bulletin build --timings`). The
    /// pages and feeds are made while the sitemap, the search index and the open data are
    /// made alongside: those two parts overlap.
    ///
    /// `searchWords`: the articles' body words taken out of `bodies`, let go of as the
    /// search indexes read them; nil reads them from `bodies`. `articleHTML`: the articles'
    /// HTML taken out of `bodies`, let go of as their pages are written (those a feed shows,
    /// once the feeds are made); nil reads it from `bodies`.
    package static func render(
        _ site: Site, bodies: RenderedBodies, searchWords: ReleasableValues<SearchWords>? = nil, articleHTML: ReleasableValues<[UInt8]>? = nil,
        theme: Theme, into sink: some OutputSink, report: (_ part: String, _ seconds: Double) -> Void = { _, _ in }
    ) {
        @Sendable func seconds(since start: ContinuousClock.Instant) -> Double {
            let elapsed = (ContinuousClock.now - start).components
            return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        }
        var start = ContinuousClock.now
        let inputs = RenderInputs(site: site, bodies: bodies, theme: theme, held: articleHTML)
        let feedList = Feed.all(of: site)
        // The articles whose HTML the feeds read after the pages.
        let inFeeds = articleHTML == nil ? [] : Set(feedList.lazy.flatMap(\.articles))
        // When the articles' HTML is let go of as their pages are written, the pages of those
        // no feed shows go first (the plan has the newest first, which the feeds show), and
        // the open data and the search index wait until half of them are written: their
        // records and word lists then take the place of that HTML instead of adding to the
        // render's peak. At 10,000 articles: 345-356 MB against 367-373 MB at the peak, the
        // same time (alternating pairs): the work alongside still ends before the pages.
        let (order, releasing) = articleHTML == nil ? (site.plan, 0) : Self.releaseOrder(site.plan, inFeeds: inFeeds)
        let alongsideMayStart = DispatchSemaphore(value: 0)
        // Memory is given back to the system as the render frees it only when the process
        // goes on after the build (`bulletin check`, the tests): `bulletin build` ends after,
        // and what it gave back it faulted in again (30,000 page faults at 10,000 articles,
        // 0.08 s of the kernel's time, for no lower peak). Read here, on the build's own
        // thread, where it is set.
        let givingBack = !Parallel.processEndsAfter
        report("values", seconds(since: start))
        start = ContinuousClock.now
        let (pagesAndFeeds, others) = Parallel.both({ [start] in
            let pages = PageRenderer(inputs: inputs, pages: site.plan)
            // Each page's data and bytes are freed once it is written, on whichever thread
            // rendered it; what the allocator keeps of them is given back as the pages go.
            let rendered = Atomic<Int>(0)
            // Signalled once: `count` takes each value from 1 to the number of pages once.
            if releasing / 2 == 0 { alongsideMayStart.signal() }
            _ = Parallel.map(order) { page in
                sink.accept(pages.render(page))
                if let articleHTML, let index = Self.releasedArticle(page, inFeeds: inFeeds) { articleHTML.release(index) }
                let count = rendered.wrappingAdd(1, ordering: .relaxed).newValue
                if count == releasing / 2 { alongsideMayStart.signal() }
                if givingBack, count % Self.pagesBetweenGivingBack == 0 { FreedMemory.giveBack() }
            }
            // The pages' cards and contexts are freed on another thread while the render goes
            // on (freeing is serial, and theirs takes long), also when the process ends after
            // the build: the feeds' entries, made next, take the place of what they held (kept,
            // the build's peak grew by a fifth of that, 20 MB at 10,000 articles). The feeds'
            // entries are freed so too, unless the process ends after the build
            // (`Parallel.processEndsAfter`).
            Parallel.release(consume pages)
            let feeds = FeedRenderer(inputs: inputs, feeds: feedList)
            _ = Parallel.map(feeds.feeds) { feed in feeds.files(feed).forEach(sink.accept) }
            Parallel.releaseAtEnd(consume feeds)
            return seconds(since: start)
        }, { [start] in
            // On a thread of its own: its long serial stretches (the search index's postings
            // and chunks, the open data's records) fill the cores the pages leave idle.
            // The sitemap (small) at once; the open data and then the search index once the
            // pages have let go of half the HTML they can (above): waiting for the sitemap too
            // made this part end after the pages. Each part's files are written as soon as
            // they are made, and let go of then. (With one worker, `both` runs the pages first.)
            var others = Sitemap.files(for: site, alternates: inputs.alternates).map { OutputFile(path: $0.path, text: $0.text) }
            others.append(OutputFile(path: Routes.searchScript, text: SearchScript.source))
            _ = Parallel.map(others) { sink.accept($0) }
            alongsideMayStart.wait()
            _ = Parallel.map(OpenData.files(for: site)) { sink.accept($0) }
            for lang in site.config.languages {
                let index = searchWords.map { SearchIndex(inputs: inputs, lang: lang, bodyWords: $0) } ?? SearchIndex(inputs: inputs, lang: lang)
                _ = Parallel.map(index.files.keys.sorted()) { sink.accept(OutputFile(path: $0, text: index.files[$0]!)) }
            }
            // The body words are let go of as scored (a build from scratch).
            if givingBack, searchWords != nil { FreedMemory.giveBack() }
            return seconds(since: start)
        })
        Parallel.releaseAtEnd(consume inputs)
        report("pages, feeds", pagesAndFeeds)
        report("sitemap, search, open data (alongside)", others)
        start = ContinuousClock.now
        _ = Parallel.map(copies(of: site)) { sink.accept($0) }
        report("copies", seconds(since: start))
    }

    /// The article whose HTML is let go of once `page` is written: the page's own, unless a
    /// feed shows it (`inFeeds`, by article index).
    static func releasedArticle(_ page: PlannedPage, inFeeds: Set<Int>) -> Int? {
        guard case .article(let index) = page.subject, !inFeeds.contains(index) else { return nil }
        return index
    }

    /// `plan` in the order a render that lets go of the articles' HTML writes it: the pages
    /// whose HTML is let go of first, then the rest, each in the plan's order; and how many
    /// are first.
    static func releaseOrder(_ plan: [PlannedPage], inFeeds: Set<Int>) -> (order: [PlannedPage], releasing: Int) {
        var (released, rest): ([PlannedPage], [PlannedPage]) = ([], [])
        for page in plan {
            if releasedArticle(page, inFeeds: inFeeds) != nil { released.append(page) } else { rest.append(page) }
        }
        return (released + rest, released.count)
    }

    /// How many pages a render that gives memory back renders between two
    /// `FreedMemory.giveBack()` calls: often enough that a 10,000-article render held less at
    /// its peak (25 MB with glibc's malloc, 15 MB with tcmalloc), rarely enough to cost
    /// nothing measurable (each call takes a few milliseconds). `bulletin build` gives
    /// nothing back (see `render`).
    static let pagesBetweenGivingBack = 1000

    /// The files copied as they are: `Content/static/**` and `Templates/assets/**`.
    package static func copies(of site: Site) -> [OutputFile] {
        site.staticFiles.map { OutputFile(path: $0.path, contents: $0.contents) }
            + site.assets.map { OutputFile(path: Routes.asset($0.path), contents: $0.contents) }
    }
}

/// Renders pages: each page's template with its data, then the layout around it.
package struct PageRenderer: Sendable {
    package let inputs: RenderInputs
    package let contexts: PageContexts
    package let chrome: Chrome

    /// Ready to render `pages` (their cards are made first, once).
    package init(inputs: RenderInputs, pages: [PlannedPage]) {
        self.inputs = inputs
        contexts = PageContexts(inputs: inputs, pages: pages)
        chrome = Chrome(inputs: inputs)
    }

    /// One page.
    package func render(_ planned: PlannedPage) -> OutputFile {
        let theme = inputs.theme
        var context = contexts.context(for: planned)
        var bytes: [UInt8] = []
        theme.pages[planned.kind]!.render(.object(context), library: theme.library, into: &bytes, expectedSize: 16 << 10)
        // The page goes into the layout as the bytes it is: made a String, every byte of every
        // page would be checked again for being UTF-8 (which it is, made of Strings).
        context["content"] = .utf8(bytes)
        let section: String
        if case .object(let page)? = context["page"], case .text(let text)? = page["section"] { section = text } else { section = "" }
        let (header, footer) = chrome.parts(for: planned, section: section)
        context["header"] = .text(header)
        context["footer"] = .text(footer)
        var page: [UInt8] = []
        theme.layout.render(.object(context), library: theme.library, into: &page, expectedSize: bytes.count + (8 << 10))
        return OutputFile(path: Routes.outputFile(planned.path), contents: .bytes(page))
    }
}
