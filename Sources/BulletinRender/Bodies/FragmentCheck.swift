import BulletinContent
package import BulletinCore
import BulletinMarkdown
package import BulletinResolve

internal import Foundation

/// The output files whose ids `verify` reads.
extension Array where Element == FragmentCheck {
    package var pagesToKeep: Set<String> { Set(map { Routes.outputFile($0.target.sitePath) }) }
}

/// A `#fragment` a Markdown link points at, checked once the pages exist: against the ids of
/// the rendered page (headings, and the theme's own ids), or, when the build stopped before
/// rendering, against the headings of the target's Markdown.
package struct FragmentCheck: Sendable {
    package let target: LinkRewriter.Target
    package let destination: String
    package let line: Int
    package let column: Int
    package let source: SourceText

    /// An error for each fragment that names no element of its page.
    /// `page` gives a rendered page's bytes by its output path; nil when the build stopped
    /// before rendering.
    package static func verify(
        _ checks: [FragmentCheck], page: ((String) -> [UInt8]?)?, bodies: RenderedBodies, site: Site
    ) -> [Diagnostic] {
        guard !checks.isEmpty else { return [] }
        // Headings from the Markdown, needed only when there are no pages to read.
        let headingsByPath = page == nil ? headings(site: site, bodies: bodies) : [:]

        var idCache: [String: [String]] = [:]
        func ids(of sitePath: String) -> [String]? {
            if let cached = idCache[sitePath] { return cached }
            var result: [String]?
            if let page {
                let file = Routes.outputFile(sitePath)
                if file.hasSuffix(".html"), let bytes = page(file) { result = HTMLIDs.all(in: bytes) }
            } else {
                result = headingsByPath[sitePath]
            }
            idCache[sitePath] = result
            return result
        }

        var diagnostics: [Diagnostic] = []
        for check in checks {
            // Compared as bytes, as a browser compares them: Swift's `==` calls two Unicode
            // forms of one text equal (links' fragments are composed as ids are, but an id in
            // raw HTML may be written decomposed).
            let fragment = check.target.fragment.utf8
            guard let known = ids(of: check.target.sitePath), !known.contains(where: { $0.utf8.elementsEqual(fragment) }) else { continue }
            let suggestion = EditDistance.closest(
                to: check.target.fragment, among: known, limit: max(2, check.target.fragment.count / 3), count: 1).first
            diagnostics.append(check.source.diagnostic(
                .error, .brokenLink,
                "the link '\(check.destination)' points at #\(check.target.fragment), which is not on /\(check.target.sitePath)",
                line: check.line, column: check.column,
                hint: suggestion.map { "did you mean #\($0)?" }
                    ?? "headings get ids from their text: '## North Korea and cybercrime' is #north-korea-and-cybercrime"))
        }
        return diagnostics
    }

    /// The heading ids of every page with a Markdown body, by site path.
    private static func headings(site: Site, bodies: RenderedBodies) -> [String: [String]] {
        var headingsByPath: [String: [String]] = [:]
        for index in site.articles.indices { headingsByPath[site.articles[index].path] = bodies.articles[index].headings.map(\.id) }
        for index in site.pages.indices { headingsByPath[site.pages[index].path] = bodies.pages[index].headings.map(\.id) }
        for taxonomy in site.taxonomies + [site.dialogues] {
            for term in taxonomy.terms {
                if let entry = term.entry { headingsByPath[term.path] = bodies.entries[entry.path]?.headings.map(\.id) }
            }
        }
        return headingsByPath
    }
}

/// The `id` attributes of an HTML page Bulletin wrote (attributes in double quotes).
package enum HTMLIDs {
    package static func all(in bytes: [UInt8]) -> [String] {
        let pattern = Array(" id=\"".utf8)
        var ids: [String] = []
        var index = 0
        while index + pattern.count < bytes.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                let start = index + pattern.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                ids.append(unescape(String(decoding: bytes[start..<end], as: UTF8.self)))
                index = end
            } else {
                index += 1
            }
        }
        return ids
    }

    private static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
