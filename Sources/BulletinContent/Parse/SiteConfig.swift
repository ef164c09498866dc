import BulletinCore

/// `Content/site.yaml`: the site's settings.
public struct SiteConfig: Sendable {
    public var title: String
    public var baseURL: BaseURL
    public var description: String
    /// The default language (BCP 47).
    public var language: String
    /// Every language the site publishes, the default first.
    public var languages: [String]
    public var perPage: Int
    /// The number of entries in each feed.
    public var feedLimit: Int
    /// The taxonomies' names: each is a front-matter key, a folder and a URL segment.
    public var taxonomies: [String]
    public var params: [String: ParamValue]

    package static let defaultTaxonomies = ["agencies", "frameworks", "threats"]
    package static let knownKeys = ["title", "baseURL", "description", "language", "languages", "perPage", "feedLimit", "taxonomies"]
    /// Names a taxonomy cannot take: the other folders and URLs of a site, and article keys.
    package static let unavailableTaxonomyNames = Set([
        "articles", "dialogues", "pages", "static", "search", "assets", "page", "feed",
    ] + Article.fixedKeys)
}

/// The absolute http(s) URL a site is published at.
public struct BaseURL: Sendable, Hashable {
    /// `https://bulletin.example.org` (scheme, host and port; no trailing slash).
    public let origin: String
    /// The path the site lives under, with slashes at both ends: `/` or `/bulletin/`.
    public let path: String

    /// Parses an absolute http or https URL without query or fragment; nil otherwise.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace
        let lower = trimmed.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("https://") {
            schemeLength = 8
        } else if lower.hasPrefix("http://") {
            schemeLength = 7
        } else {
            return nil
        }
        let rest = trimmed.dropFirst(schemeLength)
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = rest[..<hostEnd]
        guard !host.isEmpty, !host.contains("@"), !host.contains(" "),
              host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]".contains($0)) })
        else { return nil }
        var path = String(rest[hostEnd...])
        guard !path.contains("?"), !path.contains("#"), !path.contains(" "), !path.contains("\\") else { return nil }
        if path.isEmpty { path = "/" }
        if !path.hasSuffix("/") { path += "/" }
        origin = lower.prefix(schemeLength) + host.lowercased()
        self.path = path
    }

    /// The whole URL: `https://bulletin.example.org/bulletin/`.
    public var absolute: String { origin + path }
}
