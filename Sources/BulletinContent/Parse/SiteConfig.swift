import BulletinCore

/// `Content/site.yaml`: the site's settings.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var baseURL: BaseURL
    public var description: String
    /// The default language (BCP 47).
    public var language: String
    /// Every language the site publishes, in menu order (the order of `languages`); the
    /// default is among them.
    public var languages: [String]
    /// The site's title and description in a language, from the mapping form of
    /// `languages`; where absent, `title` and `description`.
    public var languageTitles: [String: String] = [:]
    public var languageDescriptions: [String: String] = [:]
    public var perPage: Int
    /// The number of entries in each feed.
    public var feedLimit: Int
    /// The taxonomies' names: each is a front-matter key, a folder and a URL segment.
    public var taxonomies: [String]
    /// `related:`: the limit and weights of related articles.
    public var related = RelatedSettings()
    public var params: [String: ParamValue]

    /// Whether the site publishes more than one language (and has `/<lang>/` folders,
    /// `hreflang` alternates and a language switcher).
    public var isMultilingual: Bool { languages.count > 1 }

    /// The settings without the site's words (its title and description in every language,
    /// its params): what decides the site's structure. An edit of `site.yaml` that leaves it
    /// as it was changes what pages and feeds say, never which there are or where.
    package var structure: SiteConfig {
        var structure = self
        structure.title = ""
        structure.description = ""
        structure.languageTitles = [:]
        structure.languageDescriptions = [:]
        structure.params = [:]
        return structure
    }

    /// The site's title in `lang`.
    public func title(in lang: String) -> String {
        languageTitles[lang] ?? title
    }

    /// The site's description in `lang`.
    public func description(in lang: String) -> String {
        languageDescriptions[lang] ?? description
    }

    package static let defaultTaxonomies = ["agencies", "frameworks", "threats"]
    package static let knownKeys = ["title", "baseURL", "description", "language", "languages", "perPage", "feedLimit", "taxonomies", "related"]
    /// Names a taxonomy cannot take: the other folders and URLs of a site, and article keys.
    package static let unavailableTaxonomyNames = Set([
        "articles", "dialogues", "pages", "static", "search", "assets", "page", "feed", "archive", "data",
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

    /// Whether `text` is an absolute http or https URL a page can link to: a host, and no
    /// white space, quote or angle bracket.
    public static func isAbsoluteWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest = lower.hasPrefix("https://") ? text.dropFirst(8) : lower.hasPrefix("http://") ? text.dropFirst(7) : nil
        guard let rest, let first = rest.first, first != "/" else { return false }
        return text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !"\"<>\\`{}|^".unicodeScalars.contains($0) }
    }

    /// The whole URL: `https://bulletin.example.org/bulletin/`.
    public var absolute: String { origin + path }
}
