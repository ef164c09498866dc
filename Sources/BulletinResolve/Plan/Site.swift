public import BulletinCore
public import BulletinContent
import BulletinMarkdown

/// The resolve phase's result: every article, term and page, linked, with its URL, and the
/// list of every page to render. Everything the render phase needs and nothing it must decide.
public struct Site: Sendable {
    public let config: SiteConfig
    public let routes: Routes
    /// The published articles, newest first (ties by slug).
    public package(set) var articles: [PublishedArticle]
    /// The published standalone pages, by slug.
    public let pages: [PublishedPage]
    /// The taxonomies, in the order of `site.yaml`.
    public let taxonomies: [Taxonomy]
    /// The dialogue series, a taxonomy of its own.
    public let dialogues: Taxonomy
    public let staticFiles: [StaticFile]
    public let assets: [StaticFile]
    /// Site paths by content path (`articles/2025/x.md` -> `articles/x/`), for Markdown links.
    public let contentPaths: [String: String]
    /// Every page to render, in a fixed order.
    public let plan: [PlannedPage]
}

/// An article that is built, with its URL and its resolved terms.
public struct PublishedArticle: Sendable {
    public package(set) var article: Article
    /// `articles/<slug>/`.
    public let path: String
    /// For each taxonomy (in `Site.taxonomies` order), the indices of this article's terms.
    public let terms: [[Int]]
    /// The index of its dialogue series in `Site.dialogues.terms`.
    public let dialogue: Int?
}

/// A standalone page that is built.
public struct PublishedPage: Sendable {
    public let page: Page
    /// `<slug>/`.
    public let path: String
}

/// A taxonomy (or the dialogue series) with all of its terms.
public struct Taxonomy: Sendable {
    public let name: String
    /// For headings: "Agencies".
    public let title: String
    /// `<name>/`.
    public let path: String
    /// Whether `Content/<name>/` exists.
    public let hasRegistry: Bool
    /// Every term: the registered ones and those only referenced; by name, then id.
    public let terms: [Term]
}

/// One term of a taxonomy, or one dialogue series.
public struct Term: Sendable {
    /// The URL segment: the registry id, or the slug of the reference.
    public let id: String
    public let name: String
    public let short: String?
    /// The registry entry, when the term is registered.
    public let entry: RegistryEntry?
    /// `<taxonomy>/<id>/`.
    public let path: String
    /// Indices into `Site.articles`, ascending, that is newest first.
    public let articles: [Int]
}

/// One page the render phase writes.
public struct PlannedPage: Sendable {
    public enum Kind: Sendable, Hashable {
        case home
        /// Page `number` (from 1) of the list of all articles.
        case articleList(number: Int)
        case article(Int)
        case taxonomy(Int)
        /// Page `number` of the term `term` of taxonomy `taxonomy`.
        case term(taxonomy: Int, term: Int, number: Int)
        case dialogues
        case dialogue(Int)
        case page(Int)
        case search
        case notFound
    }

    public let kind: Kind
    /// The site path.
    public let path: String

    package init(kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }
}
