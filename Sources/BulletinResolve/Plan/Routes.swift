import BulletinCore
import CByteScan
public import BulletinContent

/// Where every page lives: the one place URLs are decided.
///
/// A site path is relative to the site's root and ends with `/` for a page written as
/// `<path>index.html` (`articles/x/`), or names a file (`404.html`, `assets/site.css`). The home
/// page's path is the empty string.
public struct Routes: Sendable {
    public let baseURL: BaseURL
    /// The default language, whose pages are at the root; every other language's pages are
    /// under `/<lang>/` (lowercased).
    public let defaultLanguage: String

    public init(baseURL: BaseURL, defaultLanguage: String = "en") {
        self.baseURL = baseURL
        self.defaultLanguage = defaultLanguage
    }

    /// The folder of a language's pages: `""` for the default language, `ko/` for Korean.
    public func prefix(_ lang: String) -> String {
        lang == defaultLanguage ? "" : lang.lowercased() + "/"
    }

    /// A site path in a language: `agencies/kisa/` in Korean is `ko/agencies/kisa/`.
    public func localized(_ path: String, _ lang: String) -> String {
        prefix(lang) + path
    }

    public static let home = ""
    public static let articles = "articles/"
    public static let dialogues = "dialogues/"
    public static let notFound = "404.html"
    public static let search = "search/"
    public static let archive = "archive/"
    /// The open data files (`/data/...`), written once for every language.
    public static let sessionsCSV = "data/sessions.csv"
    public static let sessionsJSON = "data/sessions.json"
    public static let termsJSON = "data/terms.json"
    /// The search script, one for every language.
    public static let searchScript = "search/search.js"
    /// A language's search index: what the script reads first (localized per language).
    public static let searchManifest = "search/meta.json"

    public static func archiveYear(_ year: Int) -> String { "archive/\(year)/" }

    public static func article(_ slug: String) -> String { "articles/\(slug)/" }
    public static func taxonomy(_ name: String) -> String { "\(name)/" }
    public static func term(_ taxonomy: String, _ id: String) -> String { "\(taxonomy)/\(id)/" }
    public static func dialogue(_ id: String) -> String { "dialogues/\(id)/" }
    public static func page(_ slug: String) -> String { "\(slug)/" }
    public static func asset(_ path: String) -> String { "assets/\(path)" }

    /// Page `number` of a paginated list whose first page is at `first`:
    /// `articles/`, `articles/page/2/`, ...
    public static func listPage(_ first: String, _ number: Int) -> String {
        number <= 1 ? first : first + "page/\(number)/"
    }

    /// The file a site path is written to: `articles/x/` -> `articles/x/index.html`.
    public static func outputFile(_ path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// The link to a site path from any page: `/articles/x/`, or `/bulletin/articles/x/` when
    /// the site lives under a path; letters outside ASCII are percent-encoded.
    public func href(_ path: String) -> String {
        baseURL.path + Self.percentEncode(path)
    }

    /// The absolute URL of a site path: `https://bulletin.example.org/articles/x/`.
    public func absolute(_ path: String) -> String {
        baseURL.origin + href(path)
    }

    /// Percent-encodes everything but unreserved characters and `/` (RFC 3986).
    public static func percentEncode(_ path: String) -> String {
        // Nearly every path needs nothing (a slug's letters): looked at on the string's bytes
        // where they are, sixteen at a time (every card and link of every page comes here).
        let plain = path.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { bulletin_all_path_safe($0, bytes.count) != 0 } ?? true
        } ?? path.utf8.allSatisfy { bulletin_is_path_safe($0) != 0 }
        guard !plain else { return path }
        // As bytes (an agency's accented name, a Korean slug): appended to a String a
        // Character at a time, each path cost thousands of instructions on every page.
        var result: [UInt8] = []
        result.reserveCapacity(path.utf8.count * 3)
        for byte in path.utf8 {
            if bulletin_is_path_safe(byte) != 0 {
                result.append(byte)
            } else {
                result.append(UInt8(ascii: "%"))
                result.append(hexDigits[Int(byte >> 4)])
                result.append(hexDigits[Int(byte & 0xF)])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
