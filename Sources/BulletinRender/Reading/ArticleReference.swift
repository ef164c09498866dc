import BulletinCore
package import BulletinContent
package import BulletinResolve

/// Another article as an article page names it (a series neighbour, a related article): its
/// title, page, date and session, all from front matter, so that the page need not read the
/// other article's card (whose summary may come from its body).
///
/// A class, with nothing in it that changes: pages on both cores copy the same references
/// (a series' neighbours, related articles), and a copy of a structure counted a reference
/// for each of its texts (one count now).
package final class ArticleReference: Sendable, Equatable {
    package let title: String
    package let path: String
    package let date: ContentDate
    package let session: Int?
    /// Its language: a series page lists another language's report where its own has none,
    /// and so do its articles' previous and next links.
    package let lang: String
    /// Where the article is in the site's articles, to find what was made for it without
    /// hashing its path; not what a page shows, so two references to the same article in
    /// two builds are equal wherever it sits.
    package let index: Int

    package static func == (a: ArticleReference, b: ArticleReference) -> Bool {
        a.title == b.title && a.path == b.path && a.date == b.date && a.session == b.session && a.lang == b.lang
    }

    init(_ index: Int, site: Site) {
        // Field by field: a copy of the whole article (every string and list of it retained,
        // then released) for each of 50,000 references was most of their cost.
        title = site.articles[index].article.title
        path = site.articles[index].path
        date = site.articles[index].article.date
        session = site.articles[index].article.session
        lang = site.articles[index].article.lang
        self.index = index
    }
}
