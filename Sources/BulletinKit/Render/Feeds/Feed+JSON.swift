internal import Foundation

// MARK: - JSON Feed 1.1

extension Feed {
    /// The feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1), with the same ids,
    /// dates and content as the Atom feed.
    func json(site: Site, bodies: RenderedBodies, summaries: [ArticleSummaryView]) -> String {
        let routes = site.routes
        let text = XMLText.dropForbidden
        let document = JSONFeedDocument(
            version: "https://jsonfeed.org/version/1.1", title: text(title),
            home_page_url: routes.absolute(folder), feed_url: routes.absolute(jsonPath),
            description: subtitle.isEmpty ? nil : text(subtitle), language: site.config.language,
            authors: [.init(name: text(site.config.title), url: routes.absolute(Routes.home))],
            items: articles.map { index in
                let published = site.articles[index]
                let article = published.article
                var tags: [String] = []
                for (position, taxonomy) in site.taxonomies.enumerated() {
                    tags += published.terms[position].map { taxonomy.terms[$0].name }
                }
                if let dialogue = published.dialogue { tags.append(site.dialogues.terms[dialogue].name) }
                return .init(
                    id: Feed.entryID(article, site: site), url: routes.absolute(published.path), title: text(article.title),
                    content_html: text(Feed.absoluteLinks(bodies.articles[index].html, routes: routes)),
                    summary: summaries[index].summary.isEmpty ? nil : text(summaries[index].summary),
                    date_published: article.date.rfc3339, date_modified: (article.updated ?? article.date).rfc3339,
                    tags: tags.isEmpty ? nil : tags.map(text), language: article.lang)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }
}

/// The JSON Feed 1.1 document; property names are the format's.
private struct JSONFeedDocument: Encodable {
    let version: String
    let title: String
    let home_page_url: String
    let feed_url: String
    let description: String?
    let language: String
    let authors: [Author]
    let items: [Item]

    struct Author: Encodable {
        let name: String
        let url: String
    }

    struct Item: Encodable {
        let id: String
        let url: String
        let title: String
        let content_html: String
        let summary: String?
        let date_published: String
        let date_modified: String
        let tags: [String]?
        let language: String
    }
}
