public import BulletinCore
public import BulletinResolve
public import BulletinOutput

/// What a build made and found.
public struct BuildResult: Sendable {
    /// Every diagnostic, sorted by file, line and column; warnings are errors under `--strict`.
    public var diagnostics: [Diagnostic]
    /// The output, when there were no errors.
    public var output: OutputTree?
    /// How many pages of each kind were rendered, and how many files copied.
    public var counts: PageCounts
    /// How long each phase took, in order.
    public var timings: [(phase: String, seconds: Double)]
    /// Links to other sites, when the build was asked to collect them.
    public var externalLinks: [ExternalLink] = []
    /// Whether the pages were rendered (no error came before).
    public var rendered = false
    /// Set when the output folder holds files no build wrote, which a build never deletes:
    /// nothing was written (a misuse of `--output`, exit status 2).
    public var refusal: OutputGuard.Refusal?

    public var succeeded: Bool { rendered && !diagnostics.hasErrors }
}

/// The pages of a build, by kind, for the closing line.
public struct PageCounts: Sendable, Equatable {
    public var articles = 0
    public var articleLists = 0
    public var taxonomies = 0
    public var terms = 0
    public var dialogues = 0
    public var pages = 0
    /// The archive's index and its years.
    public var archives = 0
    /// The home page, the dialogue index, the search page and the 404 page.
    public var other = 0
    public var copied = 0

    public var totalPages: Int { articles + articleLists + taxonomies + terms + dialogues + pages + archives + other }

    package init() {}

    package init(_ site: Site) {
        for page in site.plan {
            switch page.kind {
            case .article: articles += 1
            case .articles: articleLists += 1
            case .taxonomy: taxonomies += 1
            case .term: terms += 1
            case .dialogue: dialogues += 1
            case .page: pages += 1
            case .archive, .archiveYear: archives += 1
            case .home, .dialogues, .search, .notFound: other += 1
            }
        }
        copied = site.staticFiles.count + site.assets.count
    }

    /// "245 pages (39 articles, 4 article lists, 3 taxonomies, 84 term pages, 9 dialogue
    /// series, 1 standalone page, 12 archive pages, home, dialogue index, 404) and 2 copied files".
    public var summary: String {
        func count(_ value: Int, _ singular: String, _ plural: String) -> String {
            "\(value) \(value == 1 ? singular : plural)"
        }
        let parts = [
            count(articles, "article", "articles"), count(articleLists, "article list", "article lists"),
            count(taxonomies, "taxonomy index", "taxonomy indexes"), count(terms, "term page", "term pages"),
            count(dialogues, "dialogue series", "dialogue series"), count(pages, "standalone page", "standalone pages"),
            count(archives, "archive page", "archive pages"),
            "home, dialogue index, search and 404",
        ]
        return "\(count(totalPages, "page", "pages")) (\(parts.joined(separator: ", "))) and \(count(copied, "copied file", "copied files"))"
    }
}
