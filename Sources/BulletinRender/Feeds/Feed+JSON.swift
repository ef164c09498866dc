import BulletinContent
import BulletinCore
import BulletinResolve

// MARK: - JSON Feed 1.1

extension FeedRenderer {
    /// The feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1), with the same ids,
    /// dates and content as the Atom feed.
    package func json(_ feed: Feed) -> String {
        let site = inputs.site
        let routes = site.routes
        let (title, subtitle) = titles(feed)
        let data = inputs.sites[feed.lang]!
        var header: [String: JSONValue] = [
            "version": "https://jsonfeed.org/version/1.1", "title": .string(title),
            "home_page_url": .string(routes.absolute(feed.folder)), "feed_url": .string(routes.absolute(feed.jsonPath)),
            "language": .string(feed.lang),
            "authors": [["name": .string(data.title), "url": .string(routes.absolute(routes.localized(Routes.home, feed.lang)))]],
        ]
        if !subtitle.isEmpty { header["description"] = .string(subtitle) }
        // The header's keys, sorted, then the items (each already encoded) as the last key.
        var text = String(JSONValue.object(header).encoded.dropLast())
        text += ",\"items\":[" + feed.articles.map { entries[$0]!.json }.joined(separator: ",") + "]}\n"
        return text
    }
}
