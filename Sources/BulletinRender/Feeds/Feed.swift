import BulletinCore
package import BulletinContent
package import BulletinResolve

/// One feed: a language's site feed, or a term's or dialogue series' in a language. Written
/// twice, as Atom (RFC 4287) at `feed.xml` and as JSON Feed 1.1 at `feed.json`.
package struct Feed: Sendable {
    package let lang: String
    /// The folder the feed files are in (`""`, `agencies/kisa/`, `ko/agencies/kisa/`), which
    /// is also the page they belong to.
    package let folder: String
    /// The articles, newest first, at most `feedLimit`.
    package let articles: [Int]
    /// A term's feed: the term, by taxonomy name and term id (nil for a site's feed).
    package let term: (taxonomy: String, id: String)?

    package var atomPath: String { folder + "feed.xml" }
    package var jsonPath: String { folder + "feed.json" }

    /// Each language's feed and one for every term and dialogue series in each language it
    /// has a page in.
    package static func all(of site: Site) -> [Feed] {
        let limit = site.config.feedLimit
        var feeds: [Feed] = []
        for lang in [site.config.language] + site.config.languages.filter({ $0 != site.config.language }) {
            feeds.append(Feed(
                lang: lang, folder: site.routes.localized(Routes.home, lang),
                articles: Array(site.articles(in: lang).prefix(limit)), term: nil))
            for taxonomy in site.taxonomies + [site.dialogues] {
                for term in taxonomy.terms where term.exists(in: lang) {
                    feeds.append(Feed(
                        lang: lang, folder: site.routes.localized(term.path, lang),
                        articles: Array(term.articles(in: lang).prefix(limit)), term: (taxonomy.name, term.id)))
                }
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

    /// When the feed last changed: its newest entry's update, or the newest article of its
    /// language for an empty feed (never the build time, so rebuilds are identical).
    package func updated(site: Site) -> ContentDate {
        let dates = articles.map { site.articles[$0].article.updated ?? site.articles[$0].article.date }
        if let newest = dates.max() { return newest }
        return site.articles(in: lang).map { site.articles[$0].article.updated ?? site.articles[$0].article.date }.max()
            ?? ContentDate(secondsSinceEpoch: 0)
    }
}
