import BulletinCore
package import BulletinContent
package import BulletinResolve

/// Another article as an article page names it (a series neighbour, a related article): its
/// title, page, date and session, all from front matter, so that the page need not read the
/// other article's card (whose summary may come from its body).
package struct ArticleReference: Sendable, Equatable {
    package let title: String
    package let path: String
    package let date: ContentDate
    package let session: Int?

    init(_ index: Int, site: Site) {
        let published = site.articles[index]
        title = published.article.title
        path = published.path
        date = published.article.date
        session = published.article.session
    }
}
