package import BulletinCore

/// One article, as parsed from `Content/articles/**/*.md`.
public struct Article: Sendable {
    /// The file's path under the content folder (`articles/2025/x.md`).
    public var path: String
    public var title: String
    public var date: ContentDate
    public var updated: ContentDate?
    /// The summary from front matter; nil means "first paragraph" (made when rendering).
    public var summary: String?
    public var slug: String
    public var draft: Bool
    public var dialogue: TermReference?
    public var session: Int?
    public var location: String?
    /// Term references for each taxonomy, in the order written.
    public var terms: [String: [TermReference]]
    public var lang: String
    public var translationKey: String?
    /// Who led each delegation (`chairs:`).
    public var chairs: [Chair]
    /// The meeting's outcome documents (`documents:`).
    public var documents: [OutcomeDocument]
    public var params: [String: ParamValue]
    public var body: String
    /// The file's line number of the body's first line.
    public var bodyFirstLine: Int
    /// Where the slug came from, for collision messages: the `slug:` value or the file name.
    package var slugLocation: SourceLocation
    /// Where `session:` is written.
    package var sessionLocation: SourceLocation?
    /// Where `date:` is written (the top of the file when it is missing).
    package var dateLocation: SourceLocation
    /// Where each front-matter key is written, for messages about a whole key (translations
    /// that disagree on it).
    package var keyLocations: [String: SourceLocation]
    package var source: SourceText
    /// The front matter as written: what resolving reads of the file (a body can change
    /// without changing anything but the page it is on).
    package var frontMatter: String

    /// What `bulletin new --translation-of` puts before the original's title, for the
    /// translator to replace: a published article whose title still starts with it is a
    /// warning (BUL038).
    public static let untranslatedMark = "TRANSLATE: "

    /// The keys every article understands, besides the taxonomies.
    package static let fixedKeys = [
        "title", "date", "updated", "summary", "slug", "draft", "dialogue", "session", "location", "lang",
        "translationKey", "chairs", "documents",
    ]
}
