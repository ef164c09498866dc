import BulletinMarkdown
import BulletinContent
import BulletinCore
package import BulletinResolve

/// One article as a feed entry, in both formats, made once however many feeds it is in (the
/// site's, each of its terms', its dialogue's).
package struct FeedEntry: Sendable {
    package let atom: String
    package let json: String

    /// The entries of every article some feed shows, rendered in parallel.
    package static func all(for feeds: [Feed], site: Site, bodies: RenderedBodies, summaries: [ArticleSummaryView]) -> [Int: FeedEntry] {
        let needed = Array(Set(feeds.flatMap(\.articles))).sorted()
        let entries = Parallel.map(needed) { FeedEntry($0, site: site, bodies: bodies, summary: summaries[$0].summary) }
        return Dictionary(uniqueKeysWithValues: zip(needed, entries))
    }

    package init(_ index: Int, site: Site, bodies: RenderedBodies, summary: String) {
        let routes = site.routes
        let published = site.articles[index]
        let article = published.article
        let id = Feed.entryID(article, site: site)
        let url = routes.absolute(published.path)
        let content = Feed.absoluteLinks(bodies.articles[index].html, pageURL: url)
        let x = XMLText.escape

        var categories: [(term: String, scheme: String, label: String)] = []
        for (position, taxonomy) in site.taxonomies.enumerated() {
            for term in published.terms[position].map({ taxonomy.terms[$0] }) {
                categories.append((term.id, routes.absolute(taxonomy.path), term.name))
            }
        }
        if let dialogue = published.dialogue.map({ site.dialogues.terms[$0] }) {
            categories.append((dialogue.id, routes.absolute(Routes.dialogues), dialogue.name))
        }

        // An entry in another language than the feed's says so.
        let lang = article.lang == site.config.language ? "" : " xml:lang=\"\(x(article.lang))\""
        var xml = """
            <entry\(lang)>
            <title>\(x(article.title))</title>
            <link rel="alternate" type="text/html" href="\(x(url))"/>
            <id>\(id)</id>
            <published>\(article.date.rfc3339)</published>
            <updated>\((article.updated ?? article.date).rfc3339)</updated>

            """
        for category in categories {
            xml += "<category term=\"\(x(category.term))\" scheme=\"\(x(category.scheme))\" label=\"\(x(category.label))\"/>\n"
        }
        if !summary.isEmpty { xml += "<summary type=\"text\">\(x(summary))</summary>\n" }
        xml += "<content type=\"html\">\(x(content))</content>\n</entry>\n"
        atom = xml

        var item: [String: JSONValue] = [
            "id": .string(id), "url": .string(url), "title": .string(article.title), "content_html": .string(content),
            "date_published": .string(article.date.rfc3339),
            "date_modified": .string((article.updated ?? article.date).rfc3339), "language": .string(article.lang),
        ]
        if !summary.isEmpty { item["summary"] = .string(summary) }
        if !categories.isEmpty { item["tags"] = .array(categories.map { .string($0.label) }) }
        json = JSONValue.object(item).encoded
    }
}
