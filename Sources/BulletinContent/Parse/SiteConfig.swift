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

    /// Parses an absolute http or https URL without query or fragment; nil otherwise
    /// (`problem(with:)` says why).
    public init?(_ text: String) {
        guard case .success(let parts) = Self.parse(text) else { return nil }
        (origin, path) = parts
    }

    /// Why `text` cannot be a base URL ("its path has an empty segment (//)"), or nil.
    public static func problem(with text: String) -> String? {
        guard case .failure(let problem) = parse(text) else { return nil }
        return problem.reason
    }

    private struct Problem: Error {
        let reason: String
    }

    /// The origin and the path (percent-encoded, with slashes at both ends), or why not.
    /// Every link of the site starts with the path: one that could end a link early (a
    /// quote, `<`), read as another host (`//`) or move up (`..`) is refused; letters of any
    /// script are percent-encoded, as slugs are in links.
    private static func parse(_ text: String) -> Result<(origin: String, path: String), Problem> {
        let trimmed = text.trimmingWhitespace
        let lower = trimmed.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("https://") {
            schemeLength = 8
        } else if lower.hasPrefix("http://") {
            schemeLength = 7
        } else {
            return .failure(Problem(reason: "it does not start with https:// or http://"))
        }
        let rest = trimmed.dropFirst(schemeLength)
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<hostEnd]
        guard !authority.isEmpty else { return .failure(Problem(reason: "it has no host")) }
        if authority.contains("@") { return .failure(Problem(reason: "it names a user (@), which a base URL cannot have")) }
        if authority.contains("?") || authority.contains("#") || rest[hostEnd...].contains("?") || rest[hostEnd...].contains("#") {
            return .failure(Problem(reason: "it has a query (?) or a fragment (#), which a base URL cannot have"))
        }
        // host[:port], the host possibly an IPv6 address in brackets.
        var host = authority
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            host = authority[..<colon]
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(port), (1...65535).contains(number) else {
                return .failure(Problem(reason: "its port must be a number from 1 to 65535"))
            }
        }
        // A name of letters, digits, hyphens and dots, or an IPv6 address in brackets.
        let isIPv6 = host.first == "[" && host.last == "]" && host.count > 2
            && host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        guard !host.isEmpty, isIPv6 || host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.".contains($0)) }) else {
            return .failure(Problem(reason: "its host may hold only ASCII letters, digits, hyphens and dots (or an IPv6 address in brackets)"))
        }
        let written = rest[hostEnd...]
        var path = "/"
        for segment in written.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            if segment.isEmpty {
                // Only the last one, after the trailing slash, may be empty.
                if segment.endIndex == written.endIndex { break }
                return .failure(Problem(reason: "its path has an empty segment (//), which links would read as another host"))
            }
            if segment == "." || segment == ".." {
                return .failure(Problem(reason: "its path has a '\(segment)' segment; write the path it leads to"))
            }
            var encoded = ""
            var scalars = segment.unicodeScalars[...]
            while let scalar = scalars.popFirst() {
                if scalar == "%" {
                    let digits = scalars.prefix(2)
                    guard digits.count == 2, digits.allSatisfy({ $0.properties.isASCIIHexDigit }) else {
                        return .failure(Problem(reason: "its path has a % not followed by two hexadecimal digits"))
                    }
                    encoded += "%" + String(String.UnicodeScalarView(digits)).uppercased()
                    scalars = scalars.dropFirst(2)
                } else if scalar.isASCII {
                    // RFC 3986's characters of a path segment: unreserved, sub-delims, : and @.
                    guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~!$&'()*+,;=:@".unicodeScalars.contains(scalar) else {
                        return .failure(Problem(reason: "its path holds '\(scalar.escaped(asASCII: true))', which a URL cannot hold as it is"))
                    }
                    encoded.unicodeScalars.append(scalar)
                } else {
                    guard !scalar.properties.isWhitespace, scalar.properties.generalCategory != .control,
                          scalar.properties.generalCategory != .format
                    else { return .failure(Problem(reason: "its path holds an invisible character")) }
                    for byte in String(scalar).utf8 { encoded += "%" + String(byte, radix: 16, uppercase: true) }
                }
            }
            path += encoded + "/"
        }
        return .success((lower.prefix(schemeLength) + host.lowercased() + authority[host.endIndex...], path))
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
