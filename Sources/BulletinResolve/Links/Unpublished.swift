import BulletinCore
package import BulletinContent
import BulletinMarkdown

/// Articles and pages that exist but are not published in this build (drafts, future
/// articles), with the reason, by content path and by site path.
package struct Unpublished: Sendable, Equatable {
    package var byContentPath: [String: String] = [:]
    package var bySitePath: [String: String] = [:]
    /// The heading ids of each unpublished article and page, by content path and by site
    /// path, so that a link to one of its headings is checked too.
    package var headings: [String: [String]] = [:]
    package var headingsBySitePath: [String: [String]] = [:]

    /// Articles and pages that exist but are not published, for messages about links to them:
    /// drafts, future articles, and files with errors of their own (not "missing").
    package init(_ content: ParsedContent, site: Site, tree: SourceTree? = nil) {
        var result = Unpublished()
        let parsed = Set(content.articles.map(\.path) + content.pages.map(\.path))
        for file in tree?.content ?? [] where file.path.hasSuffix(".md") && !parsed.contains(file.path)
            && (file.path.hasPrefix("articles/") || file.path.hasPrefix("pages/")) {
            result.byContentPath[file.path] = "a file with errors of its own (reported there)"
        }
        var bodies: [(contentPath: String, sitePath: String, body: String)] = []
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
        for (body, ids) in zip(bodies, Parallel.map(bodies.map(\.body)) { Markdown.render($0).headings.map(\.id) }) {
            result.headings[body.contentPath] = ids
            result.headingsBySitePath[body.sitePath] = ids
        }
        self = result
    }

    package init(byContentPath: [String: String] = [:], bySitePath: [String: String] = [:], headings: [String: [String]] = [:], headingsBySitePath: [String: [String]] = [:]) {
        self.byContentPath = byContentPath
        self.bySitePath = bySitePath
        self.headings = headings
        self.headingsBySitePath = headingsBySitePath
    }
}
