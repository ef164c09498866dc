package import BulletinCore

/// A standalone page from `Content/pages/**/*.md`, published at `/<slug>/` (`/<lang>/<slug>/`
/// in a language other than the default).
public struct Page: Sendable {
    public var path: String
    public var title: String
    public var slug: String
    public var draft: Bool
    public var lang: String
    public var translationKey: String?
    public var params: [String: ParamValue]
    public var body: Substring
    public var bodyFirstLine: Int
    package var slugLocation: SourceLocation
    package var keyLocations: KeyLocations
    package var source: SourceText
    /// The front matter as written: what resolving reads of the file (a body can change
    /// without changing anything but the page it is on).
    package var frontMatter: String

    package static let fixedKeys = ["title", "slug", "draft", "lang", "translationKey"]
}
