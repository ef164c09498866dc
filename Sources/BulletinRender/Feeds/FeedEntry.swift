import BulletinCore
import BulletinContent
import BulletinResolve

/// One article as a feed entry, in both formats, in its language, made once however many
/// feeds it is in.
package struct FeedEntry: Sendable {
    /// The entry's bytes in each format, as the feeds hold them. Made as bytes: the content,
    /// an article's whole HTML, is escaped twice here, and Strings would check every byte
    /// again at each step.
    package let atom: [UInt8]
    package let json: [UInt8]

    package init(_ index: Int, inputs: RenderInputs) {
        let site = inputs.site
        let routes = site.routes
        let published = site.articles[index]
        let article = published.article
        let card = inputs.cards[article.path]!
        let lang = article.lang
        let id = Feed.entryID(article, site: site)
        let url = routes.absolute(published.path)
        let content = Feed.absoluteLinks(inputs.articles[article.path]!.body, pageURL: url)
        let x = XMLText.escape

        var categories: [(term: String, scheme: String, label: String)] = []
        for (position, taxonomy) in site.taxonomies.enumerated() {
            for term in published.terms[position].map({ taxonomy.terms[$0] }) {
                categories.append((term.id, routes.absolute(routes.localized(taxonomy.path, lang)), term.name(in: lang)))
            }
        }
        if let dialogue = published.dialogue.map({ site.dialogues.terms[$0] }) {
            categories.append((dialogue.id, routes.absolute(routes.localized(Routes.dialogues, lang)), dialogue.name(in: lang)))
        }

        var xml = """
            <entry>
            <title>\(x(article.title))</title>
            <link rel="alternate" type="text/html" href="\(x(url))"/>
            <id>\(id)</id>
            <published>\(article.date.rfc3339)</published>
            <updated>\((article.updated ?? article.date).rfc3339)</updated>

            """
        for category in categories {
            xml += "<category term=\"\(x(category.term))\" scheme=\"\(x(category.scheme))\" label=\"\(x(category.label))\"/>\n"
        }
        if !card.summary.isEmpty { xml += "<summary type=\"text\">\(x(card.summary))</summary>\n" }
        xml += "<content type=\"html\">"
        let end = "</content>\n</entry>\n"
        var atom: [UInt8] = []
        atom.reserveCapacity(xml.utf8.count + content.count + content.count / 4 + end.utf8.count)
        atom += xml.utf8
        content.withUnsafeBufferPointer { XMLText.append(escaping: $0, to: &atom) }
        atom += end.utf8
        self.atom = atom

        var contentJSON: [UInt8] = []
        contentJSON.reserveCapacity(content.count + content.count / 8 + 2)
        content.withUnsafeBufferPointer { JSONValue.writeString(utf8: $0, to: &contentJSON) }
        var item: JSONObject = [
            "id": .string(id), "url": .string(url), "title": .string(article.title), "content_html": .written(contentJSON),
            "date_published": .string(article.date.rfc3339),
            "date_modified": .string((article.updated ?? article.date).rfc3339), "language": .string(lang),
        ]
        if !card.summary.isEmpty { item["summary"] = .string(card.summary) }
        if !categories.isEmpty { item["tags"] = .array(categories.map { .string($0.label) }) }
        var json: [UInt8] = []
        json.reserveCapacity(contentJSON.count + 1024)
        JSONValue.object(item).write(to: &json)
        self.json = json
    }
}
