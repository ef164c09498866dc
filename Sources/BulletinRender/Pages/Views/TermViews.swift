import BulletinCore
public import BulletinContent

public import Mustache

/// A taxonomy's index: every term with its article count.
public struct TaxonomyView: Sendable, MustacheParent {
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
        case "count": terms.count.templateText
        default: nil
        }
    }
}

/// One term's page (or a dialogue series', which adds its sessions).
public struct TermView: Sendable, MustacheParent {
    public var id: String
    public var name: String
    public var short: String?
    public var aliases: [String]
    /// The name in other languages.
    public var names: [NameView]
    /// The registry entry's body as HTML; empty when unregistered or not written.
    public var description: String
    public var isRegistered: Bool
    public var taxonomy: LinkView
    public var url: String
    public var count: Int
    public var params: ParamValue
    /// `params.website` when it is an http or https URL (never `javascript:`), for a link.
    public var website: String?
    /// `params.parties` when it is a list of names (a dialogue's parties).
    public var parties: [String] = []

    public struct NameView: Sendable, MustacheParent {
        public var lang: String
        public var name: String

        public func child(named name: String) -> Any? {
            switch name {
            case "lang": lang.templateText
            case "name": self.name.templateText
            default: nil
            }
        }
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "id": id.templateText
        case "name": self.name.templateText
        case "short": short.templateText
        case "aliases": aliases.isEmpty ? nil : aliases.map(TemplateText.init)
        case "names": names.isEmpty ? nil : names
        case "description": description.isEmpty ? nil : description.templateText
        case "isRegistered": isRegistered
        case "taxonomy": taxonomy
        case "url": url.templateText
        case "count": count.templateText
        case "countLabel": TermLinkView.countLabel(count).templateText
        case "params": params.mustacheValue
        case "website": website.templateText
        case "parties": parties.map(TemplateText.init)
        case "hasParties": !parties.isEmpty
        default: nil
        }
    }
}

/// A dialogue series in the index of series.
public struct DialogueSummaryView: Sendable, MustacheParent {
    public var link: TermLinkView
    public var sessionCount: Int
    public var first: DateView?
    public var last: DateView?

    public func child(named name: String) -> Any? {
        switch name {
        case "sessionCount": sessionCount.templateText
        case "sessionCountLabel": (sessionCount == 1 ? "1 session" : "\(sessionCount) sessions").templateText
        case "first": first
        case "last": last
        default: link.child(named: name)
        }
    }
}

/// A dialogue series' page: its description and its sessions in order.
public struct DialogueView: Sendable, MustacheParent {
    public var term: TermView
    /// Numbered sessions, in order of their number.
    public var sessions: [SessionView]
    /// Articles on the series without a session number, newest first.
    public var otherArticles: [ArticleSummaryView]

    public struct SessionView: Sendable, MustacheParent {
        public var number: Int
        /// "7th session".
        public var label: String
        public var articles: [ArticleSummaryView]

        public func child(named name: String) -> Any? {
            switch name {
            case "number": number.templateText
            case "label": label.templateText
            case "articles": articles
            default: nil
            }
        }
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "sessions": sessions
        case "hasSessions": !sessions.isEmpty
        case "otherArticles": otherArticles
        case "hasOtherArticles": !otherArticles.isEmpty
        default: term.child(named: name)
        }
    }
}
