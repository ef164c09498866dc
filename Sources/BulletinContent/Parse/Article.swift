package import BulletinCore

/// One article, as parsed from `Content/articles/**/*.md`.
public struct Article: Sendable {
    /// The fields, in one box shared by every copy: an article is copied into the published
    /// list, the resolved site and many of the render's values, and a copy of two dozen
    /// strings, arrays and dictionaries is two dozen retains (and as many releases), a copy
    /// of the box one. Articles are made once by parsing and never changed.
    private let fields: Fields

    private final class Fields: Sendable {
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
        let body: String
        let bodyFirstLine: Int
        let slugLocation: SourceLocation
        let sessionLocation: SourceLocation?
        let dateLocation: SourceLocation
        let keyLocations: [String: SourceLocation]
        let source: SourceText
        let frontMatter: String

        init(
            path: String,
            title: String,
            date: ContentDate,
            updated: ContentDate?,
            summary: String?,
            slug: String,
            draft: Bool,
            dialogue: TermReference?,
            session: Int?,
            location: String?,
            terms: [String: [TermReference]],
            lang: String,
            translationKey: String?,
            chairs: [Chair],
            documents: [OutcomeDocument],
            params: [String: ParamValue],
            body: String,
            bodyFirstLine: Int,
            slugLocation: SourceLocation,
            sessionLocation: SourceLocation?,
            dateLocation: SourceLocation,
            keyLocations: [String: SourceLocation],
            source: SourceText,
            frontMatter: String
        ) {
            self.path = path
            self.title = title
            self.date = date
            self.updated = updated
            self.summary = summary
            self.slug = slug
            self.draft = draft
            self.dialogue = dialogue
            self.session = session
            self.location = location
            self.terms = terms
            self.lang = lang
            self.translationKey = translationKey
            self.chairs = chairs
            self.documents = documents
            self.params = params
            self.body = body
            self.bodyFirstLine = bodyFirstLine
            self.slugLocation = slugLocation
            self.sessionLocation = sessionLocation
            self.dateLocation = dateLocation
            self.keyLocations = keyLocations
            self.source = source
            self.frontMatter = frontMatter
        }
    }

    init(
        path: String,
        title: String,
        date: ContentDate,
        updated: ContentDate?,
        summary: String?,
        slug: String,
        draft: Bool,
        dialogue: TermReference?,
        session: Int?,
        location: String?,
        terms: [String: [TermReference]],
        lang: String,
        translationKey: String?,
        chairs: [Chair],
        documents: [OutcomeDocument],
        params: [String: ParamValue],
        body: String,
        bodyFirstLine: Int,
        slugLocation: SourceLocation,
        sessionLocation: SourceLocation?,
        dateLocation: SourceLocation,
        keyLocations: [String: SourceLocation],
        source: SourceText,
        frontMatter: String
    ) {
        fields = Fields(
            path: path,
            title: title,
            date: date,
            updated: updated,
            summary: summary,
            slug: slug,
            draft: draft,
            dialogue: dialogue,
            session: session,
            location: location,
            terms: terms,
            lang: lang,
            translationKey: translationKey,
            chairs: chairs,
            documents: documents,
            params: params,
            body: body,
            bodyFirstLine: bodyFirstLine,
            slugLocation: slugLocation,
            sessionLocation: sessionLocation,
            dateLocation: dateLocation,
            keyLocations: keyLocations,
            source: source,
            frontMatter: frontMatter)
    }

    /// The file's path under the content folder (`articles/2025/x.md`).
    public var path: String { fields.path }
    public var title: String { fields.title }
    public var date: ContentDate { fields.date }
    public var updated: ContentDate? { fields.updated }
    /// The summary from front matter; nil means "first paragraph" (made when rendering).
    public var summary: String? { fields.summary }
    public var slug: String { fields.slug }
    public var draft: Bool { fields.draft }
    public var dialogue: TermReference? { fields.dialogue }
    public var session: Int? { fields.session }
    public var location: String? { fields.location }
    /// Term references for each taxonomy, in the order written.
    public var terms: [String: [TermReference]] { fields.terms }
    public var lang: String { fields.lang }
    public var translationKey: String? { fields.translationKey }
    /// Who led each delegation (`chairs:`).
    public var chairs: [Chair] { fields.chairs }
    /// The meeting's outcome documents (`documents:`).
    public var documents: [OutcomeDocument] { fields.documents }
    public var params: [String: ParamValue] { fields.params }
    public var body: String { fields.body }
    /// The file's line number of the body's first line.
    public var bodyFirstLine: Int { fields.bodyFirstLine }
    /// Where the slug came from, for collision messages: the `slug:` value or the file name.
    package var slugLocation: SourceLocation { fields.slugLocation }
    /// Where `session:` is written.
    package var sessionLocation: SourceLocation? { fields.sessionLocation }
    /// Where `date:` is written (the top of the file when it is missing).
    package var dateLocation: SourceLocation { fields.dateLocation }
    /// Where each front-matter key is written, for messages about a whole key (translations
    /// that disagree on it).
    package var keyLocations: [String: SourceLocation] { fields.keyLocations }
    package var source: SourceText { fields.source }
    /// The front matter as written: what resolving reads of the file (a body can change
    /// without changing anything but the page it is on).
    package var frontMatter: String { fields.frontMatter }

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
