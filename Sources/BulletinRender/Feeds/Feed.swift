import BulletinCore
package import BulletinContent
package import BulletinResolve

/// One feed: the site's, a term's or a dialogue series'. Written twice, as Atom (RFC 4287) at
/// `feed.xml` and as JSON Feed 1.1 at `feed.json`.
package struct Feed: Sendable {
    package let title: String
    package let subtitle: String
    /// The folder the feed files are in (`""`, `agencies/kisa/`), which is also the page
    /// they belong to.
    package let folder: String
    /// The articles, newest first, at most `feedLimit`.
    package let articles: [Int]

    package var atomPath: String { folder + "feed.xml" }
    package var jsonPath: String { folder + "feed.json" }

    /// The site's feed and one for every term and dialogue series.
    package static func all(of site: Site) -> [Feed] {
        let limit = site.config.feedLimit
        var feeds = [Feed(
            title: site.config.title, subtitle: site.config.description, folder: Routes.home,
            articles: Array(site.articles.indices.prefix(limit)))]
        for taxonomy in site.taxonomies + [site.dialogues] {
            for term in taxonomy.terms {
                feeds.append(Feed(
                    title: "\(term.name) — \(site.config.title)",
                    subtitle: "\(site.config.title): articles on \(term.name)", folder: term.path,
                    articles: Array(term.articles.prefix(limit))))
            }
        }
        return feeds
    }

    /// The feed's id: from the site's title and the feed's place, never from its address,
    /// so that it survives a move to another domain.
    package func id(site: Site) -> String {
        StableID.urn("\(site.config.title)|feed|\(folder)")
    }

    /// An article's id in every feed: from the site's title, the article's language and slug.
    package static func entryID(_ article: Article, site: Site) -> String {
        StableID.urn("\(site.config.title)|article|\(article.lang)|\(article.slug)")
    }

    /// When the feed last changed: its newest entry's update, or the site's newest article
    /// for an empty feed (never the build time, so rebuilds are identical).
    package func updated(site: Site) -> ContentDate {
        let dates = articles.map { site.articles[$0].article.updated ?? site.articles[$0].article.date }
        if let newest = dates.max() { return newest }
        return site.articles.map { $0.article.updated ?? $0.article.date }.max() ?? ContentDate(secondsSinceEpoch: 0)
    }
}
