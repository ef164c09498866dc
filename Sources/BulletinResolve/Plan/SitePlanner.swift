package import BulletinCore
package import BulletinContent

internal import Foundation

/// Lists every file the build will write, pages and copies alike, and finds any two that
/// would land on one path: equal, or equal but for letter case or Unicode normalisation
/// (which collide on macOS and Windows file systems and confuse readers everywhere).
package struct SitePlanner {
    package let config: SiteConfig
    package let routes: Routes
    package let articles: [PublishedArticle]
    package let articlesByLanguage: [String: [Int]]
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

        /// Whether it is a page: matched where it is stored (`page == nil` copied the page,
        /// a score of reference counts, for each of the collision check's 15,000 entries).
        var isPage: Bool {
            if case .some = page { return true }
            return false
        }
    }

    /// What `collisions(in:)` reads of an entry: its path, and whether it is a page and
    /// an editor's file.
    struct FileKey: Sendable, Hashable {
        let file: String
        let isPage: Bool
        let isEditorsFile: Bool

        init(_ entry: Entry) {
            file = entry.file
            isPage = entry.isPage
            if case .file = entry.origin { isEditorsFile = true } else { isEditorsFile = false }
        }
    }

    /// The languages in the order their pages are planned: the default first, then the
    /// others in menu order.
    var languages: [String] {
        [config.language] + config.languages.filter { $0 != config.language }
    }

    package func plan() -> [Entry] {
        var entries: [Entry] = []
        let multilingual = config.isMultilingual
        @Sendable func entry(_ subject: PlannedPage.Subject, _ lang: String, _ path: String, _ origin: Origin, _ reads: [Dependency]) -> Entry {
            let kind = PlannedPage(subject: subject, lang: lang, path: path, dependencies: []).kind
            // Every page reads the site in its language and its template; in a site of several
            // languages, also its counterparts (its `hreflang` links and its language switcher).
            var dependencies: [Dependency] = [.site(lang: lang), .template(kind)] + reads
            if multilingual { dependencies.append(.alternates(path)) }
            return Entry(
                page: PlannedPage(subject: subject, lang: lang, path: path, dependencies: dependencies),
                file: Routes.outputFile(path), origin: origin)
        }
        func add(_ subject: PlannedPage.Subject, _ lang: String, _ path: String, _ origin: Origin, _ reads: [Dependency]) {
            entries.append(entry(subject, lang, path, origin, reads))
        }
        // Each article's card, made once: lists read hundreds of thousands of them.
        let cardOf = articles.map { Dependency.card($0.article.path) }
        @Sendable func cards(_ indices: some Sequence<Int>) -> [Dependency] {
            indices.map { cardOf[$0] }
        }
        let agencies = taxonomies.firstIndex { $0.name == "agencies" }
        for lang in languages {
            let local = { (path: String) in routes.localized(path, lang) }
            let all = articlesByLanguage[lang] ?? []
            let inLanguage = multilingual ? " in \(lang)" : ""
            add(.home, lang, local(Routes.home), .generated("the home page\(inLanguage)"),
                [.list(.all(lang: lang), number: 1)] + cards(slice(all, 1))
                    + taxonomies.map { .taxonomyIndex(taxonomy: $0.name, lang: lang) } + [.dialogueIndex(lang: lang)])
            let articlePages = pageCount(all.count)
            for number in 1...articlePages {
                add(.articleList(number: number), lang, local(Routes.listPage(Routes.articles, number)),
                    .generated("page \(number) of the list of all articles\(inLanguage)"),
                    [.list(.all(lang: lang), number: number)] + cards(slice(all, number)))
            }
            // The article pages, most of the plan, on every core.
            entries += Parallel.map(all) { index in
                let article = articles[index]
                var reads: [Dependency] = [.card(article.article.path), .article(article.article.path), .reading(article.article.path)]
                for (position, taxonomy) in taxonomies.enumerated() {
                    reads += article.terms[position].map { .termLink(taxonomy: taxonomy.name, id: taxonomy.terms[$0].id, lang: lang) }
                }
                // A chair's agency is linked to its page in this language, or else in the
                // first language that has one.
                if let agencies {
                    for term in article.chairAgencies.compactMap({ $0 }) {
                        let id = taxonomies[agencies].terms[term].id
                        reads += languages.map { .termLink(taxonomy: "agencies", id: id, lang: $0) }
                    }
                }
                return entry(.article(index), lang, article.path, .file(article.article.slugLocation), reads)
            }
            // Each taxonomy's index and term pages on a core of their own, in order.
            entries += Parallel.map(Array(taxonomies.indices)) { taxonomyIndex in
                let taxonomy = taxonomies[taxonomyIndex]
                var made = [entry(
                    .taxonomy(taxonomyIndex), lang, routes.localized(taxonomy.path, lang),
                    .generated("the index of \(taxonomy.name)\(inLanguage)"), [.taxonomyIndex(taxonomy: taxonomy.name, lang: lang)])]
                for (termIndex, term) in taxonomy.terms.enumerated() where term.exists(in: lang) {
                    let members = term.articles(in: lang)
                    for number in 1...pageCount(members.count) {
                        let origin: Origin = number == 1 && term.entry != nil && lang == config.language
                            ? .file(SourceLocation(file: term.entry!.source.file))
                            : .generated("page \(number) of the \(taxonomy.name) term '\(term.name)'\(inLanguage)")
                        made.append(entry(
                            .term(taxonomy: taxonomyIndex, term: termIndex, number: number), lang,
                            routes.localized(Routes.listPage(term.path, number), lang), origin,
                            [.term(taxonomy: taxonomy.name, id: term.id, lang: lang),
                             .termReading(taxonomy: taxonomy.name, id: term.id, lang: lang),
                             .list(.term(taxonomy: taxonomy.name, id: term.id, lang: lang), number: number)]
                                + cards(slice(members, number))))
                    }
                }
                return made
            }.flatMap { $0 }
            add(.dialogues, lang, local(Routes.dialogues), .generated("the index of dialogue series\(inLanguage)"),
                [.dialogueIndex(lang: lang)])
            for (index, dialogue) in dialogues.terms.enumerated() where dialogue.exists(in: lang) {
                let origin: Origin = dialogue.entry != nil && lang == config.language
                    ? .file(SourceLocation(file: dialogue.entry!.source.file))
                    : .generated("the dialogue series '\(dialogue.name)'\(inLanguage)")
                // A series page lists every session, in another language where this one has
                // no report: it reads the cards of the series' articles in every language.
                add(.dialogue(index), lang, local(dialogue.path), origin,
                    [.term(taxonomy: dialogues.name, id: dialogue.id, lang: lang), .series(id: dialogue.id, lang: lang),
                     .termReading(taxonomy: dialogues.name, id: dialogue.id, lang: lang)]
                        + cards(dialogue.articles))
            }
            for (index, page) in pages.enumerated() where page.page.lang == lang {
                add(.page(index), lang, page.path, .file(page.page.slugLocation), [.page(page.page.path)])
            }
            add(.search, lang, local(Routes.search), .generated("the search page\(inLanguage)"), [])
            // The archive: an index of years, and a page for each year that has articles.
            add(.archive, lang, local(Routes.archive), .generated("the archive\(inLanguage)"), [.archive(lang: lang, year: nil)])
            for (year, members) in Self.years(of: all, articles: articles) {
                add(.archiveYear(year), lang, local(Routes.archiveYear(year)), .generated("the archive of \(year)\(inLanguage)"),
                    [.archive(lang: lang, year: year)] + cards(members))
            }
            if lang == config.language {
                add(.notFound, lang, Routes.notFound, .generated("the 404 page"), [])
            }
        }
        // Files Bulletin makes besides pages: feeds beside the pages they belong to, the
        // sitemap, robots.txt and the search script (the search index's own files are named
        // after the content, and claim the whole search/ folder of each language).
        func generated(_ path: String, _ what: String) {
            entries.append(Entry(page: nil, file: path, origin: .generated(what)))
        }
        for lang in languages {
            var folders = [Routes.home]
            for taxonomy in taxonomies + [dialogues] {
                folders += taxonomy.terms.filter { $0.exists(in: lang) }.map(\.path)
            }
            for folder in folders.map({ routes.localized($0, lang) }) {
                generated(folder + "feed.xml", "the Atom feed of /\(folder)")
                generated(folder + "feed.json", "the JSON feed of /\(folder)")
            }
            generated(routes.localized(Routes.searchManifest, lang), "the search index")
        }
        generated(Routes.sessionsCSV, "the open data of sessions (CSV)")
        generated(Routes.sessionsJSON, "the open data of sessions (JSON)")
        generated(Routes.termsJSON, "the open data of terms")
        generated("sitemap.xml", "the sitemap")
        generated("robots.txt", "robots.txt")
        generated(OutputFile.manifestPath, "the list of the files the build wrote")
        generated(Routes.searchScript, "the search script")
        for file in staticFiles {
            entries.append(Entry(page: nil, file: file.path, origin: .file(SourceLocation(file: file.displayPath))))
        }
        for file in assets {
            entries.append(Entry(page: nil, file: Routes.asset(file.path), origin: .file(SourceLocation(file: file.displayPath))))
        }
        return entries
    }

    /// The years of `indices` (newest first, as every list), newest first, each with its
    /// articles in the same order. A year is the one the date is written in.
    package static func years(of indices: [Int], articles: [PublishedArticle]) -> [(year: Int, articles: [Int])] {
        var result: [(year: Int, articles: [Int])] = []
        var position: [Int: Int] = [:]
        for index in indices {
            let year = articles[index].article.date.year
            if let at = position[year] {
                result[at].articles.append(index)
            } else {
                position[year] = result.count
                result.append((year, [index]))
            }
        }
        // By instant, an article at 23:00-05:00 on 31 December may come after one of the next
        // year written in UTC: sort the years themselves.
        return result.sorted { $0.year > $1.year }
    }

    /// Page `number` of a list of article indices.
    func slice(_ indices: [Int], _ number: Int) -> ArraySlice<Int> {
        let start = min((number - 1) * config.perPage, indices.count)
        return indices[start..<min(start + config.perPage, indices.count)]
    }

    /// The number of pages of a list of `count` items: at least one.
    package func pageCount(_ count: Int) -> Int {
        max(1, (count + config.perPage - 1) / config.perPage)
    }

    /// An error for each output path claimed twice (and for a file that would need to be a
    /// folder for another: `static/articles` as a file against the `articles/` pages).
    package func collisions(in entries: [Entry]) -> [Diagnostic] {
        checkCollisions(in: entries, remembering: nil).diagnostics
    }

    /// The same, and, when there are none and `remembering` holds the entries' `FileKey`s,
    /// the files as the next plan's check can start from (`CollisionFreeFiles`).
    func checkCollisions(in entries: [Entry], remembering keys: [FileKey]?) -> (diagnostics: [Diagnostic], free: CollisionFreeFiles?) {
        var diagnostics: [Diagnostic] = []
        // This check is the longest part of resolving, and nothing runs beside it for its last
        // half (15,000 entries at 10,000 articles): the tables are made at their size, the
        // entries read where they are (a copy of one retains every field of its page), and
        // a key new to its table, nearly every one, is hashed once.
        var owners: [String: Int] = [:]
        owners.reserveCapacity(entries.count)
        /// The keys of `owners` in the order of their entries (a sort of 15,000 otherwise).
        var ownedKeys: [String] = []
        ownedKeys.reserveCapacity(entries.count)
        var folders: [String: Int] = [:]
        folders.reserveCapacity(entries.count)
        // Each language's search index names its files after the content: it claims its folder.
        var searchFolders: [(folder: String, entry: Int)] = []
        for index in entries.indices where !entries[index].isPage && entries[index].file.hasSuffix(Routes.searchManifest) {
            searchFolders.append((entries[index].file.deletingLastPathComponent.lowercased() + "/", index))
        }
        for index in entries.indices {
            if !entries[index].isPage, case .file = entries[index].origin,
               let claim = searchFolders.first(where: { Self.folded(entries[index].file).hasPrefix($0.folder) }) {
                diagnostics.append(collision(entries[claim.entry], entries[index], path: entries[index].file))
                continue
            }
            let key = Self.folded(entries[index].file)
            if let first = owners.updateValue(index, forKey: key) {
                owners[key] = first  // the first entry keeps the path
                diagnostics.append(collision(entries[first], entries[index], path: entries[index].file))
                continue
            }
            ownedKeys.append(key)
            // A folder met before had its own folders recorded with it: stop there.
            var folder = key.deletingLastPathComponent
            while !folder.isEmpty {
                if let first = folders.updateValue(index, forKey: folder) {
                    folders[folder] = first
                    break
                }
                folder = folder.deletingLastPathComponent
            }
        }
        // A file where another entry needs a folder.
        for key in ownedKeys {
            if let other = folders[key] {
                let index = owners[key]!
                diagnostics.append(collision(entries[min(index, other)], entries[max(index, other)], path: entries[index].file))
            }
        }
        guard let keys, diagnostics.isEmpty else { return (diagnostics, nil) }
        return ([], CollisionFreeFiles(files: keys, paths: Set(owners.keys), folders: Set(folders.keys)))
    }

    /// A path as file systems that ignore case and Unicode normalization see it (NFC,
    /// lowercased). Nearly every path is ASCII, for which both are a byte-wise lowercasing:
    /// done so, without Foundation's normalization, for the 15,000 paths of a large site.
    static func folded(_ path: String) -> String {
        // What the path holds, read on its bytes where they are (through the UTF-8 view's
        // iterator, 30 instructions a byte under callgrind: most of the check's time).
        // `withUTF8` on a copy: a native string's own bytes, no copy of them.
        var stored = path
        let (ascii, upper) = stored.withUTF8 { bytes -> (Bool, Bool) in
            var (any, upper): (UInt8, Bool) = (0, false)
            for byte in bytes {
                any |= byte
                upper = upper || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            }
            return (any < 0x80, upper)
        }
        if ascii {
            // Nearly every path is lowercase already: the same string, not a copy.
            guard upper else { return path }
            return String(decoding: path.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return path.precomposedStringWithCanonicalMapping.lowercased()
    }

    private func collision(_ first: Entry, _ second: Entry, path: String) -> Diagnostic {
        // Report at the `slug:` that made the clash when only one of the two wrote one; else
        // at the editor's file that comes later by path (or the only one there is).
        var earlier = first
        var later = second
        if case .file(let a) = first.origin, case .file(let b) = second.origin {
            // A derived slug's place has no line: the file's name made it.
            let (aWritten, bWritten) = (a.line != nil, b.line != nil)
            let reportFirst = aWritten != bWritten ? aWritten : b.file.codePointPrecedes(a.file)
            if reportFirst { swap(&earlier, &later) }
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
        switch (earlier.page?.subject, later.page?.subject) {
        case (.article?, .article?): hint = "give one of the two articles another `slug:`"
        case (.page?, .page?): hint = "give one of the two pages another `slug:`"
        case (_, nil), (nil, _): hint = "rename or move the copied file, or change the page's slug"
        default: hint = "change the slug so that the URL is free"
        }
        guard case .file(let location) = later.origin else {
            return Diagnostic(.error, .urlCollision, message, at: SourceLocation(file: url), hint: hint)
        }
        // A `slug:` line is shown with a caret under the slug.
        if let line = location.line, let column = location.column {
            switch later.page?.subject {
            case .article(let index)?:
                return articles[index].article.source.diagnostic(.error, .urlCollision, message, line: line, column: column, hint: hint)
            case .page(let index)?:
                return pages[index].page.source.diagnostic(.error, .urlCollision, message, line: line, column: column, hint: hint)
            default:
                break
            }
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
