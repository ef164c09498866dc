public import BulletinCore

/// The parse phase's result: every file of Content/ read into typed values.
public struct ParsedContent: Sendable {
    public var config: SiteConfig
    /// Every article that parsed, drafts and future ones included, in path order.
    public var articles: [Article]
    public var pages: [Page]
    /// The registries that exist (their folder does), by taxonomy name or `dialogues`.
    public var registries: [String: [RegistryEntry]]
    /// Registry entries' names and descriptions in other languages (`kisa.ko.md`), by
    /// taxonomy name or `dialogues`.
    public var registryTranslations: [String: [RegistryTranslation]] = [:]
    public var staticFiles: [StaticFile]
    /// The content paths whose parse is new since the memo's (changed, added or removed
    /// files; `site.yaml` when the settings changed but not what the files' parse reads of
    /// them); nil when everything was parsed anew.
    public var changed: Set<String>? = nil

    /// Lets go of the articles' texts (`Article.lettingGoOfText`): read no more once their
    /// bodies are rendered and the messages that quote them made.
    package mutating func lettingGoOfArticleTexts() {
        // On every core: each article's fields are copied into a new box (10,000 articles
        // took one core 20 ms).
        articles = Parallel.map(articles) { $0.lettingGoOfText() }
    }

    /// The same for the pages' texts. Registry files, few and small, keep theirs (the render
    /// reads whether a translation has a body).
    package mutating func lettingGoOfPageTexts() {
        for index in pages.indices {
            pages[index].source = SourceText(file: pages[index].source.file, text: "")
            pages[index].body = ""
            pages[index].frontMatter = ""
            pages[index].keyLocations = .empty
        }
    }
}

/// What parsing each file gave, kept by `bulletin serve` between edits so that only files
/// whose bytes changed are parsed again. The whole last parse is valid for one `site.yaml`
/// (and base URL); a file's parse, for the settings a file's parse reads (`fileSettings`), so
/// that editing the site's title or description parses no article again.
package struct ParseMemo: Sendable {
    fileprivate var settings: [UInt8]?
    fileprivate var fileSettings: String?
    fileprivate var files: [String: (bytes: [UInt8], parsed: ContentParser.Parsed, problems: [Diagnostic])] = [:]
    /// The last parse as a whole, updated in place when the next has the same files (an
    /// edit of one file costs that file, not a pass copying every other).
    fileprivate var last: Last?

    fileprivate struct Last: Sendable {
        /// The content folder's paths and bytes, in the tree's order.
        var paths: [String]
        var bytes: [[UInt8]]
        /// Where each file's parse sits in `content`, by the file's index in the tree.
        var slots: [Slot]
        var content: ParsedContent
        /// site.yaml's problems and those of files Bulletin does not read.
        var leading: [Diagnostic]
        /// How many of `leading` are site.yaml's (they come first).
        var settingsProblems: Int
        /// Each parsed file's problems, by the file's index in the tree.
        var problems: [[Diagnostic]]

        var diagnostics: [Diagnostic] { leading + problems.joined() }
    }

    fileprivate enum Slot: Sendable, Equatable {
        /// site.yaml, or a file Bulletin does not read.
        case unread
        /// A file that did not parse.
        case failed
        case article(Int)
        case page(Int)
        case entry(taxonomy: String, Int)
        case translation(taxonomy: String, Int)
    }

    package init() {}
}

/// The parse phase: classifies the files of Content/ and parses each, in parallel.
public enum ContentParser {
    fileprivate enum Parsed: Sendable {
        case article(Article?)
        case page(Page?)
        case entry(RegistryEntry?)
        case translation(RegistryTranslation?)
    }

    public static func parse(_ tree: SourceTree, baseURLOverride: BaseURL?) -> (ParsedContent, [Diagnostic]) {
        var memo: ParseMemo?
        return parse(tree, baseURLOverride: baseURLOverride, memo: &memo)
    }

