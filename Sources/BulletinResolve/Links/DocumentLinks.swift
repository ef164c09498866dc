package import BulletinCore
import BulletinContent

/// The outcome documents (`documents:` of an article) given as site paths
/// (`/files/statement.pdf`) must lead to a page or file of the build, as a Markdown link
/// must: checked with the same rules, reported at the `url`.
package enum DocumentLinks {
    package static func check(_ site: Site, rewriter: LinkRewriter) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for published in site.articles where !published.article.documents.isEmpty {
            let article = published.article
            for document in article.documents where document.url.hasPrefix("/") {
                switch rewriter.rewrite(document.url, from: article.path).0 {
                case .broken(let message, let hint):
                    diagnostics.append(article.source.diagnostic(
                        .error, .brokenLink, "the document's " + message.dropFirst("the ".count), line: document.line,
                        column: document.column, hint: hint))
                case .unlinked:
                    // A Markdown link to an unpublished page is left out; a document's stays on
                    // the page, so it would lead nowhere.
                    diagnostics.append(article.source.diagnostic(
                        .error, .brokenLink, "the document '\(document.title)' links to \(document.url), which is not published",
                        line: document.line, column: document.column,
                        hint: "publish the target first, or give the document an address that exists"))
                case .unchanged, .rewritten, .unsafe:
                    break
                }
            }
        }
        return diagnostics
    }
}
