@testable import BulletinCore
import BulletinBuild
import Foundation
import Testing

/// Small fictional sites for the reading features (series navigation, related articles,
/// co-occurrence, archives, open data), and helpers to read what their pages list.
enum ReadingFixture {
    /// An article file: `extra` is more front matter, one key a line.
    static func article(_ title: String, _ date: String, _ extra: String = "") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\n\nThe report on \(title).\n"
    }

    /// A site with `articles` (file name -> text) and no registries, so terms are taken as
    /// written.
    static func site(_ articles: [String: String], siteYAML: String = "title: Reading\nbaseURL: https://reading.test/\n") -> TestSite {
        var files = ["Content/site.yaml": siteYAML]
        for (name, text) in articles { files["Content/articles/\(name).md"] = text }
        return TestSite(files: files)
    }

    /// The `href`s inside the first element that starts with `marker`, up to `end`.
    static func links(in html: String, after marker: String, until end: String = "</ul>") -> [String] {
        guard let start = html.range(of: marker) else { return [] }
        let rest = html[start.upperBound...]
        let block = rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)]
        var result: [String] = []
        var remaining = block[...]
        while let href = remaining.range(of: "href=\"") {
            let after = remaining[href.upperBound...]
            guard let close = after.firstIndex(of: "\"") else { break }
            result.append(String(after[..<close]))
            remaining = after[close...]
        }
        return result
    }

    /// The JSON-LD of a page, parsed.
    static func structuredData(_ html: String) throws -> [String: Any] {
        let open = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let close = try #require(html[open.upperBound...].range(of: "</script>"))
        let data = Data(html[open.upperBound..<close.lowerBound].utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