    /// `memo`: what an earlier parse of the same site gave, reused for files whose bytes are
    /// the same (and updated for the next time); nil parses everything.
    package static func parse(_ tree: SourceTree, baseURLOverride: BaseURL?, memo: inout ParseMemo?) -> (ParsedContent, [Diagnostic]) {
        // Parsing a file depends on its bytes and on site.yaml (taxonomies, languages) and
        // the base URL override; nothing else.
        let settings = (tree.content.first { $0.path == "site.yaml" }?.bytes ?? []) + Array((baseURLOverride?.absolute ?? "").utf8)
        if memo?.settings == settings, var last = memo?.last {
            memo!.last = nil  // so that `last` is the only owner of its arrays, updated in place
            if update(&last, with: tree) {
                memo!.last = last
                return (last.content, last.diagnostics)
            }
        }
        let (config, settingsProblems) = readSettings(tree, baseURLOverride: baseURLOverride)
        if let known = memo?.fileSettings, known == fileSettings(of: config), var last = memo?.last {
            // site.yaml changed, but not what a file's parse reads of it (the title, the
            // description): the last parse stands, with the new settings.
            memo!.last = nil
            last.content.config = config
            last.leading = settingsProblems + last.leading.dropFirst(last.settingsProblems)
            last.settingsProblems = settingsProblems.count
            if update(&last, with: tree) {
                last.content.changed?.insert("site.yaml")
                memo!.settings = settings
                memo!.last = last
                return (last.content, last.diagnostics)
            }
        }
        var diagnostics = settingsProblems

        // Classify every file by where it sits.
        enum Job: Sendable {
            case article(SourceFile)
            case page(SourceFile)
            case entry(SourceFile, taxonomy: String)
            case translation(SourceFile, taxonomy: String)

            var file: SourceFile {
                switch self {
                case .article(let file), .page(let file), .entry(let file, _), .translation(let file, _): file
                }
            }
        }
        let registryNames = config.taxonomies + ["dialogues"]
        let knownFolders = ["articles", "pages", "static"] + registryNames
        var jobs: [Job] = []
        /// Each job's file's index in the tree.
        var jobFiles: [Int] = []
        for (fileIndex, file) in tree.content.enumerated() where file.path != "site.yaml" {
            let jobsBefore = jobs.count
            defer { if jobs.count > jobsBefore { jobFiles.append(fileIndex) } }
            // The top folder and the depth, from the path's bytes: 10,000 articles are
            // classified here one after the other (a split into Strings took 14 ms).
            let slash = UInt8(ascii: "/")
            let depth = file.path.utf8.reduce(1) { $1 == slash ? $0 + 1 : $0 }
            let top = file.path.utf8.firstIndex(of: slash).map { String(file.path[..<$0]) } ?? file.path
            let isMarkdown = file.path.hasSuffix(".md")
            if depth == 1 {
                if file.path == "site.yml" || (!isMarkdown && file.path.hasPrefix("site.")) { continue }
                diagnostics.append(unexpected(file, hint: isMarkdown
                    ? "articles go in articles/, standalone pages in pages/"
                    : "only site.yaml belongs at the top of the content folder; copied files go in static/"))
            } else if top == "articles" {
                if isMarkdown { jobs.append(.article(file)) } else {
                    diagnostics.append(unexpected(file, hint: "images and other files go in static/, and are linked as /name"))
                }
            } else if top == "pages" {
                if isMarkdown { jobs.append(.page(file)) } else {
                    diagnostics.append(unexpected(file, hint: "images and other files go in static/, and are linked as /name"))
                }
            } else if registryNames.contains(top) {
                if isMarkdown && depth == 2 && file.path.lastPathComponent.dropLast(3).contains(".") {
                    jobs.append(.translation(file, taxonomy: top))
                } else if isMarkdown && depth == 2 {
                    jobs.append(.entry(file, taxonomy: top))
                } else {
                    diagnostics.append(unexpected(file, hint: "registry entries sit directly in \(top)/, one `<id>.md` a term"))
                }
            } else {
                let suggestion = EditDistance.closest(to: top, among: knownFolders, limit: 3, count: 1).first
                var hint = "Bulletin reads \(knownFolders.map { $0 + "/" }.joined(separator: ", ")) and site.yaml"
                if let suggestion {
                    hint = "did you mean \(suggestion)/?"
                } else if isMarkdown && depth == 2 {
                    hint = "to make '\(top)' a taxonomy, add it to `taxonomies` in site.yaml"
                }
                diagnostics.append(unexpected(file, hint: hint))
            }
        }

        let leading = diagnostics
        let fileSettings = fileSettings(of: config)
        let earlier = memo.flatMap { $0.fileSettings == fileSettings ? $0.files : nil } ?? [:]
        memo?.files = [:]  // so that `earlier` is the only owner of the files, updated in place below
        // The file names of each registry, so that a suggested new name is a free one.
        var registryFileIDs: [String: Set<String>] = [:]
        for case .entry(let file, let taxonomy) in jobs {
            registryFileIDs[taxonomy, default: []].insert(file.path.lastPathComponent.deletingPathExtension)
        }
        let takenIDs = registryFileIDs
        // Each file's parse, and whether it was parsed now (false: the memo's, for the same bytes).
        let results = Parallel.map(jobs) { job -> (Parsed, [Diagnostic], fresh: Bool) in
            let file = job.file
            // A registry file with an invalid name is parsed again: its hint names a free name,
            // which depends on the other files.
            if let known = earlier[file.path], known.bytes == file.bytes,
               !(file.path.hasSuffix(".md") && !file.path.hasPrefix("articles/") && !file.path.hasPrefix("pages/")
                   && !RegistryEntry.isValidID(file.path.lastPathComponent.deletingPathExtension)) {
                return (known.parsed, known.problems, false)
            }
            switch job {
            case .article(let file):
                let (article, problems) = Article.decode(file, config: config)
                return (.article(article), problems, true)
            case .page(let file):
                let (page, problems) = Page.decode(file, config: config)
                return (.page(page), problems, true)
            case .entry(let file, let taxonomy):
                let (entry, problems) = RegistryEntry.decode(file, taxonomy: taxonomy, takenIDs: takenIDs[taxonomy] ?? [])
                return (.entry(entry), problems, true)
            case .translation(let file, let taxonomy):
                let (translation, problems) = RegistryTranslation.decode(file, taxonomy: taxonomy, config: config)
                return (.translation(translation), problems, true)
            }
        }

        // The memo's files, updated in place: only the files parsed now, and those gone.
        var changed: Set<String>?
        if memo != nil {
            var files = earlier
            if memo!.settings == settings {
                changed = []
            } else if memo!.fileSettings == fileSettings {
                // site.yaml changed, but not what a file's parse reads of it (the title, the
                // description): every other parse stands, and what follows parsing compares
                // the settings themselves.
                changed = ["site.yaml"]
                memo!.settings = settings
            } else {
                // What every file's parse reads changed: what follows parsing must not take
                // only the files parsed now for all that changed.
                memo!.settings = settings
                memo!.fileSettings = fileSettings
            }
            for (job, result) in zip(jobs, results) where result.fresh {
                let file = job.file
                files[file.path] = (file.bytes, result.0, result.1)
                changed?.insert(file.path)
            }
            if files.count != jobs.count {
                let present = Set(jobs.map(\.file.path))
                for path in files.keys where !present.contains(path) {
                    files.removeValue(forKey: path)
                    changed?.insert(path)
                }
            }
            memo!.files = files
        }
        var content = ParsedContent(
            config: config, articles: [], pages: [], registries: [:], registryTranslations: [:],
            staticFiles: tree.staticFiles, changed: changed)
        for name in registryNames where tree.contentFolders.contains(name) {
            content.registries[name] = []
        }
        var slots = [ParseMemo.Slot](repeating: .unread, count: tree.content.count)
        var problems = [[Diagnostic]](repeating: [], count: tree.content.count)
        for ((parsed, found, _), fileIndex) in zip(results, jobFiles) {
            problems[fileIndex] = found
            slots[fileIndex] = content.append(parsed)
        }
        var last = ParseMemo.Last(
            paths: tree.content.map(\.path), bytes: tree.content.map(\.bytes), slots: slots, content: content,
            leading: leading, settingsProblems: settingsProblems.count, problems: problems)
        if memo != nil { memo!.last = last }
        last.content.changed = changed
        return (last.content, last.diagnostics)
    }

