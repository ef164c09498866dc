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

        // Each term read where it is stored (a copy of a term counts a reference for each of
        // its texts and lists); a taxonomy's scheme made once for its terms.
        var categories: [(term: String, scheme: String, label: String)] = []
        for position in site.taxonomies.indices where !published.terms[position].isEmpty {
            let scheme = routes.absolute(routes.localized(site.taxonomies[position].path, lang))
            for term in published.terms[position] {
                categories.append((site.taxonomies[position].terms[term].id, scheme, site.taxonomies[position].terms[term].name(in: lang)))
            }
        }
        if let dialogue = published.dialogue {
            categories.append((
                site.dialogues.terms[dialogue].id, routes.absolute(routes.localized(Routes.dialogues, lang)),
                site.dialogues.terms[dialogue].name(in: lang)))
        }

        // Written as bytes, each text escaped into place: interpolated into a String first,
        // each category's line was made, escaped and appended as a String of its own.
        var atom: [UInt8] = []
        atom.reserveCapacity(1024 + content.count + content.count / 4)
        func write(_ text: StaticString) {
            atom.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        func writeAsItIs(_ text: String) { atom.append(contentsOf: text.utf8) }
        func writeEscaped(_ text: String) {
            var text = text
            text.withUTF8 { XMLText.append(escaping: $0, to: &atom) }
        }
        write("<entry>\n<title>")
        writeEscaped(article.title)
        write("</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
        writeEscaped(url)
        write("\"/>\n<id>")
        writeAsItIs(id)
        write("</id>\n<published>")
        writeAsItIs(article.date.rfc3339)
        write("</published>\n<updated>")
        writeAsItIs((article.updated ?? article.date).rfc3339)
        write("</updated>\n")
        for category in categories {
            write("<category term=\"")
            writeEscaped(category.term)
            write("\" scheme=\"")
            writeEscaped(category.scheme)
            write("\" label=\"")
            writeEscaped(category.label)
            write("\"/>\n")
        }
        if !card.summary.isEmpty {
            write("<summary type=\"text\">")
            writeEscaped(card.summary)
            write("</summary>\n")
        }
        write("<content type=\"html\">")
        content.withUnsafeBufferPointer { XMLText.append(escaping: $0, to: &atom) }
        write("</content>\n</entry>\n")
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
