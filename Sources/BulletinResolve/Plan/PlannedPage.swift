/// One page the render phase writes: what it shows, in which language, where, and what it
/// reads (so that the preview renders it again exactly when one of those changes).
public struct PlannedPage: Sendable, Hashable {
    /// What the page shows. Indices are into the resolved `Site`.
    public enum Subject: Sendable, Hashable {
        case home
        /// Page `number` (from 1) of the list of all articles.
        case articleList(number: Int)
        case article(Int)
        case taxonomy(Int)
        /// Page `number` of the term `term` of taxonomy `taxonomy`.
        case term(taxonomy: Int, term: Int, number: Int)
        case dialogues
        case dialogue(Int)
        case page(Int)
        case search
        /// The index of years.
        case archive
        /// One year's articles.
        case archiveYear(Int)
        case notFound
    }

    public let subject: Subject
    /// The language it is written in.
    public let lang: String
    /// The site path.
    public let path: String
    /// Everything it reads.
    public let dependencies: [Dependency]

    package init(subject: Subject, lang: String, path: String, dependencies: [Dependency]) {
        self.subject = subject
        self.lang = lang
        self.path = path
        self.dependencies = dependencies
    }

    /// The kind of page, which names its template.
    public var kind: PageKind {
        switch subject {
        case .home: .home
        case .articleList: .articles
        case .article: .article
        case .taxonomy: .taxonomy
        case .term: .term
        case .dialogues: .dialogues
        case .dialogue: .dialogue
        case .page: .page
        case .search: .search
        case .archive: .archive
        case .archiveYear: .archiveYear
        case .notFound: .notFound
        }
    }
}
