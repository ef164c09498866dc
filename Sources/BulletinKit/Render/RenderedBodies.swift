/// The Markdown of every article, page and registry entry, rendered once before any page,
/// because lists need every article's summary.
struct RenderedBodies: Sendable {
    /// By index into `Site.articles`.
    let articles: [MarkdownDocument]
    /// By index into `Site.pages`.
    let pages: [MarkdownDocument]
    /// By registry entry path (`agencies/kisa.md`).
    let entries: [String: MarkdownDocument]

    /// Renders every body in parallel; broken links are errors at their line and column.
    static func render(_ site: Site, rewriter: LinkRewriter) -> (RenderedBodies, [Diagnostic]) {
        enum Job: Sendable {
            case article(Int)
            case page(Int)
            case entry(RegistryEntry)
        }
        var jobs: [Job] = site.articles.indices.map(Job.article) + site.pages.indices.map(Job.page)
        for taxonomy in site.taxonomies + [site.dialogues] {
            for term in taxonomy.terms { if let entry = term.entry { jobs.append(.entry(entry)) } }
        }
        let results = Parallel.map(jobs) { job -> (MarkdownDocument, [Diagnostic]) in
            let (body, firstLine, path, source): (String, Int, String, SourceText) = switch job {
            case .article(let index):
                (site.articles[index].article.body, site.articles[index].article.bodyFirstLine,
                 site.articles[index].article.path, site.articles[index].article.source)
            case .page(let index):
                (site.pages[index].page.body, site.pages[index].page.bodyFirstLine, site.pages[index].page.path,
                 site.pages[index].page.source)
            case .entry(let entry):
                (entry.body, entry.bodyFirstLine, entry.path, entry.source)
            }
            var problems: [Diagnostic] = []
            let document = Markdown.render(body, firstLine: firstLine) { link in
                switch rewriter.rewrite(link.destination, from: path) {
                case .unchanged:
                    return .unchanged
                case .rewritten(let destination):
                    return .rewritten(destination)
                case .broken(let message, let hint):
                    problems.append(source.diagnostic(
                        .error, .brokenLink, message, line: link.line, column: link.column, hint: hint))
                    return .unchanged
                }
            }
            return (document, problems)
        }
        var diagnostics: [Diagnostic] = []
        var articles: [MarkdownDocument] = []
        var pages: [MarkdownDocument] = []
        var entries: [String: MarkdownDocument] = [:]
        for (job, (document, problems)) in zip(jobs, results) {
            diagnostics += problems
            switch job {
            case .article: articles.append(document)
            case .page: pages.append(document)
            case .entry(let entry): entries[entry.path] = document
            }
        }
        return (RenderedBodies(articles: articles, pages: pages, entries: entries), diagnostics)
    }
}
