import BulletinCore
import BulletinContent
import BulletinResolve
import BulletinRender

/// What a feed's two files are made of, besides its entries' values: its language, its
/// articles (by content path), its date, and the dependencies of its titles and entries. Two
/// feeds with equal signatures whose dependencies' values are unchanged are the same bytes.
struct FeedSignature: Sendable, Equatable {
    let lang: String
    let articles: [String]
    let updated: ContentDate
    let dependencies: [Dependency]

    init(_ feed: Feed, inputs: RenderInputs) {
        let site = inputs.site
        lang = feed.lang
        articles = feed.articles.map { site.articles[$0].article.path }
        updated = feed.updated(site: site)
        var dependencies: [Dependency] = [.site(lang: feed.lang)]
        if let term = feed.term { dependencies.append(.termLink(taxonomy: term.taxonomy, id: term.id, lang: feed.lang)) }
        for index in feed.articles {
            let published = site.articles[index]
            dependencies += [.card(published.article.path), .article(published.article.path)]
            for (position, taxonomy) in site.taxonomies.enumerated() {
                dependencies += published.terms[position].map {
                    .termLink(taxonomy: taxonomy.name, id: taxonomy.terms[$0].id, lang: published.article.lang)
                }
            }
        }
        self.dependencies = dependencies
    }
}
