import BulletinCore
package import BulletinResolve
package import BulletinTemplates

/// Articles' list entries, made once for the pages being rendered: an article appears in
/// many lists (all articles, each of its terms, its series), so its entry, and the HTML of
/// the theme's `article-card` partial for it, are made once per language and heading level,
/// not once per list.
package struct CardCache: Sendable {
    package struct Key: Hashable, Sendable {
        let path: String
        let lang: String
        let level: Int

        /// The path's bytes hashed by `WordHash`, one word given to the hasher: a Set and a
        /// Dictionary of tens of thousands of keys, and every card of every list page, hash
        /// one, and SipHash over each path's bytes was most of the set's serial stretch.
        /// (The language is compared, not hashed: a page's cards are in its own.)
        package func hash(into hasher: inout Hasher) {
            hasher.combine(Self.pathHash(path) &+ UInt64(truncatingIfNeeded: level))
        }

        /// Paths compared by their bytes, as they are hashed (String's `==` would call two
        /// spellings of one accented name equal, and they hash apart).
        ///
        /// Both hashing and comparing read the paths' bytes where they are stored: a copy of
        /// a key's path to read it (`withUTF8` needs one) counted a reference on the
        /// dictionary's own keys, which the pages on both cores look up.
        package static func == (a: Key, b: Key) -> Bool {
            guard a.level == b.level, a.lang == b.lang else { return false }
            let same = a.path.utf8.withContiguousStorageIfAvailable { x in
                b.path.utf8.withContiguousStorageIfAvailable { y in
                    x.count == y.count && (x.isEmpty || WordHash.equal(x.baseAddress!, y.baseAddress!, count: x.count))
                }
            }
            return (same ?? nil) ?? a.path.utf8.elementsEqual(b.path.utf8)
        }

        private static func pathHash(_ path: String) -> UInt64 {
            path.utf8.withContiguousStorageIfAvailable(WordHash.of) ?? Array(path.utf8).withUnsafeBufferPointer(WordHash.of)
        }
    }

    private let entries: [Key: TemplateValue]

    /// The entries the `pages` list, in parallel: each article's entry made once per
    /// language, its card rendered at each heading level a list shows it at.
    package init(inputs: RenderInputs, pages: [PlannedPage]) {
        // Each article and language the pages list, with the heading levels they show it at
        // (bit `level`).
        var needed: [Key: UInt8] = [:]
        for page in pages {
            let level = page.kind == .articles ? 2 : 3
            for case .card(let path) in page.dependencies { needed[Key(path: path, lang: page.lang, level: 0), default: 0] |= 1 << level }
        }
        let wanted = Array(needed)
        let theme = inputs.theme
        let card = theme.library["article-card"]
        // The partial sees `site` unmarked: one value per language, not one per card.
        var sites: [String: TemplateValue] = [:]
        for (lang, siteData) in inputs.sites {
            sites[lang] = Views(routes: inputs.site.routes, strings: siteData.strings, lang: lang).site(siteData, markedFor: nil)
        }
        let siteValues = sites
        let made = Parallel.map(wanted) { key, levels -> [(Key, TemplateValue)] in
            let siteData = inputs.sites[key.lang]!
            let views = Views(routes: inputs.site.routes, strings: siteData.strings, lang: key.lang)
            let object = views.card(inputs.cards[key.path]!)
            return (0..<8).filter { levels & (1 << $0) != 0 }.map { level -> (Key, TemplateValue) in
                var entry = object
                if let card {
                    var context = object
                    context["headingLevel"] = .number(level)
                    context["site"] = siteValues[key.lang]!
                    context["i18n"] = siteData.strings.value
                    // Kept as the bytes rendered: a String would check them again.
                    var bytes: [UInt8] = []
                    card.render(.object(context), library: theme.library, into: &bytes)
                    entry["card"] = .utf8(bytes)
                }
                return (Key(path: key.path, lang: key.lang, level: level), .object(entry))
            }
        }
        entries = Dictionary(uniqueKeysWithValues: made.joined())
    }

    /// The entries of `paths` in a page of `lang`, with their cards at heading `level`.
    package func list(_ paths: [String], lang: String, level: Int) -> TemplateValue {
        .list(paths.compactMap { entries[Key(path: $0, lang: lang, level: level)] })
    }
}
