import BulletinCore
public import BulletinContent
import BulletinResolve

public import Mustache

/// Everything a template can read: `site` and `page` always, and what the page kind has.
///
/// Lookups go through `MustacheParent` instead of swift-mustache's Mirror reflection, which
/// would dominate the build time of a large site. The variables are documented in
/// docs/templates.md; a key a page kind does not have is simply absent.
public struct PageContext: Sendable, MustacheParent {
    public var site: SiteView
    public var page: PageMetaView
    /// The rendered page template, for `layout` (`{{{content}}}`).
    public var content: String?
    /// The rendered `site-header` and `site-footer` partials, for `layout`.
    public var header: String?
    public var footer: String?
    public var articles: [ArticleSummaryView]?
    public var pagination: PaginationView?
    public var article: ArticleView?
    public var taxonomy: TaxonomyView?
    public var taxonomies: [TaxonomyView]?
    public var term: TermView?
    public var dialogues: [DialogueSummaryView]?
    public var dialogue: DialogueView?
    /// A standalone page's body (HTML).
    public var body: String?
    public var params: ParamValue?
    /// The search page's script and index.
    public var search: SearchView?
    /// The heading level of each item in `articles` (2 under the page's h1, 3 under an h2),
    /// so that the shared list partial keeps headings in order.
    public var listHeadingLevel: Int = 3

    package init(site: SiteView, page: PageMetaView) {
        self.site = site
        self.page = page
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "content": content.templateText
        case "header": header.templateText
        case "footer": footer.templateText
        case "articles": articles
        case "pagination": pagination
        case "article": article
        case "taxonomy": taxonomy
        case "taxonomies": taxonomies
        case "term": term
        case "dialogues": dialogues
        case "dialogue": dialogue
        case "body": body.templateText
        case "params": params?.mustacheValue
        case "listHeadingLevel": listHeadingLevel.templateText
        case "search": search
        default: nil
        }
    }
}

/// The site, on every page.
public struct SiteView: Sendable, MustacheParent {
    public var title: String
    public var description: String
    public var language: String
    /// The absolute base URL, `https://bulletin.example.org/`.
    public var baseURL: String
    public var homeURL: String
    public var articlesURL: String
    public var dialoguesURL: String
    public var searchURL: String
    public var taxonomies: [LinkView]
    /// Standalone pages, for navigation.
    public var pages: [LinkView]
    /// The main navigation: all articles, each taxonomy, the dialogue series, each page.
    public var nav: [LinkView]
    public var params: ParamValue

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title.templateText
        case "description": description.templateText
        case "language": language.templateText
        case "baseURL": baseURL.templateText
        case "homeURL": homeURL.templateText
        case "articlesURL": articlesURL.templateText
        case "dialoguesURL": dialoguesURL.templateText
        case "searchURL": searchURL.templateText
        case "taxonomies": taxonomies
        case "pages": pages
        case "nav": nav
        case "params": params.mustacheValue
        default: nil
        }
    }
}

