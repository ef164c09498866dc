package import BulletinCore
package import BulletinContent
package import BulletinMarkdown
package import BulletinResolve
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Markdown of every article, page and registry entry, rendered once before any page,
/// because lists need every article's summary.
package struct RenderedBodies: Sendable {
    /// By index into `Site.articles`.
    package var articles: [MarkdownDocument]
    /// By index into `Site.pages`.
    package var pages: [MarkdownDocument]
    /// By registry entry path (`agencies/kisa.md`), and by the path of each of its
    /// descriptions in another language (`agencies/kisa.ko.md`).
    package var entries: [String: MarkdownDocument]
    /// What each body's rendering found, by content path (a render enters only the bodies
    /// that found something).
    package private(set) var findings: [String: Findings]
    /// The keys of `findings` that found something, in code-point order, sorted once
    /// (`bulletin serve` lists every finding after each edit). Most bodies find nothing:
    /// sorting all 10,000 articles' paths was a serial stretch of a large build.
    private var findingsOrder: [String]
    /// The content paths whose bodies were rendered now, not taken from the memo; nil when
    /// all were.
    package var changed: Set<String>?

    package init(articles: [MarkdownDocument], pages: [MarkdownDocument], entries: [String: MarkdownDocument], findings: [String: Findings]) {
        self.articles = articles
        self.pages = pages
        self.entries = entries
        self.findings = findings
        findingsOrder = findings.compactMap { $0.value.isEmpty ? nil : $0.key }.sorted { $0.codePointPrecedes($1) }
    }

    /// An article's body and the text it is part of (messages quote its lines).
    package typealias ArticleText = (body: Substring, source: SourceText)

    /// Takes the articles' search words out of their documents, by article index: the
    /// search index alone reads them, and a build from scratch lets go of them once the index
    /// has read them instead of holding them to the end of the render.
    package mutating func takeSearchWords() -> [SearchWords?] {
        var words: [SearchWords?] = []
        words.reserveCapacity(articles.count)
        for index in articles.indices {
            words.append(articles[index].searchWords)
            articles[index].searchWords = SearchWords()
        }
        return words
    }

    /// Takes the articles' HTML out of their documents, by article index, for a build from
    /// scratch to let go of each once its page and feeds are written.
    package mutating func takeArticleHTML() -> [[UInt8]?] {
        var html: [[UInt8]?] = []
        html.reserveCapacity(articles.count)
        for index in articles.indices {
            html.append(articles[index].htmlUTF8)
            articles[index].htmlUTF8 = []
        }
        return html
    }

    /// Takes in what rendering one body again found.
    package mutating func replaceFindings(_ found: Findings, for path: String) {
        findings[path] = found.isEmpty ? nil : found
        // Where the path is, or would be, in the order: the first place not before it.
        var low = 0
        var high = findingsOrder.count
        while low < high {
            let middle = (low + high) / 2
            if findingsOrder[middle].codePointPrecedes(path) { low = middle + 1 } else { high = middle }
        }
        let listed = low < findingsOrder.count && findingsOrder[low] == path
        if found.isEmpty, listed {
            findingsOrder.remove(at: low)
        } else if !found.isEmpty, !listed {
            findingsOrder.insert(path, at: low)
        }
    }

    /// Every fragment to check, in content-path order.
    package var allFragments: [FragmentCheck] {
        findingsOrder.flatMap { findings[$0]!.fragments }
    }

    /// Every finding, in content-path order.
    package var allFindings: Findings {
        var all = Findings()
        for path in findingsOrder {
            let found = findings[path]!
            all.diagnostics += found.diagnostics
            all.fragments += found.fragments
            all.externalLinks += found.externalLinks
        }
        return all
    }

    /// What rendering the bodies found besides the HTML.
    package struct Findings: Sendable {
        package var diagnostics: [Diagnostic] = []
        package var fragments: [FragmentCheck] = []
        package var externalLinks: [ExternalLink] = []

        /// Whether nothing was found.
        package var isEmpty: Bool { diagnostics.isEmpty && fragments.isEmpty && externalLinks.isEmpty }
    }

    /// Renders every body in parallel. Broken links are errors at their line and column;
    /// raw HTML and images without alt text are warnings.
    package static func render(_ site: Site, rewriter: LinkRewriter, collectExternalLinks: Bool) -> RenderedBodies {
        var memo: BodyMemo?
        return render(site, rewriter: rewriter, collectExternalLinks: collectExternalLinks, memo: &memo)
    }

    /// `memo`: the bodies an earlier render of the same site made, reused for a file whose
    /// text is the same, while every link would be rewritten the same
    /// (the same pages, paths and unpublished files); updated for the next time.
    /// `sameLinks`: the caller knows links are rewritten as last time (the same resolved
    /// site), which spares comparing the link settings; with `edited`, the content paths
    /// whose text may have changed since (`ParsedContent.changed`), only those bodies are
    /// looked at, and the last result is updated in place. `articleTexts`: the articles' bodies
    /// and texts, by article index, taken out of `site` by a build from scratch, each let go
    /// of once its body is rendered (nil: read from `site`; never with a memo).
    package static func render(
        _ site: Site, rewriter: LinkRewriter, collectExternalLinks: Bool, memo: inout BodyMemo?, sameLinks: Bool = false,
        edited: Set<String>? = nil, articleTexts: ReleasableValues<ArticleText>? = nil
    ) -> RenderedBodies {
        if sameLinks, let edited, memo?.links?.collectExternalLinks == collectExternalLinks, var last = memo?.last {
            memo!.last = nil  // so that `last` is the only owner of its arrays
            last.changed = []
            takeIn(edited, site: site, rewriter: rewriter, collectExternalLinks: collectExternalLinks, memo: &memo!, into: &last)
            memo!.last = last
            return last
        }
        // How links are rewritten now against the last render, compared once (the caller's
        // `sameLinks` spares it): the same settings, only some site paths added or removed
        // (a new series, a new year), or more.
        let now = BodyMemo.LinkSettings(rewriter, collectExternalLinks: collectExternalLinks)
        let sameSettings = sameLinks && memo?.links?.collectExternalLinks == collectExternalLinks || memo?.links == now
        let pathChange = sameSettings ? nil : memo?.links.flatMap { BodyMemo.SitePathChange(from: $0, to: now) }
        // Pages moved (an article's date, terms or series changed), but every link is rewritten
        // as before (the same settings, or only site paths that no link read) and the bodies
        // are those of the same files: the last bodies put in the site's new order, and the
        // edited files' rendered again where their text changed, without looking at every body.
        if let edited, memo?.links != nil,
           sameSettings || pathChange.map({ change in memo!.bodies.values.allSatisfy { !$0.read(change) } }) == true,
           let last = memo!.last.take(),  // so that the result is the only owner of its arrays
           var reordered = reordered(last, for: site, memo: &memo!) {
            memo!.links = now
            reordered.changed = []
            takeIn(edited, site: site, rewriter: rewriter, collectExternalLinks: collectExternalLinks, memo: &memo!, into: &reordered)
            memo!.last = reordered
            return reordered
        }
        enum Job: Sendable {
            case article(Int)
            case page(Int)
            /// By the index of its taxonomy (`site.dialogues` after the others) and of its term.
            case entry(RegistryEntry, taxonomy: Int, term: Int)
            /// A description in another language (`kisa.ko.md`), by its term's place and its language.
            case translation(RegistryTranslation, taxonomy: Int, term: Int)
        }
        var jobs: [Job] = site.articles.indices.map(Job.article) + site.pages.indices.map(Job.page)
        for (taxonomyIndex, taxonomy) in (site.taxonomies + [site.dialogues]).enumerated() {
            for (termIndex, term) in taxonomy.terms.enumerated() {
                if let entry = term.entry { jobs.append(.entry(entry, taxonomy: taxonomyIndex, term: termIndex)) }
                for lang in term.translations.keys.sorted() {
                    jobs.append(.translation(term.translations[lang]!, taxonomy: taxonomyIndex, term: termIndex))
                }
            }
        }
        let inputs = jobs.map { job -> (body: Substring, firstLine: Int, path: String, source: SourceText, article: Int?) in
            switch job {
            case .article(let index):
                let article = site.articles[index].article
                return (article.body, article.bodyFirstLine, article.path, article.source, index)
            case .page(let index):
                let page = site.pages[index].page
                return (page.body, page.bodyFirstLine, page.path, page.source, nil)
            case .entry(let entry, _, _):
                return (entry.body, entry.bodyFirstLine, entry.path, entry.source, nil)
            case .translation(let translation, _, _):
                return (translation.body, translation.bodyFirstLine, translation.path, translation.source, nil)
            }
        }
        // When the pages, paths or unpublished files changed (an article moved, a series
        // appeared), a kept body is checked link by link: most bodies link to nothing that
        // moved, and rewriting their links is far cheaper than rendering them again (when only
        // site paths changed, only the links that read one of them).
        let checkLinks = memo != nil && !sameSettings
        if checkLinks {
            if memo!.links?.collectExternalLinks != collectExternalLinks { memo!.bodies = [:] }
            memo!.links = now
        }
        let earlier = memo?.bodies ?? [:]
        let keepingDecisions = memo != nil
        memo?.bodies = [:]  // so that `earlier` is the only owner of the bodies, updated in place below
        let results = Parallel.map(inputs) { input -> (MarkdownDocument, Findings, fresh: [BodyMemo.LinkDecision]?) in
            // The body and its first line come from the file's text: the same text, the same body.
            if let known = earlier[input.path], known.text == input.source.text,
               !checkLinks || known.linksHold(rewriter, from: input.path, onlyPaths: pathChange) {
                return (known.document, known.findings, nil)
            }
            // A held text is taken here, and freed when its body is rendered.
            let (body, source) = input.article.flatMap { articleTexts?.take($0) } ?? (input.body, input.source)
            // Without a memo (a build), links' decisions are not recorded at all: nothing reads
            // them, and kept with the results they were freed one body after another, on one
            // thread, once every body was rendered.
            let (document, findings, decisions) = renderOne(
                body, firstLine: input.firstLine, path: input.path, source: source, rewriter: rewriter,
                collectExternalLinks: collectExternalLinks, keepingDecisions: keepingDecisions)
            return (document, findings, decisions)
        }
        // The memo, updated in place: the bodies rendered now, and those gone.
        var changed: Set<String>?
        if memo != nil {
            changed = []
            memo!.bodies = earlier
            for (input, result) in zip(inputs, results) {
                guard let decisions = result.fresh else { continue }
                memo!.bodies[input.path] = .init(text: input.source.text, document: result.0, findings: result.1, decisions: decisions)
                changed!.insert(input.path)
            }
            if memo!.bodies.count != inputs.count {
                let present = Set(inputs.map(\.path))
                for path in memo!.bodies.keys where !present.contains(path) { memo!.bodies.removeValue(forKey: path) }
            }
        }
        var findings: [String: Findings] = [:]
        var articles: [MarkdownDocument] = []
        var pages: [MarkdownDocument] = []
        var entries: [String: MarkdownDocument] = [:]
        // Only what found something is kept: most bodies find nothing, and 10,000 paths
        // hashed into the table were a serial stretch of a large build.
        for (job, (document, found, _)) in zip(jobs, results) {
            switch job {
            case .article(let index):
                articles.append(document)
                if !found.isEmpty { findings[site.articles[index].article.path] = found }
            case .page(let index):
                pages.append(document)
                if !found.isEmpty { findings[site.pages[index].page.path] = found }
            case .entry(let entry, _, _):
                entries[entry.path] = document
                if !found.isEmpty { findings[entry.path] = found }
            case .translation(let translation, _, _):
                entries[translation.path] = document
                if !found.isEmpty { findings[translation.path] = found }
            }
        }
        var bodies = RenderedBodies(articles: articles, pages: pages, entries: entries, findings: findings)
        bodies.changed = changed
        if memo != nil {
            var slots: [String: BodyMemo.Slot] = [:]
            for (job, input) in zip(jobs, inputs) {
                switch job {
                case .article(let index): slots[input.path] = .article(index)
                case .page(let index): slots[input.path] = .page(index)
                case .entry(_, let taxonomy, let term): slots[input.path] = .entry(taxonomy: taxonomy, term: term)
                case .translation(let translation, let taxonomy, let term):
                    slots[input.path] = .translation(taxonomy: taxonomy, term: term, lang: translation.lang)
                }
            }
            memo!.slots = slots
            memo!.last = bodies
        }
        return bodies
    }

    /// `last` with its articles and pages in `site`'s order, and the memo's slots numbered so,
    /// when the site's bodies are those of the same files; nil when a file came or went.
    private static func reordered(_ last: consuming RenderedBodies, for site: Site, memo: inout BodyMemo) -> RenderedBodies? {
        var slots: [String: BodyMemo.Slot] = [:]
        slots.reserveCapacity(memo.slots.count)
        var bodies = last
        let (articles, pages) = (bodies.articles, bodies.pages)
        bodies.articles = []
        bodies.articles.reserveCapacity(site.articles.count)
        for (index, published) in site.articles.enumerated() {
            guard case .article(let before)? = memo.slots[published.article.path] else { return nil }
            bodies.articles.append(articles[before])
            slots[published.article.path] = .article(index)
        }
        bodies.pages = []
        for (index, published) in site.pages.enumerated() {
            guard case .page(let before)? = memo.slots[published.page.path] else { return nil }
            bodies.pages.append(pages[before])
            slots[published.page.path] = .page(index)
        }
        for (taxonomyIndex, taxonomy) in (site.taxonomies + [site.dialogues]).enumerated() {
            for (termIndex, term) in taxonomy.terms.enumerated() {
                if let entry = term.entry {
                    guard case .entry? = memo.slots[entry.path] else { return nil }
                    slots[entry.path] = .entry(taxonomy: taxonomyIndex, term: termIndex)
                }
                for (lang, translation) in term.translations {
                    guard case .translation? = memo.slots[translation.path] else { return nil }
                    slots[translation.path] = .translation(taxonomy: taxonomyIndex, term: termIndex, lang: lang)
                }
            }
        }
        guard slots.count == memo.slots.count else { return nil }
        memo.slots = slots
        return bodies
    }

    /// Renders again the bodies of the `edited` files whose text changed, into `bodies` and
    /// the memo, and adds them to `bodies.changed`.
    private static func takeIn(
        _ edited: Set<String>, site: Site, rewriter: LinkRewriter, collectExternalLinks: Bool, memo: inout BodyMemo,
        into bodies: inout RenderedBodies
    ) {
        for path in edited {
            guard let slot = memo.slots[path] else { continue }  // no body on the site (a draft)
            let (body, firstLine, source): (Substring, Int, SourceText) = switch slot {
            case .article(let index): (site.articles[index].article.body, site.articles[index].article.bodyFirstLine, site.articles[index].article.source)
            case .page(let index): (site.pages[index].page.body, site.pages[index].page.bodyFirstLine, site.pages[index].page.source)
            case .entry(let taxonomy, let term):
                { entry in (entry.body, entry.bodyFirstLine, entry.source) }(site.registryEntry(taxonomy: taxonomy, term: term))
            case .translation(let taxonomy, let term, let lang):
                { translation in (translation.body, translation.bodyFirstLine, translation.source) }(
                    site.registryTranslation(taxonomy: taxonomy, term: term, lang: lang))
            }
            if memo.bodies[path]?.text == source.text { continue }
            let (document, findings, decisions) = renderOne(
                body, firstLine: firstLine, path: path, source: source, rewriter: rewriter, collectExternalLinks: collectExternalLinks,
                keepingDecisions: true)
            memo.bodies[path] = .init(text: source.text, document: document, findings: findings, decisions: decisions!)
            switch slot {
            case .article(let index): bodies.articles[index] = document
            case .page(let index): bodies.pages[index] = document
            case .entry, .translation: bodies.entries[path] = document
            }
            bodies.replaceFindings(findings, for: path)
            bodies.changed!.insert(path)
        }
    }

    /// The bodies rendered last time, for `bulletin serve`'s full rebuilds.
    package struct BodyMemo: Sendable {
        /// Everything a link's rewriting depends on besides the link.
        package struct LinkSettings: Equatable, Sendable {
            package let baseURL: BaseURL
            package let contentPaths: [String: String]
            package let sitePaths: Set<String>
            package let unpublished: Unpublished
            package let collectExternalLinks: Bool

            package init(_ rewriter: LinkRewriter, collectExternalLinks: Bool) {
                baseURL = rewriter.routes.baseURL
                contentPaths = rewriter.contentPaths
                sitePaths = rewriter.sitePaths
                unpublished = rewriter.unpublished
                self.collectExternalLinks = collectExternalLinks
            }
        }

        package struct Body: Sendable {
            /// The whole file's text (its path is the key).
            package let text: String
            package let document: MarkdownDocument
            package let findings: Findings
            /// How each of its links was rewritten, in order.
            let decisions: [LinkDecision]

            /// Whether `rewriter` rewrites every link of the body as before. `onlyPaths`: the
            /// rewriter differs from the last only in these site paths (added or removed), so
            /// that a link that read none of them, nor a folder of theirs, is rewritten as before.
            func linksHold(_ rewriter: LinkRewriter, from path: String, onlyPaths: SitePathChange?) -> Bool {
                decisions.allSatisfy { decision in
                    guard decision.readsSite else { return true }
                    if let onlyPaths, !decision.read(onlyPaths) { return true }
                    let (result, target) = rewriter.rewrite(decision.destination, from: path)
                    return result == decision.result && target == decision.target
                }
            }

            /// Whether a link of the body read one of `change`'s paths or folders.
            func read(_ change: SitePathChange) -> Bool {
                decisions.contains { $0.readsSite && $0.read(change) }
            }
        }

        /// A link of a body and what became of it.
        struct LinkDecision: Sendable {
            let destination: String
            let result: LinkRewriter.Result
            let target: LinkRewriter.Target?
            /// Whether the result depends on the site (`LinkRewriter.readsSite`), and what it
            /// read of the site's paths.
            let readsSite: Bool
            let reads: LinkRewriter.SiteReads

            /// Whether it read one of `change`'s paths or folders.
            func read(_ change: SitePathChange) -> Bool {
                reads.read(any: change.paths, inFolders: change.folders)
            }
        }

        /// The site paths added or removed since the last render, when nothing else the
        /// links read changed, with their first folders (`LinkRewriter.SiteReads`).
        struct SitePathChange: Sendable {
            let paths: Set<String>
            let folders: Set<String>

            /// Nil when more than the site's paths changed, or more than a few hundred of them
            /// (then every link is rewritten again).
            init?(from earlier: LinkSettings, to now: LinkSettings) {
                guard earlier.baseURL == now.baseURL, earlier.collectExternalLinks == now.collectExternalLinks,
                      earlier.contentPaths == now.contentPaths, earlier.unpublished == now.unpublished else { return nil }
                let changed = earlier.sitePaths.symmetricDifference(now.sitePaths)
                guard changed.count <= 256 else { return nil }
                paths = changed
                folders = Set(changed.map(LinkRewriter.firstFolder))
            }
        }

        /// Nil before the first render.
        package var links: LinkSettings?
        package var bodies: [String: Body] = [:]
        /// The last result, and where each content path's body sits in it, to update in
        /// place when only texts changed.
        var last: RenderedBodies?
        var slots: [String: Slot] = [:]

        enum Slot: Sendable {
            case article(Int)
            case page(Int)
            /// By the index of its taxonomy (`site.dialogues` after the others) and of its term.
            case entry(taxonomy: Int, term: Int)
            case translation(taxonomy: Int, term: Int, lang: String)
        }

        package init() {}
    }

    /// The lines (counted from 0) that start a footnote's note, `[^label]: ...`, outside fenced
    /// code, with the label as a mark writes it (`^1`).
    static func footnoteNotes(in body: Substring) -> [(offset: Int, label: String)] {
        // Nearly every body has no `^` at all: found by memchr, not by a string search over
        // the 80 MB of a large site's bodies.
        var body = body
        guard body.withUTF8(Self.mayHaveFootnoteMark) else { return [] }
        var result: [(offset: Int, label: String)] = []
        var fence: Substring?
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                // Closed by a run of the same character at least as long.
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
                continue
            }
            // Up to three spaces before it, as CommonMark allows for a link definition.
            guard line.count - trimmed.count <= 3, trimmed.hasPrefix("[^"), let close = trimmed.firstIndex(of: "]"),
                  trimmed[trimmed.index(after: close)...].hasPrefix(":")
            else { continue }
            let label = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 1)..<close]
            if label.count > 1, !label.contains(" ") { result.append((offset, String(label))) }
        }
        return result
    }

    /// Whether `[^` occurs in the bytes.
    private static func mayHaveFootnoteMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while let caret = bytes.offset(of: UInt8(ascii: "^"), from: offset) {
            if caret > 0, bytes[caret - 1] == UInt8(ascii: "[") { return true }
            offset = caret + 1
        }
        return false
    }

    /// One body: its HTML, the problems with its links, images and raw HTML, and, when
    /// `keepingDecisions` (for the memo), how each of its links was rewritten, in order (the
    /// body renders the same while its text and these stay the same); nil otherwise.
    static func renderOne(
        _ body: Substring, firstLine: Int, path: String, source: SourceText, rewriter: LinkRewriter,
        collectExternalLinks: Bool, keepingDecisions: Bool
    ) -> (MarkdownDocument, Findings, [BodyMemo.LinkDecision]?) {
        var findings = Findings()
        var decisions: [BodyMemo.LinkDecision]? = keepingDecisions ? [] : nil
        let document = Markdown.render(body, firstLine: firstLine) { link in
            var reads = LinkRewriter.SiteReads()
            let (result, target) = rewriter.rewrite(link.destination, from: path, reads: &reads)
            if keepingDecisions {
                decisions!.append(BodyMemo.LinkDecision(
                    destination: link.destination, result: result, target: target,
                    readsSite: LinkRewriter.readsSite(link.destination), reads: reads))
            }
            if let target {
                findings.fragments.append(FragmentCheck(
                    target: target, destination: link.destination, line: link.line, column: link.column, source: source))
            }
            // `[^1]` with a line `[^1]: a note`: a footnote in Markdown that has them (Hugo's,
            // Zola's); CommonMark reads the line as a link definition, and `[^1]` as a link to
            // the note's first word. Said so, instead of only "no such page".
            // (Its first byte asked first: counting every link's characters, and writing the
            // hint for every link, cost more than the rest of the link's check.)
            let footnote = !link.isImage && link.text.utf8.first == UInt8(ascii: "^") && link.text.count > 1 && link.text.hasPrefix("^")
                && !link.text.contains(where: { $0 == " " || $0 == "]" })
            var footnoteHint: String {
                "write the note in the text (in parentheses) or in a list at the end, and remove the line `[\(link.text)]: ...`"
            }
            switch result {
            case .unchanged, .rewritten:
                if footnote {
                    findings.diagnostics.append(source.diagnostic(
                        .warning, .brokenLink,
                        "'[\(link.text)]' looks like a footnote, which CommonMark does not have: it is published as a link to '\(link.destination)'",
                        line: link.line, column: link.column, hint: footnoteHint))
                }
                if case .rewritten(let destination) = result { return .rewritten(destination) }
                return .unchanged
            case .broken(let message, let hint):
                findings.diagnostics.append(source.diagnostic(
                    .error, .brokenLink,
                    footnote ? "'[\(link.text)]' is a footnote, which CommonMark does not have: `[\(link.text)]: ...` was read as a link definition, and this as a link to '\(link.destination)', which the site does not have" : message,
                    line: link.line, column: link.column, hint: footnote ? footnoteHint : hint))
                return .unchanged
            case .unlinked(let message, let hint):
                findings.diagnostics.append(source.diagnostic(
                    .warning, .brokenLink, message, line: link.line, column: link.column, hint: hint))
                return .unlink
            case .unsafe(let scheme):
                findings.diagnostics.append(source.diagnostic(
                    .warning, .unsafeLink,
                    link.isImage
                        ? "this image's address uses \(scheme):, which Bulletin never publishes; its alt text is published instead"
                        : "this link's address uses \(scheme):, which Bulletin never publishes; its text is published without the link",
                    line: link.line, column: link.column,
                    hint: scheme == "data"
                        ? "put the file in Content/static/ and link to it from the root, such as /images/map.png"
                        : "\(scheme): addresses can run scripts or open files on the reader's computer; link to an https:// page, or remove the link"))
                return .unlink
            }
        }
        // A footnote's note that CommonMark does not take for a link definition (it has more
        // than one word) is published as a paragraph, its `[^1]` marks as text: said once per
        // note, unless its mark was reported as a link above.
        let reported = Set(document.links.filter { !$0.isImage && $0.text.hasPrefix("^") }.map(\.text))
        for (offset, label) in footnoteNotes(in: body) where !reported.contains(label) {
            findings.diagnostics.append(source.diagnostic(
                .warning, .brokenLink,
                "'[\(label)]:' starts a footnote, which CommonMark does not have: it is not published as one",
                line: firstLine + offset, column: 1,
                hint: "write the note in the text (in parentheses) or in a list at the end, without `[\(label)]`"))
        }
        for link in document.links {
            if link.isImage && link.text.trimmingWhitespace.isEmpty {
                findings.diagnostics.append(source.diagnostic(
                    .warning, .missingAltText, "this image has no alt text", line: link.line, column: link.column,
                    hint: "describe the image for readers who cannot see it: ![Delegations at the table](\(link.destination))"))
            }
            let lower = link.destination.lowercased()
            // An address reported above as one a browser cannot follow is not fetched too.
            if collectExternalLinks, lower.hasPrefix("http://") || lower.hasPrefix("https://"),
               WebAddress.problem(with: link.destination, encodesCharacters: true) == nil {
                findings.externalLinks.append(ExternalLink(
                    url: link.destination, location: SourceLocation(file: source.file, line: link.line, column: link.column),
                    sourceLine: source.line(link.line)))
            }
        }
        for html in document.rawHTML {
            let position = html.position
            if html.text.lowercased().filter({ !$0.isWhitespace }) == "<!--more-->" {
                // Hugo's (and Jekyll's) summary divider.
                findings.diagnostics.append(source.diagnostic(
                    .warning, .rawHTMLDropped, "`<!--more-->` marks a summary in Hugo; Bulletin does not read it, and leaves it out",
                    line: position.line, column: position.column,
                    hint: "write the summary in the front matter, `summary: One or two sentences.`, and remove this line; without `summary:`, the first paragraph is the summary"))
                continue
            }
            findings.diagnostics.append(source.diagnostic(
                .warning, .rawHTMLDropped, "raw HTML is not published: Bulletin leaves it out for safety",
                line: position.line, column: position.column,
                hint: "write it in Markdown instead (**bold**, [link](url), ![image](url))"))
        }
        return (document, findings, decisions)
    }
}
