import BulletinCore
public import BulletinContent

public import Mustache

/// An article in a list: home, all articles, a term, a dialogue.
public struct ArticleSummaryView: Sendable, Equatable, MustacheParent {
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
    /// This article's `article-card` partial, rendered once for the list it is in (the
    /// heading level differs between lists): `{{{card}}}`.
    public var card: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "card": card
        case "title": title.templateText
        case "url": url.templateText
        case "date": date
        case "updated": updated
        case "summary": summary.isEmpty ? nil : summary.templateText
        case "location": location.templateText
        case "dialogue": dialogue
        case "session": session.map { $0.templateText }
        case "sessionLabel": sessionLabel.templateText
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
    public var params: ParamValue

    public func child(named name: String) -> Any? {
        switch name {
        case "content": content.templateText
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
        case "name": self.name.templateText
        case "title": title.templateText
        case "url": url.templateText
        case "terms": terms
        // The taxonomy's name, under a key the terms inside do not have, for
        // `data-pagefind-filter="{{filter}}"` within `{{#terms}}`.
        case "filter": self.name.templateText
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
        case "name": self.name.templateText
        case "short": short.templateText
        case "url": url.templateText
        case "count": count.templateText
        case "countLabel": Self.countLabel(count).templateText
        default: nil
        }
    }

    /// "1 article", "3 articles", "no articles yet".
    package static func countLabel(_ count: Int) -> String {
        switch count {
        case 0: "no articles yet"
        case 1: "1 article"
        default: "\(count) articles"
        }
    }
}

/// What the `article-card` partial sees: the article's list fields, `site`, and
/// `headingLevel` (2 or 3, to keep the page's headings in order).
package struct ArticleCardContext: Sendable, MustacheParent {
    package let article: ArticleSummaryView
    package let site: SiteView
    package let headingLevel: Int

    package func child(named name: String) -> Any? {
        switch name {
        case "headingLevel": headingLevel.templateText
        case "site": site
        default: article.child(named: name)
        }
    }
}
