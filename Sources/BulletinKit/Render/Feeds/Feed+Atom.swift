// MARK: - Atom

extension Feed {
    /// The feed as Atom 1.0: absolute links, RFC 3339 dates with offsets, ids that never
    /// change, each entry with its summary, its full content and its terms as categories.
    func atom(site: Site, entries: [Int: FeedEntry]) -> String {
        let routes = site.routes
        let x = XMLText.escape
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(x(site.config.language))">
            <title>\(x(title))</title>

            """
        if !subtitle.isEmpty { xml += "<subtitle>\(x(subtitle))</subtitle>\n" }
        xml += """
            <link rel="self" type="application/atom+xml" href="\(x(routes.absolute(atomPath)))"/>
            <link rel="alternate" type="text/html" href="\(x(routes.absolute(folder)))"/>
            <id>\(id(site: site))</id>
            <updated>\(updated(site: site).rfc3339)</updated>
            <author><name>\(x(site.config.title))</name><uri>\(x(routes.absolute(Routes.home)))</uri></author>
            <generator>Bulletin</generator>

            """
        for index in articles { xml += entries[index]!.atom }
        return xml + "</feed>\n"
    }

    /// Feed readers resolve relative links against the feed, not the page: make the site's
    /// root-relative links (`href="/articles/x/"`, not `href="//host"`) absolute.
    static func absoluteLinks(_ html: String, routes: Routes) -> String {
        let origin = Array(routes.baseURL.origin.utf8)
        let bytes = Array(html.utf8)
        let href = Array("href=\"/".utf8)
        let src = Array("src=\"/".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 256)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "h") || byte == UInt8(ascii: "s") {
                let pattern = byte == UInt8(ascii: "h") ? href : src
                let end = index + pattern.count
                if end < bytes.count, bytes[index..<end].elementsEqual(pattern), bytes[end] != UInt8(ascii: "/") {
                    result += pattern.dropLast()
                    result += origin
                    result.append(UInt8(ascii: "/"))
                    index = end
                    continue
                }
            }
            result.append(byte)
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}
