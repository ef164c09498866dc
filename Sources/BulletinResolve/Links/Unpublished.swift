import BulletinCore
package import BulletinContent
import BulletinMarkdown

/// Articles and pages that exist but are not published in this build (drafts, future
/// articles), with the reason, by content path and by site path.
package struct Unpublished: Sendable {
    package var byContentPath: [String: String] = [:]
    package var bySitePath: [String: String] = [:]
    /// The heading ids of each unpublished article and page, by content path and by site
    /// path, so that a link to one of its headings is checked too.
    package var headings: [String: [String]] = [:]
    package var headingsBySitePath: [String: [String]] = [:]
    /// Each draft's site path, text and heading ids, by content path: to reuse the ids for
    /// the same text next time.
    package var texts: [String: (sitePath: String, text: Substring, ids: [String])] = [:]

    /// Articles and pages that exist but are not published, for messages about links to them:
    /// drafts, future articles, and files with errors of their own (not "missing").
    /// `earlier`: the unpublished files of an earlier build, whose headings are reused for a
    /// draft whose text is the same.
    package init(_ content: ParsedContent, site: Site, tree: SourceTree? = nil, earlier: Unpublished? = nil) {
        var result = Unpublished()
        let parsed = Set(content.articles.map(\.path) + content.pages.map(\.path))
        for file in tree?.content ?? [] where file.path.hasSuffix(".md") && !parsed.contains(file.path)
            && (file.path.hasPrefix("articles/") || file.path.hasPrefix("pages/")) {
            result.byContentPath[file.path] = "a file with errors of its own (reported there)"
        }
        var bodies: [(contentPath: String, sitePath: String, body: Substring)] = []
        for article in content.articles where site.contentPaths[article.path] == nil {
            let reason = article.draft ? "a draft" : "dated in the future (\(article.date.isoDate))"
            result.byContentPath[article.path] = reason
            let sitePath = site.routes.localized(Routes.article(article.slug), article.lang)
            result.bySitePath[sitePath] = reason
            bodies.append((article.path, sitePath, article.body))
        }
        for page in content.pages where site.contentPaths[page.path] == nil {
            result.byContentPath[page.path] = "a draft"
            let sitePath = site.routes.localized(Routes.page(page.slug), page.lang)
            result.bySitePath[sitePath] = "a draft"
            bodies.append((page.path, sitePath, page.body))
        }
        // Their headings, for links to them with a #fragment: drafts are few.
        let known = earlier?.texts ?? [:]
        let ids = Parallel.map(bodies) { body in
            known[body.contentPath].flatMap { $0.text == body.body ? $0.ids : nil } ?? Markdown.headings(body.body).map(\.id)
        }
        for (body, ids) in zip(bodies, ids) {
            result.headings[body.contentPath] = ids
            result.headingsBySitePath[body.sitePath] = ids
            result.texts[body.contentPath] = (body.sitePath, body.body, ids)
        }
        self = result
    }

    /// The same unpublished files, with the headings of those among `changed` (content
    /// paths) read again from `content`: what `init` gives when no front matter changed
    /// (the same drafts, future articles and files with errors, at the same paths).
    package func updatingHeadings(from content: ParsedContent, changed: Set<String>) -> Unpublished {
        let drafts = changed.filter { texts[$0] != nil }
        if drafts.isEmpty { return self }
        var result = self
        for index in content.articles.indices where drafts.contains(content.articles[index].path) {
            result.updateHeadings(of: content.articles[index].path, body: content.articles[index].body)
        }
        for index in content.pages.indices where drafts.contains(content.pages[index].path) {
            result.updateHeadings(of: content.pages[index].path, body: content.pages[index].body)
        }
        return result
    }

    private mutating func updateHeadings(of path: String, body: Substring) {
        guard let known = texts[path], known.text != body else { return }
        let ids = Markdown.headings(body).map(\.id)
        headings[path] = ids
        headingsBySitePath[known.sitePath] = ids
        texts[path] = (known.sitePath, body, ids)
    }

    package init(byContentPath: [String: String] = [:], bySitePath: [String: String] = [:], headings: [String: [String]] = [:], headingsBySitePath: [String: [String]] = [:]) {
        self.byContentPath = byContentPath
        self.bySitePath = bySitePath
        self.headings = headings
        self.headingsBySitePath = headingsBySitePath
    }
}

extension Unpublished: Equatable {
    /// What links to unpublished files are rewritten with: not the texts kept for reuse.
    package static func == (lhs: Unpublished, rhs: Unpublished) -> Bool {
        lhs.byContentPath == rhs.byContentPath && lhs.bySitePath == rhs.bySitePath && lhs.headings == rhs.headings
            && lhs.headingsBySitePath == rhs.headingsBySitePath
    }
}
