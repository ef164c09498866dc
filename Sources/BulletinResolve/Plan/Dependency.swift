/// Something a page reads, named so that it stays the same from one build to the next (by
/// content path and id, not by position): the planner records a page's dependencies, the
/// render phase gives each its current value, and the preview renders a page again exactly
/// when one of its dependencies' values changed.
public enum Dependency: Sendable, Hashable {
    /// The site's settings and navigation, and the theme's words, in a language: every page.
    case site(lang: String)
    /// A kind's template, the layout, and the partials they use.
    case template(PageKind)
    /// An article's entry in lists (title, date, summary, place, series and session), by
    /// content path.
    case card(String)
    /// What an article's own page shows besides its card (its body, terms, chairs,
    /// documents, translations), by content path.
    case article(String)
    /// Which articles page `number` of a list shows, and how many pages the list has.
    case list(ListID, number: Int)
    /// A link to a term in a language: its name and short name there, and whether it has a
    /// page there (not its article count: what reads a link, an article's page or a feed,
    /// does not show it, and it changes with every article tagged with the term).
    case termLink(taxonomy: String, id: String, lang: String)
    /// A term's own data in a language (names, description, parameters), by taxonomy and id.
    case term(taxonomy: String, id: String, lang: String)
    /// A taxonomy's terms in a language, with their article counts.
    case taxonomyIndex(taxonomy: String, lang: String)
    /// The dialogue series in a language, with their session counts and dates.
    case dialogueIndex(lang: String)
    /// Which articles a series' page lists in a language, under which session.
    case series(id: String, lang: String)
    /// What an article's page shows of other articles, all of it from front matter: its
    /// series neighbours and its related articles (titles, dates, sessions), by content path.
    case reading(String)
    /// What a term's or series' page shows of the terms found with it and of its years
    /// (co-occurrence counts, names and links; articles per year), in a language.
    case termReading(taxonomy: String, id: String, lang: String)
    /// The years of a language's archive with their counts (`year` nil), or which articles
    /// one year lists, under which month.
    case archive(lang: String, year: Int?)
    /// A standalone page, by content path.
    case page(String)
    /// Which pages of other languages are this one's counterparts (its `hreflang` links and
    /// its language switcher), by the page's path.
    case alternates(String)
}

/// A paginated list of articles.
public enum ListID: Sendable, Hashable {
    /// Every article of a language: the home page and `/articles/`.
    case all(lang: String)
    /// A term's articles in a language.
    case term(taxonomy: String, id: String, lang: String)
}
