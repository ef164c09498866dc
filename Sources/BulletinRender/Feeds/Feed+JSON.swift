import BulletinContent
import BulletinCore
import BulletinResolve

// MARK: - JSON Feed 1.1

extension FeedRenderer {
    /// The feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1), with the same ids,
    /// dates and content as the Atom feed.
    package func json(_ feed: Feed) -> [UInt8] {
        let site = inputs.site
        let routes = site.routes
        let (title, subtitle) = titles(feed)
        let data = inputs.sites[feed.lang]!
        var header: JSONObject = [
            "version": "https://jsonfeed.org/version/1.1", "title": .string(title),
            "home_page_url": .string(routes.absolute(feed.folder)), "feed_url": .string(routes.absolute(feed.jsonPath)),
            "language": .string(feed.lang),
            "authors": [["name": .string(data.title), "url": .string(routes.absolute(routes.localized(Routes.home, feed.lang)))]],
        ]
        if !subtitle.isEmpty { header["description"] = .string(subtitle) }
        // The header's keys, sorted, then the items (each already encoded) as the last key;
        // made as the bytes written, at their size (as the Atom feed).
        var bytes: [UInt8] = []
        JSONValue.object(header).write(to: &bytes)
        bytes.removeLast()  // its closing brace
        let start = ",\"items\":[", end = "]}\n"
        bytes.reserveCapacity(feed.articles.reduce(bytes.count + start.utf8.count + end.utf8.count + feed.articles.count) {
            $0 + entries[$1]!.json.count
        })
        bytes += start.utf8
        for (position, index) in feed.articles.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += entries[index]!.json
        }
        bytes += end.utf8
        return bytes
    }
}
