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

        /// The path's bytes hashed by `WordHash`, one word given to the hasher: a Set and a
        /// Dictionary of tens of thousands of keys, and every card of every list page, hash
        /// one, and SipHash over each path's bytes was most of the set's serial stretch.
        /// (The language is compared, not hashed: a page's cards are in its own.)
        package func hash(into hasher: inout Hasher) {
            hasher.combine(Self.pathHash(path))
        }

        /// Paths compared by their bytes, as they are hashed (String's `==` would call two
        /// spellings of one accented name equal, and they hash apart).
        ///
        /// Both hashing and comparing read the paths' bytes where they are stored: a copy of
        /// a key's path to read it (`withUTF8` needs one) counted a reference on the
        /// dictionary's own keys, which the pages on both cores look up.
        package static func == (a: Key, b: Key) -> Bool {
            guard a.lang == b.lang else { return false }
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

    /// Each article and language the pages list, by its place in `entries`.
    private let positions: [Key: Int]
    /// The heading levels each is shown at (bit `level`), and its entries at those levels,
    /// the lowest first.
    private let levels: [UInt8]
    private let entries: [[TemplateValue]]

    /// The entries the `pages` list, in parallel: each article's entry made once per
    /// language, its card rendered at each heading level a list shows it at.
    package init(inputs: RenderInputs, pages: [PlannedPage]) {
        // Each article and language the pages list, numbered as first met, with the heading
        // levels they show it at. The one table serves the look-ups too: a second, of each
        // entry by level, was built on one core while the other waited.
        var positions: [Key: Int] = [:]
        var levels: [UInt8] = []
        var keys: [Key] = []
        for page in pages {
            let level: UInt8 = page.kind == .articles ? 2 : 3
            for case .card(let path) in page.dependencies {
                let key = Key(path: path, lang: page.lang)
                let position = positions[key, default: keys.count]
                if position == keys.count {
                    positions[key] = position
                    keys.append(key)
                    levels.append(0)
                }
                levels[position] |= 1 << level
            }
        }
        let (listed, shownAt) = (keys, levels)
        let theme = inputs.theme
        let card = theme.library["article-card"]
        // The partial sees `site` unmarked: one value per language, not one per card.
        var sites: [String: TemplateValue] = [:]
        for (lang, siteData) in inputs.sites {
            sites[lang] = Views(routes: inputs.site.routes, strings: siteData.strings, lang: lang).site(siteData, markedFor: nil)
        }
        let siteValues = sites
        entries = Parallel.map(Array(listed.indices)) { position -> [TemplateValue] in
            let key = listed[position]
            let siteData = inputs.sites[key.lang]!
            let views = Views(routes: inputs.site.routes, strings: siteData.strings, lang: key.lang)
            let object = views.card(inputs.cards[key.path]!)
            return (0..<8).filter { shownAt[position] & (1 << $0) != 0 }.map { level -> TemplateValue in
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
                return .object(entry)
            }
        }
        self.positions = positions
        self.levels = levels
    }

    /// The entries of `paths` in a page of `lang`, with their cards at heading `level`.
    package func list(_ paths: [String], lang: String, level: Int) -> TemplateValue {
        .list(paths.compactMap { path in
            guard let position = positions[Key(path: path, lang: lang)] else { return nil }
            let shown = levels[position]
            guard shown & (1 << level) != 0 else { return nil }
            // The levels below `level` it is shown at come first.
            return entries[position][(shown & ((1 << level) - 1)).nonzeroBitCount]
        })
    }
}
