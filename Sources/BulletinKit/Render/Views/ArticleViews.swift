public import Mustache

/// An article in a list: home, all articles, a term, a dialogue.
public struct ArticleSummaryView: Sendable, MustacheParent {
    public var title: String
    public var url: String
    public var date: DateView
    public var updated: DateView?
    public var summary: String
    public var location: String?
    public var dialogue: LinkView?
    public var session: Int?
    /// "7th session".
    public var sessionLabel: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "date": date
        case "updated": updated
        case "summary": summary.isEmpty ? nil : summary
        case "location": location
        case "dialogue": dialogue
        case "session": session
        case "sessionLabel": sessionLabel
        default: nil
        }
    }
}

/// One article's page.
public struct ArticleView: Sendable, MustacheParent {
    public var summary: ArticleSummaryView
    /// The body as HTML (`{{{article.content}}}`).
    public var content: String
    /// Each taxonomy the article has terms in, with the terms.
    public var taxonomies: [TermGroupView]
    public var params: TemplateValue

    public func child(named name: String) -> Any? {
        switch name {
        case "content": content
        case "taxonomies": taxonomies
        case "hasTerms": !taxonomies.isEmpty
        case "params": params.mustacheValue
        default: summary.child(named: name)
        }
    }
}

/// A taxonomy's terms on an article's page.
public struct TermGroupView: Sendable, MustacheParent {
    public var name: String
    public var title: String
    public var url: String
    public var terms: [TermLinkView]

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "title": title
        case "url": url
        case "terms": terms
        default: nil
        }
    }
}

/// A link to a term.
public struct TermLinkView: Sendable, MustacheParent {
    public var name: String
    public var short: String?
    public var url: String
    public var count: Int

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "short": short
        case "url": url
        case "count": count
        case "countLabel": Self.countLabel(count)
        default: nil
        }
    }

    /// "1 article", "3 articles", "no articles yet".
    static func countLabel(_ count: Int) -> String {
        switch count {
        case 0: "no articles yet"
        case 1: "1 article"
        default: "\(count) articles"
        }
    }
}
