public import BulletinCore
public import BulletinContent

/// The resolve phase's result: every article, term and page of every language, linked, with
/// its URL, and the plan of every page to render with what each reads. Everything the render
/// phase needs and nothing it must decide.
public struct Site: Sendable {
    public package(set) var config: SiteConfig
    public let routes: Routes
    /// The published articles of every language, newest first (ties by slug, then language).
    public package(set) var articles: [PublishedArticle]
    /// The indices of each language's articles in `articles`, newest first.
    public let articlesByLanguage: [String: [Int]]
    /// The published standalone pages of every language, by language, then slug.
    public package(set) var pages: [PublishedPage]
    /// The taxonomies, in the order of `site.yaml`.
    public package(set) var taxonomies: [Taxonomy]
    /// The dialogue series, a taxonomy of its own.
    public package(set) var dialogues: Taxonomy
    public package(set) var staticFiles: [StaticFile]
    public let assets: [StaticFile]
    /// Site paths by content path (`articles/2025/x.md` -> `articles/x/`), for Markdown links.
    public let contentPaths: [String: String]
    /// Every page to render, in a fixed order, with what it reads.
    public let plan: [PlannedPage]

    /// The articles of `lang`, newest first.
    public func articles(in lang: String) -> [Int] {
        articlesByLanguage[lang] ?? []
    }
}