    /// The settings, from site.yaml (or the fallback, with an error, when there is none), and
    /// site.yaml's problems.
    private static func readSettings(_ tree: SourceTree, baseURLOverride: BaseURL?) -> (SiteConfig, [Diagnostic]) {
        if let file = tree.content.first(where: { $0.path == "site.yaml" }) {
            return SiteConfig.decode(file, baseURLOverride: baseURLOverride)
        }
        // A site.yaml the loader refused (a link leading outside) has its error already.
        if tree.refusedContent.contains("site.yaml") { return (SiteConfig.fallback(baseURL: baseURLOverride), []) }
        let nearMiss = tree.content.first { ["site.yml", "site.yaml.txt", "Site.yaml", "config.yaml", "hugo.yaml"].contains($0.path) }
        let missing = Diagnostic(
            .error, .missingSiteConfig, "the site has no site.yaml",
            at: SourceLocation(file: tree.contentRoot + "/site.yaml"),
            hint: nearMiss.map { "rename \($0.displayPath) to site.yaml" }
                ?? "create it with at least `title: ...` and `baseURL: https://...`")
        return (SiteConfig.fallback(baseURL: baseURLOverride), [missing])
    }

    /// What a file's parse reads of the settings: the taxonomies (term keys, reserved slugs),
    /// the languages and the base URL.
    private static func fileSettings(of config: SiteConfig) -> String {
        [
            config.taxonomies.joined(separator: ","), config.languages.joined(separator: ","), config.language,
            config.reservedSlugs.sorted().joined(separator: ","), config.baseURL.absolute,
        ].joined(separator: "\n")
    }