/// The page being rendered, for `<head>` and navigation.
public struct PageMetaView: Sendable, MustacheParent {
    /// `home`, `articles`, `article`, `taxonomy`, `term`, `dialogues`, `dialogue`, `page` or `404`.
    public var kind: String
    /// The page's own title.
    public var title: String
    /// For `<title>`: "Page title — Site title", or the site title alone on the home page.
    public var documentTitle: String
    public var description: String
    /// The link to this page.
    public var url: String
    /// Its absolute URL.
    public var canonical: String
    public var lang: String
    /// Which navigation entry to mark as current: `articles`, `dialogues`, a taxonomy's name.
    public var section: String
    /// `og:type`: `article` for articles, `website` for the rest.
    public var openGraphType: String = "website"
    /// An article's dates, RFC 3339, for `article:published_time` and `article:modified_time`.
    public var published: String?
    public var modified: String?
    /// An article's terms, for `article:tag`.
    public var tags: [String] = []
    /// The feeds of this page, for `<link rel="alternate">` autodiscovery.
    public var feeds: [FeedLinkView] = []
    /// schema.org JSON-LD, safe to put in `<script type="application/ld+json">` as it is.
    public var structuredData: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "openGraphType": openGraphType.templateText
        case "published": published.templateText
        case "modified": modified.templateText
        case "tags": tags.isEmpty ? nil : tags.map(TemplateText.init)
        case "feeds": feeds.isEmpty ? nil : feeds
        case "structuredData": structuredData.templateText
        case "kind": kind.templateText
        case "title": title.templateText
        case "documentTitle": documentTitle.templateText
        case "description": description.isEmpty ? nil : description.templateText
        case "url": url.templateText
        case "canonical": canonical.templateText
        case "lang": lang.templateText
        case "section": section.templateText
        case "isHome": kind == "home"
        case "is404": kind == "404"
        default: nil
        }
    }
}

/// A feed of a page: `<link rel="alternate" type="{{type}}" title="{{title}}" href="{{url}}">`.
public struct FeedLinkView: Sendable, MustacheParent {
    /// `application/atom+xml` or `application/feed+json`.
    public var type: String
    public var title: String
    /// Absolute.
    public var url: String

    public func child(named name: String) -> Any? {
        switch name {
        case "type": type.templateText
        case "title": title.templateText
        case "url": url.templateText
        default: nil
        }
    }
}

/// Where the search page's script and index are.
public struct SearchView: Sendable, MustacheParent {
    /// The folder of the index files, for `data-index`.
    public var indexURL: String
    public var scriptURL: String

    public func child(named name: String) -> Any? {
        switch name {
        case "indexURL": indexURL.templateText
        case "scriptURL": scriptURL.templateText
        default: nil
        }
    }
}

/// A link: a title or name and where it goes.
public struct LinkView: Sendable, Equatable, MustacheParent {
    public var name: String
    public var url: String
    /// The taxonomy name or page slug.
    public var key: String
    /// Whether the link goes to the page being rendered (`aria-current="page"`).
    public var isCurrent: Bool = false
    /// Whether the page being rendered belongs to the link's section (an article, for
    /// "Articles"), to mark it without claiming it is the same page.
    public var inSection: Bool = false

    public func child(named name: String) -> Any? {
        switch name {
        case "name", "title": self.name.templateText
        case "url": url.templateText
        case "key": key.templateText
        case "isCurrent": isCurrent
        case "inSection": inSection
        default: nil
        }
    }
}

/// A date as a template shows it.
public struct DateView: Sendable, Equatable, MustacheParent {
    /// For `<time datetime>`: `2025-05-20`, or the full RFC 3339 date-time when a time was given.
    public var iso: String
    /// `20 May 2025`.
    public var display: String
    public var year: Int

    package init(_ date: ContentDate) {
        iso = date.htmlDateTime
        display = date.display
        year = date.year
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "iso": iso.templateText
        case "display": display.templateText
        case "year": year.templateText
        default: nil
        }
    }
}

/// Page links of a paginated list.
public struct PaginationView: Sendable, MustacheParent {
    public var current: Int
    public var total: Int
    public var previousURL: String?
    public var nextURL: String?
    public var pages: [PageLink]

    /// A page number, or a gap between distant numbers (`isGap`, shown as "…").
    public struct PageLink: Sendable, MustacheParent {
        public var number: Int
        public var url: String
        public var isCurrent: Bool
        public var isGap: Bool = false

        public func child(named name: String) -> Any? {
            switch name {
            case "number": number.templateText
            case "url": url.templateText
            case "isCurrent": isCurrent
            case "isGap": isGap
            default: nil
            }
        }
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "current": current.templateText
        case "total": total.templateText
        case "previousURL": previousURL.templateText
        case "nextURL": nextURL.templateText
        case "pages": pages
        default: nil
        }
    }
}
