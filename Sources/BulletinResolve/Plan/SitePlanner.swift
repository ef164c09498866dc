package import BulletinCore
package import BulletinContent

internal import Foundation

/// Lists every file the build will write, pages and copies alike, and finds any two that
/// would land on one path: equal, or equal but for letter case or Unicode normalisation
/// (which collide on macOS and Windows file systems and confuse readers everywhere).
package struct SitePlanner {
    package let config: SiteConfig
    package let articles: [PublishedArticle]
    package let pages: [PublishedPage]
    package let taxonomies: [Taxonomy]
    package let dialogues: Taxonomy
    package let staticFiles: [StaticFile]
    package let assets: [StaticFile]

    /// Where an output file comes from, for collision messages.
    package enum Origin {
        /// A file the editor wrote, with the place that decides its URL.
        case file(SourceLocation)
        /// A page Bulletin makes itself ("the list of all articles").
        case generated(String)
    }

    package struct Entry {
        /// The page to render, or nil for a copied file.
        package let page: PlannedPage?
        /// The path written under the output folder.
        package let file: String
        package let origin: Origin
    }

    package func plan() -> [Entry] {
        var entries: [Entry] = []
        func add(_ kind: PlannedPage.Kind, _ path: String, _ origin: Origin) {
            entries.append(Entry(page: PlannedPage(kind: kind, path: path), file: Routes.outputFile(path), origin: origin))
        }
        add(.home, Routes.home, .generated("the home page"))
        for number in 1...pageCount(articles.count) {
            add(.articleList(number: number), Routes.listPage(Routes.articles, number),
                .generated("page \(number) of the list of all articles"))
        }
        for (index, article) in articles.enumerated() {
            add(.article(index), article.path, .file(article.article.slugLocation))
        }
        for (taxonomyIndex, taxonomy) in taxonomies.enumerated() {
            add(.taxonomy(taxonomyIndex), taxonomy.path, .generated("the index of \(taxonomy.name)"))
            for (termIndex, term) in taxonomy.terms.enumerated() {
                for number in 1...pageCount(term.articles.count) {
                    let origin: Origin = number == 1 && term.entry != nil
                        ? .file(SourceLocation(file: term.entry!.source.file))
                        : .generated("page \(number) of the \(taxonomy.name) term '\(term.name)'")
                    add(.term(taxonomy: taxonomyIndex, term: termIndex, number: number),
                        Routes.listPage(term.path, number), origin)
                }
            }
        }
        add(.dialogues, Routes.dialogues, .generated("the index of dialogue series"))
        for (index, dialogue) in dialogues.terms.enumerated() {
            let origin: Origin = dialogue.entry.map { .file(SourceLocation(file: $0.source.file)) }
                ?? .generated("the dialogue series '\(dialogue.name)'")
            add(.dialogue(index), dialogue.path, origin)
        }
        for (index, page) in pages.enumerated() {
            add(.page(index), page.path, .file(page.page.slugLocation))
        }
        add(.search, Routes.search, .generated("the search page"))
        add(.notFound, Routes.notFound, .generated("the 404 page"))
        // Files Bulletin makes besides pages: feeds beside the pages they belong to, the
        // sitemap, robots.txt and the search script (the search index's own files are named
        // after the content, and claim the whole search/ folder).
        func generated(_ path: String, _ what: String) {
            entries.append(Entry(page: nil, file: path, origin: .generated(what)))
        }
        for folder in [Routes.home] + taxonomies.flatMap({ $0.terms.map(\.path) }) + dialogues.terms.map(\.path) {
            generated(folder + "feed.xml", "the Atom feed of /\(folder)")
            generated(folder + "feed.json", "the JSON feed of /\(folder)")
        }
        generated("sitemap.xml", "the sitemap")
        generated("robots.txt", "robots.txt")
        generated("search/search.js", "the search script")
        generated("search/meta.json", "the search index")
        for file in staticFiles {
            entries.append(Entry(page: nil, file: file.path, origin: .file(SourceLocation(file: file.displayPath))))
        }
        for file in assets {
            entries.append(Entry(page: nil, file: Routes.asset(file.path), origin: .file(SourceLocation(file: file.displayPath))))
        }
        return entries
    }

    /// The number of pages of a list of `count` items: at least one.
    package func pageCount(_ count: Int) -> Int {
        max(1, (count + config.perPage - 1) / config.perPage)
    }

    /// An error for each output path claimed twice (and for a file that would need to be a
    /// folder for another: `static/articles` as a file against the `articles/` pages).
    package func collisions(in entries: [Entry]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owners: [String: Int] = [:]
        var folders: [String: Int] = [:]
        let searchIndex = entries.firstIndex { $0.file == "search/meta.json" }
        for (index, entry) in entries.enumerated() {
            if let searchIndex, entry.page == nil, case .file = entry.origin,
               entry.file.precomposedStringWithCanonicalMapping.lowercased().hasPrefix("search/") {
                diagnostics.append(collision(entries[searchIndex], entry, path: entry.file))
                continue
            }
            let key = entry.file.precomposedStringWithCanonicalMapping.lowercased()
            if let first = owners[key] {
                diagnostics.append(collision(entries[first], entry, path: entry.file))
                continue
            }
            owners[key] = index
            var folder = key.deletingLastPathComponent
            while !folder.isEmpty {
                if folders[folder] == nil { folders[folder] = index }
                folder = folder.deletingLastPathComponent
            }
        }
        // A file where another entry needs a folder.
        for (key, index) in owners.sorted(by: { $0.value < $1.value }) {
            if let other = folders[key] {
                diagnostics.append(collision(entries[min(index, other)], entries[max(index, other)], path: entries[index].file))
            }
        }
        return diagnostics
    }

    private func collision(_ first: Entry, _ second: Entry, path: String) -> Diagnostic {
        // Report at the editor's file that comes later by path (or the only one there is).
        var earlier = first
        var later = second
        if case .file(let a) = first.origin, case .file(let b) = second.origin, b.file.codePointPrecedes(a.file) {
            swap(&earlier, &later)
        } else if case .generated = second.origin, case .file = first.origin {
            swap(&earlier, &later)
        }
        let url = "/" + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        var message = "two pages would be written to \(url): \(describe(earlier.origin)) and \(describe(later.origin))"
        let (a, b) = (describe(earlier.origin), describe(later.origin))
        if a == b && !a.utf8.elementsEqual(b.utf8) {
            // Swift's == is canonical equivalence: the same letters, composed differently.
            message += " (the two names look the same but are written with different Unicode forms, NFC and NFD)"
        } else if a != b && a.lowercased() == b.lowercased() {
            message += " (the names differ only in letter case, which macOS and Windows do not tell apart)"
        }
        let hint: String
        switch (earlier.page?.kind, later.page?.kind) {
        case (.article?, .article?): hint = "give one of the two articles another `slug:`"
        case (.page?, .page?): hint = "give one of the two pages another `slug:`"
        case (_, nil), (nil, _): hint = "rename or move the copied file, or change the page's slug"
        default: hint = "change the slug so that the URL is free"
        }
        guard case .file(let location) = later.origin else {
            return Diagnostic(.error, .urlCollision, message, at: SourceLocation(file: url), hint: hint)
        }
        return Diagnostic(.error, .urlCollision, message, at: location, hint: hint)
    }

    private func describe(_ origin: Origin) -> String {
        switch origin {
        case .file(let location): location.file
        case .generated(let text): text
        }
    }
}
