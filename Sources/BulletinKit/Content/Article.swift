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
    public var params: [String: TemplateValue]
    public var body: String
    /// The file's line number of the body's first line.
    public var bodyFirstLine: Int
    /// Where the slug came from, for collision messages: the `slug:` value or the file name.
    var slugLocation: SourceLocation
    /// Where `session:` is written.
    var sessionLocation: SourceLocation?
    /// Where `date:` is written (the top of the file when it is missing).
    var dateLocation: SourceLocation
    var source: SourceText

    /// The keys every article understands, besides the taxonomies.
    static let fixedKeys = [
        "title", "date", "updated", "summary", "slug", "draft", "dialogue", "session", "location", "lang",
        "translationKey",
    ]
}

/// A standalone page from `Content/pages/**/*.md`, published at `/<slug>/`.
public struct Page: Sendable {
    public var path: String
    public var title: String
    public var slug: String
    public var draft: Bool
    public var params: [String: TemplateValue]
    public var body: String
    public var bodyFirstLine: Int
    var slugLocation: SourceLocation
    var source: SourceText

    static let fixedKeys = ["title", "slug", "draft"]
}

/// An article's reference to a term, as the editor wrote it.
public struct TermReference: Sendable, Hashable {
    public var text: String
    /// Where it is written; diagnostics quote the line from the article's source.
    public var line: Int
    public var column: Int
}

/// One entry of a term registry: `Content/<taxonomy>/<id>.md` or `Content/dialogues/<id>.md`.
public struct RegistryEntry: Sendable {
    /// The taxonomy's name, or `dialogues`.
    public var taxonomy: String
    public var path: String
    public var id: String
    public var name: String
    public var short: String?
    public var aliases: [String]
    /// The name in other languages, by language tag.
    public var names: [String: String]
    public var params: [String: TemplateValue]
    public var body: String
    public var bodyFirstLine: Int
    /// Every text that refers to this term, with where it is written (for conflicts).
    var claims: [(key: TermKey, location: SourceLocation)]
    var source: SourceText

    static let fixedKeys = ["name", "short", "aliases", "names"]
}
