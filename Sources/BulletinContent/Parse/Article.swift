package import BulletinCore

/// One article, as parsed from `Content/articles/**/*.md`.
public struct Article: Sendable {
    /// The fields as parsed, in one box shared by every copy (`SharedBox`): an article is
    /// copied into the published list, the resolved site and many of the render's values.
    private let box: SharedBox<Fields>

    struct Fields: Sendable {
        let path: String
        let title: String
        let date: ContentDate
        let updated: ContentDate?
        let summary: String?
        let slug: String
        let draft: Bool
        let dialogue: TermReference?
        let session: Int?
        let location: String?
        let terms: [String: [TermReference]]
        let lang: String
        let translationKey: String?
        let chairs: [Chair]
        let documents: [OutcomeDocument]
        let params: [String: ParamValue]
        var body: Substring
        let bodyFirstLine: Int
        let slugLocation: SourceLocation
        let sessionLocation: SourceLocation?
        let dateLocation: SourceLocation
        var keyLocations: KeyLocations
        var source: SourceText
        var frontMatter: String
    }

    init(_ fields: Fields) {
        box = SharedBox(fields)
    }

    /// The file's path under the content folder (`articles/2025/x.md`).
    public var path: String { box.value.path }
    public var title: String { box.value.title }
    public var date: ContentDate { box.value.date }
    public var updated: ContentDate? { box.value.updated }
    /// The summary from front matter; nil means "first paragraph" (made when rendering).
    public var summary: String? { box.value.summary }
    public var slug: String { box.value.slug }
    public var draft: Bool { box.value.draft }
    public var dialogue: TermReference? { box.value.dialogue }
    public var session: Int? { box.value.session }
    public var location: String? { box.value.location }
    /// Term references for each taxonomy, in the order written.
    public var terms: [String: [TermReference]] { box.value.terms }
    public var lang: String { box.value.lang }
    public var translationKey: String? { box.value.translationKey }
    /// Who led each delegation (`chairs:`).
    public var chairs: [Chair] { box.value.chairs }
    /// The meeting's outcome documents (`documents:`).
    public var documents: [OutcomeDocument] { box.value.documents }
    public var params: [String: ParamValue] { box.value.params }
    public var body: Substring { box.value.body }
    /// The file's line number of the body's first line.
    public var bodyFirstLine: Int { box.value.bodyFirstLine }
    /// Where the slug came from, for collision messages: the `slug:` value or the file name.
    package var slugLocation: SourceLocation { box.value.slugLocation }
    /// Where `session:` is written.
    package var sessionLocation: SourceLocation? { box.value.sessionLocation }
    /// Where `date:` is written (the top of the file when it is missing).
    package var dateLocation: SourceLocation { box.value.dateLocation }
    /// Where each front-matter key is written, for messages about a whole key (translations
    /// that disagree on it).
    package var keyLocations: KeyLocations { box.value.keyLocations }
    package var source: SourceText { box.value.source }
    /// The front matter as written: what resolving reads of the file (a body can change
    /// without changing anything but the page it is on).
    package var frontMatter: String { box.value.frontMatter }

    /// Whether the two are copies of one parse (the preview keeps an unchanged file's parse
    /// from one update to the next): then every field is the same, unread.
    package func isSameParse(as other: Article) -> Bool {
        box === other.box
    }

    /// The same article without its file's text (its body, its lines, the front matter as
    /// written) and where its keys are written: what a build from scratch keeps once the
    /// site is resolved, every body rendered and every message quoting the file made.
    package func lettingGoOfText() -> Article {
        var fields = box.value
        fields.source = SourceText(file: fields.source.file, text: "")
        fields.body = ""
        fields.frontMatter = ""
        fields.keyLocations = .empty
        return Article(fields)
    }

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
