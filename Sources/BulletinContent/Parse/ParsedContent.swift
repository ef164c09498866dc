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
}

/// What parsing each file gave, kept by `bulletin serve` between full rebuilds so that only
/// files whose bytes changed are parsed again. Valid for one `site.yaml` (and base URL).
package struct ParseMemo: Sendable {
    fileprivate var settings: [UInt8]?
    fileprivate var files: [String: (bytes: [UInt8], parsed: ContentParser.Parsed, problems: [Diagnostic])] = [:]

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
        var diagnostics: [Diagnostic] = []

        let config: SiteConfig
        if let file = tree.content.first(where: { $0.path == "site.yaml" }) {
            let (decoded, problems) = SiteConfig.decode(file, baseURLOverride: baseURLOverride)
            config = decoded
            diagnostics += problems
        } else {
            let nearMiss = tree.content.first { ["site.yml", "site.yaml.txt", "Site.yaml", "config.yaml", "hugo.yaml"].contains($0.path) }
            diagnostics.append(Diagnostic(
                .error, .missingSiteConfig, "the site has no site.yaml",
                at: SourceLocation(file: tree.contentRoot + "/site.yaml"),
                hint: nearMiss.map { "rename \($0.displayPath) to site.yaml" }
                    ?? "create it with at least `title: ...` and `baseURL: https://...`"))
            config = SiteConfig.fallback(baseURL: baseURLOverride)
        }

        // Classify every file by where it sits.
        enum Job: Sendable {
            case article(SourceFile)
            case page(SourceFile)
            case entry(SourceFile, taxonomy: String)
            case translation(SourceFile, taxonomy: String)
        }
        let registryNames = config.taxonomies + ["dialogues"]
        let knownFolders = ["articles", "pages", "static"] + registryNames
        var jobs: [Job] = []
        for file in tree.content where file.path != "site.yaml" {
            let components = file.path.split(separator: "/").map(String.init)
            let top = components[0]
            let isMarkdown = file.path.hasSuffix(".md")
            if components.count == 1 {
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
                if isMarkdown && components.count == 2 && file.path.lastPathComponent.dropLast(3).contains(".") {
                    jobs.append(.translation(file, taxonomy: top))
                } else if isMarkdown && components.count == 2 {
                    jobs.append(.entry(file, taxonomy: top))
                } else {
                    diagnostics.append(unexpected(file, hint: "registry entries sit directly in \(top)/, one `<id>.md` a term"))
                }
            } else {
                let suggestion = EditDistance.closest(to: top, among: knownFolders, limit: 3, count: 1).first
                var hint = "Bulletin reads \(knownFolders.map { $0 + "/" }.joined(separator: ", ")) and site.yaml"
                if let suggestion {
                    hint = "did you mean \(suggestion)/?"
                } else if isMarkdown && components.count == 2 {
                    hint = "to make '\(top)' a taxonomy, add it to `taxonomies` in site.yaml"
                }
                diagnostics.append(unexpected(file, hint: hint))
            }
        }

        // Parsing a file depends on its bytes and on site.yaml (taxonomies, languages) and
        // the base URL override; nothing else.
        let settings = (tree.content.first { $0.path == "site.yaml" }?.bytes ?? []) + Array((baseURLOverride?.absolute ?? "").utf8)
        let earlier = memo.flatMap { $0.settings == settings ? $0.files : nil } ?? [:]
        // The file names of each registry, so that a suggested new name is a free one.
        var registryFileIDs: [String: Set<String>] = [:]
        for case .entry(let file, let taxonomy) in jobs {
            registryFileIDs[taxonomy, default: []].insert(file.path.lastPathComponent.deletingPathExtension)
        }
        let takenIDs = registryFileIDs
        let results = Parallel.map(jobs) { job -> (Parsed, [Diagnostic]) in
            let file: SourceFile = switch job {
            case .article(let file), .page(let file), .entry(let file, _), .translation(let file, _): file
            }
            // A registry file with an invalid name is parsed again: its hint names a free name,
            // which depends on the other files.
            if let known = earlier[file.path], known.bytes == file.bytes,
               !(file.path.hasSuffix(".md") && !file.path.hasPrefix("articles/") && !file.path.hasPrefix("pages/")
                   && !RegistryEntry.isValidID(file.path.lastPathComponent.deletingPathExtension)) {
                return (known.parsed, known.problems)
            }
            switch job {
            case .article(let file):
                let (article, problems) = Article.decode(file, config: config)
                return (.article(article), problems)
            case .page(let file):
                let (page, problems) = Page.decode(file, config: config)
                return (.page(page), problems)
            case .entry(let file, let taxonomy):
                let (entry, problems) = RegistryEntry.decode(file, taxonomy: taxonomy, takenIDs: takenIDs[taxonomy] ?? [])
                return (.entry(entry), problems)
            case .translation(let file, let taxonomy):
                let (translation, problems) = RegistryTranslation.decode(file, taxonomy: taxonomy, config: config)
                return (.translation(translation), problems)
            }
        }

        var articles: [Article] = []
        var pages: [Page] = []
        var registries: [String: [RegistryEntry]] = [:]
        var registryTranslations: [String: [RegistryTranslation]] = [:]
        for name in registryNames where tree.contentFolders.contains(name) {
            registries[name] = []
        }
        if memo != nil {
            var next = ParseMemo()
            next.settings = settings
            for (job, result) in zip(jobs, results) {
                let file: SourceFile = switch job {
                case .article(let file), .page(let file), .entry(let file, _), .translation(let file, _): file
                }
                next.files[file.path] = (file.bytes, result.0, result.1)
            }
            memo = next
        }
        for (parsed, problems) in results {
            diagnostics += problems
            switch parsed {
            case .article(let article?): articles.append(article)
            case .page(let page?): pages.append(page)
            case .entry(let entry?): registries[entry.taxonomy, default: []].append(entry)
            case .translation(let translation?): registryTranslations[translation.taxonomy, default: []].append(translation)
            default: break
            }
        }
        let content = ParsedContent(
            config: config, articles: articles, pages: pages, registries: registries,
            registryTranslations: registryTranslations, staticFiles: tree.staticFiles)
        return (content, diagnostics)
    }

    private static func unexpected(_ file: SourceFile, hint: String) -> Diagnostic {
        Diagnostic(
            .warning, .unexpectedFile, "Bulletin does not use this file; it is not published",
            at: SourceLocation(file: file.displayPath), hint: hint)
    }
}