    /// Updates `last` for `tree` when it has the same files: the files whose bytes changed
    /// are parsed again and put in place. False when the files are others, or when a file
    /// that parsed no longer does (or the other way round), which moves everything after it.
    private static func update(_ last: inout ParseMemo.Last, with tree: SourceTree) -> Bool {
        guard last.paths.count == tree.content.count else { return false }
        var edited: [Int] = []
        for (index, file) in tree.content.enumerated() {
            guard file.path == last.paths[index] else { return false }
            if file.bytes != last.bytes[index] { edited.append(index) }
        }
        let config = last.content.config
        last.content.staticFiles = tree.staticFiles
        // A registry entry's problems name free ids, which depend only on which files exist.
        var takenIDs: [String: Set<String>] = [:]
        if edited.contains(where: { if case .entry = last.slots[$0] { true } else { false } }) {
            for (index, slot) in last.slots.enumerated() {
                if case .entry(let taxonomy, _) = slot {
                    takenIDs[taxonomy, default: []].insert(last.paths[index].lastPathComponent.deletingPathExtension)
                }
            }
        }
        // A file Bulletin does not read changes nothing (site.yaml's bytes are the memo's).
        edited.removeAll { last.slots[$0] == .unread }
        if edited.contains(where: { last.slots[$0] == .failed }) { return false }
        let slots = last.slots, taken = takenIDs
        let parses = Parallel.map(edited) { index -> (Int, Parsed, [Diagnostic]) in
            let file = tree.content[index]
            switch slots[index] {
            case .unread, .failed:
                preconditionFailure("left out above")
            case .article:
                let (article, problems) = Article.decode(file, config: config)
                return (index, .article(article), problems)
            case .page:
                let (page, problems) = Page.decode(file, config: config)
                return (index, .page(page), problems)
            case .entry(let taxonomy, _):
                let (entry, problems) = RegistryEntry.decode(file, taxonomy: taxonomy, takenIDs: taken[taxonomy] ?? [])
                return (index, .entry(entry), problems)
            case .translation(let taxonomy, _):
                let (translation, problems) = RegistryTranslation.decode(file, taxonomy: taxonomy, config: config)
                return (index, .translation(translation), problems)
            }
        }
        var changed: Set<String> = []
        for (index, parsed, problems) in parses {
            switch (last.slots[index], parsed) {
            case (.article(let at), .article(let article?)): last.content.articles[at] = article
            case (.page(let at), .page(let page?)): last.content.pages[at] = page
            case (.entry(let taxonomy, let at), .entry(let entry?)): last.content.registries[taxonomy]![at] = entry
            case (.translation(let taxonomy, let at), .translation(let translation?)):
                last.content.registryTranslations[taxonomy]![at] = translation
            default: return false
            }
            last.problems[index] = problems
            last.bytes[index] = tree.content[index].bytes
            changed.insert(last.paths[index])
        }
        last.content.changed = changed
        return true
    }
    fileprivate static func unexpected(_ file: SourceFile, hint: String) -> Diagnostic {
        Diagnostic(
            .warning, .unexpectedFile, "Bulletin does not use this file; it is not published",
            at: SourceLocation(file: file.displayPath), hint: hint)
    }
}

extension ParsedContent {
    /// Adds a file's parse where it belongs, and says where that is.
    fileprivate mutating func append(_ parsed: ContentParser.Parsed) -> ParseMemo.Slot {
        switch parsed {
        case .article(let article?):
            articles.append(article)
            return .article(articles.count - 1)
        case .page(let page?):
            pages.append(page)
            return .page(pages.count - 1)
        case .entry(let entry?):
            registries[entry.taxonomy, default: []].append(entry)
            return .entry(taxonomy: entry.taxonomy, registries[entry.taxonomy]!.count - 1)
        case .translation(let translation?):
            registryTranslations[translation.taxonomy, default: []].append(translation)
            return .translation(taxonomy: translation.taxonomy, registryTranslations[translation.taxonomy]!.count - 1)
        case .article(nil), .page(nil), .entry(nil), .translation(nil):
            return .failed
        }
    }
}
