import BulletinContent
import BulletinCore
package import BulletinResolve

// MARK: - JSON Feed 1.1

extension Feed {
    /// The feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1), with the same ids,
    /// dates and content as the Atom feed.
    package func json(site: Site, entries: [Int: FeedEntry]) -> String {
        let routes = site.routes
        var header: [String: JSONValue] = [
            "version": "https://jsonfeed.org/version/1.1", "title": .string(title),
            "home_page_url": .string(routes.absolute(folder)), "feed_url": .string(routes.absolute(jsonPath)),
            "language": .string(site.config.language),
            "authors": [["name": .string(site.config.title), "url": .string(routes.absolute(Routes.home))]],
        ]
        if !subtitle.isEmpty { header["description"] = .string(subtitle) }
        // The header's keys, sorted, then the items (each already encoded) as the last key.
        var text = String(JSONValue.object(header).encoded.dropLast())
        text += ",\"items\":[" + articles.map { entries[$0]!.json }.joined(separator: ",") + "]}\n"
        return text
    }
}
