import BulletinMarkdown
import BulletinContent
package import BulletinCore
package import BulletinResolve

/// The search index `/search/` reads, built for phones: the client downloads a small
/// manifest, then only the shards holding its query's words and the chunks holding the
/// results it shows.
///
/// - `search/meta.json`: the facets (each taxonomy, the dialogue series, the year) with
///   their values, every article's facet values, the shard keys and the stop words.
/// - `search/docs-N.json`: articles `N*chunk ..< (N+1)*chunk` (newest first):
///   `[url, title, date, ISO date, summary]`.
/// - `search/t-KEY.json`: every word starting with the two characters KEY (hex of UTF-8):
///   `{"word": [article, score, Δarticle, score, ...]}`, articles ascending, delta-encoded.
///
/// Scores weigh where a word is: title 10, a term's names (its name, short name, aliases and
/// names in other languages) 6, summary 3, body 1. On a site of 1,000 articles or more, words
/// in more than 60% of them are stop words: left out (their lists would be most of the
/// index), and a query of nothing else says so.
package struct SearchIndex: Sendable {
    package static let chunkSize = 500
    package static let stopWordShare = 0.6
    /// Below this many articles every word is indexed: the index is small anyway, and on a
    /// bulletin about Korea "korea" must find something.
    package static let stopWordMinimum = 1000

    /// Every file of the index, by path (under `search/`, or `<lang>/search/`).
    package private(set) var files: [String: String] = [:]
    /// The folder of the index: `search/`, `ko/search/`.
    package let folder: String
    /// Every word of the index's articles, numbered: the postings, stop words and shards
    /// name words by number. Words are only added, so numbers stay valid from one update to
    /// the next (the preview reuses unchanged articles' words).
    private var vocabulary = WordTable()
    /// Each article's words and their scores: by word number, ascending, in an index that
    /// may be updated (an update compares an article's lists, walking both in that order);
    /// in the order they were read in a build's (`bodyWords`), made once and written.
    private var scores: [[WordScore]]
    /// Whether `scores` are in order, so that `update` may compare them.
    private let updatable: Bool
    /// Each article's content path, by position: a remade index takes the words of an article
    /// whose text, card and terms did not change from the index before.
    private var paths: [String]
    /// Each article's facet values by position (its terms and series by id, and its year):
    /// the manifest lists them, so it is written again only when one of these, a shard key or
    /// a stop word changed.
    private var facetValues: [FacetValues]
    /// Every term's names as search finds it by (`Term.searchNames`), by taxonomy and id:
    /// an update scores again the articles of the terms whose names changed, not of those
    /// whose other values did (an article count).
    private var termNames: [TermKeyPair: [String]] = [:]

    private struct FacetValues: Equatable, Sendable {
        let terms: [TermKeyPair]
        let year: Int
    }
    /// Each word's articles and scores, by word number: `[article, score, article, score,
    /// ...]`, ascending; empty for a word no article has any more. 32-bit, and each list made
    /// at its size: a large site's lists hold millions of pairs.
    private var postings: [[Int32]] = []
    private var stopWords: Set<Int> = []
    private var shardWords: [String: Set<Int>] = [:]

    /// A word of an article, by number, and its score there.
    struct WordScore: Equatable, Sendable {
        let word: Int32
        let score: Int32
    }

    /// `Self.stopWordMinimum`, or fewer for tests.
    private let stopWordMinimum: Int

    /// The index of the articles of `lang`, numbered from 0, newest first.
    package init(inputs: RenderInputs, lang: String, stopWordMinimum: Int = Self.stopWordMinimum) {
        self.init(inputs: inputs, lang: lang, stopWordMinimum: stopWordMinimum, reusing: nil, changed: [])
    }

    /// The same, with the articles' body words taken from `bodyWords` rather than read from
    /// `inputs.bodies`, and let go of there once scored.
    package init(inputs: RenderInputs, lang: String, bodyWords: ReleasableValues<SearchWords>) {
        self.init(inputs: inputs, lang: lang, stopWordMinimum: Self.stopWordMinimum, reusing: nil, changed: [], bodyWords: bodyWords)
    }

    /// The same, taking from `earlier` the words of every article for which none of
    /// `changed` matters: its card, its page and the names of its terms.
    private init(
        inputs: RenderInputs, lang: String, stopWordMinimum: Int, reusing earlier: SearchIndex?, changed: Set<Dependency>,
        bodyWords: ReleasableValues<SearchWords>? = nil
    ) {
        self.stopWordMinimum = stopWordMinimum
        // A build's index is written and let go of: sorting each article's words (a tenth of
        // a second of one core at 10,000 articles) would serve no update.
        updatable = bodyWords == nil
        let site = inputs.site
        folder = site.routes.localized(Routes.search, lang)
        let articles = site.articles(in: lang)
        let strings = inputs.sites[lang]!.strings
        paths = articles.map { site.articles[$0].article.path }
        facetValues = articles.map { Self.facetValues(of: $0, in: site) }
        termNames = Self.termNames(of: site)
        var known: [String: [WordScore]] = [:]
        var vocabulary = earlier?.vocabulary ?? WordTable()
        if let earlier {
            let renamed = Self.renamedTerms(in: changed, from: earlier.termNames, to: termNames)
            for (path, words) in zip(earlier.paths, earlier.scores)
            where !changed.contains(.card(path)) && !changed.contains(.article(path)) {
                known[path] = words
            }
            if !renamed.isEmpty {
                for index in articles where known[site.articles[index].article.path] != nil {
                    if Self.terms(of: index, in: site).contains(where: renamed.contains) {
                        known[site.articles[index].article.path] = nil
                    }
                }
            }
        }
        let reused = known
        let toScore = articles.filter { reused[site.articles[$0].article.path] == nil }
        var made = Self.scoreAll(toScore, inputs: inputs, bodyWords: bodyWords, sorted: updatable, into: &vocabulary).makeIterator()
        scores = articles.map { reused[site.articles[$0].article.path] ?? made.next()! }
        self.vocabulary = vocabulary
        var lengths = [Int](repeating: 0, count: vocabulary.count)
        for words in scores { for word in words { lengths[Int(word.word)] += 2 } }
        postings = lengths.map { length in
            var list: [Int32] = []
            list.reserveCapacity(length)
            return list
        }
        for (position, words) in scores.enumerated() {
            for word in words { postings[Int(word.word)].appendPair(Int32(position), word.score) }
        }
        for (word, list) in postings.enumerated() where !list.isEmpty {
            if isStopWord(list, count: articles.count) {
                stopWords.insert(word)
            } else {
                shardWords[vocabulary.shardKey(word), default: []].insert(word)
            }
        }
        let keys = Array(shardWords.keys)
        for (key, text) in zip(keys, Parallel.map(keys) { [self] in shard($0) }) { files[folder + "t-\(key).json"] = text }
        let rows = articles.map { index -> [String] in
            let card = inputs.cards[site.articles[index].article.path]!
            return [site.routes.href(card.path), card.title, strings.date(card.date), card.date.htmlDateTime, card.summary]
        }
        for start in stride(from: 0, to: rows.count, by: Self.chunkSize) {
            files[folder + Self.chunkName(start / Self.chunkSize)] = Self.chunk(rows[start..<min(start + Self.chunkSize, rows.count)])
        }
        files[folder + "meta.json"] = Self.manifest(
            inputs: inputs, lang: lang, articles: articles, shardKeys: shardWords.keys.sorted(), stopWords: stopWords.map(vocabulary.word).sorted())
    }

    /// The paths of the files the last `update` wrote (none before the first).
    package private(set) var changedFiles: Set<String> = []

    /// Takes in the dependencies that changed since the index was made (`RenderInputs`): while
    /// the language's articles stay the same and in the same order, the words of those whose
    /// text, card or terms' names changed are replaced in place; otherwise the index is made
    /// again, keeping the words of the articles nothing changed for. Its files are then those of a new index of the same site; `changedFiles` says
    /// which were written, and the paths of those no longer there are returned.
    @discardableResult
    package mutating func update(inputs: RenderInputs, lang: String, changed: Set<Dependency>) -> Set<String> {
        precondition(updatable, "a build's search index (made from taken body words) is not updated")
        let before = files
        let removed = apply(inputs: inputs, lang: lang, changed: changed)
        changedFiles = Set(files.keys.filter { before[$0] != files[$0] })
        return removed.union(Set(before.keys).subtracting(files.keys))
    }

    private mutating func apply(inputs: RenderInputs, lang: String, changed: Set<Dependency>) -> Set<String> {
        let site = inputs.site
        let articles = site.articles(in: lang)
        let newPaths = articles.map { site.articles[$0].article.path }
        var touchedShards: Set<String> = []
        var touchedChunks: Set<Int> = []
        var reordered = false
        if newPaths != paths {
            // The same articles in another order (a date or a slug moved one): the articles
            // between the first and the last that moved are numbered again in place.
            // Articles that came or went: the index is made again.
            guard let moved = renumber(to: newPaths, touching: &touchedShards) else {
                self = SearchIndex(inputs: inputs, lang: lang, stopWordMinimum: stopWordMinimum, reusing: self, changed: changed)
                return []
            }
            touchedChunks.formUnion((moved.lowerBound / Self.chunkSize)...(moved.upperBound / Self.chunkSize))
            reordered = true
        }
        // Only the words of the articles whose text, card or terms' names changed are
        // replaced. The settings and words of the language may change every row's date, so
        // every chunk is written again; its terms (their names, the facets' values) are in
        // the manifest alone.
        let wide = changed.contains { dependency in
            switch dependency {
            case .list(.all(let listLang), _), .site(let listLang): listLang == lang
            default: false
            }
        }
        let termsMoved = changed.contains { dependency in
            switch dependency {
            case .termLink(_, _, let termLang), .term(_, _, let termLang), .taxonomyIndex(_, let termLang),
                 .dialogueIndex(let termLang):
                termLang == lang
            default: false
            }
        }
        let names = Self.termNames(of: site)
        let renamed = Self.renamedTerms(in: changed, from: termNames, to: names)
        termNames = names
        var facetsMoved = false
        let (shardKeysBefore, stopWordsBefore) = (Set(shardWords.keys), stopWords)
        for (position, index) in articles.enumerated() {
            let path = newPaths[position]
            let own = changed.contains(.card(path)) || changed.contains(.article(path))
            guard own || (!renamed.isEmpty && Self.terms(of: index, in: site).contains(where: renamed.contains)) else { continue }
            let words = Self.scoreAll([index], inputs: inputs, sorted: true, into: &vocabulary)[0]
            if words != scores[position] { replaceWords(of: position, with: words, count: articles.count, touching: &touchedShards) }
            if own { touchedChunks.insert(position / Self.chunkSize) }
            let values = Self.facetValues(of: index, in: site)
            if values != facetValues[position] {
                facetValues[position] = values
                facetsMoved = true
            }
        }
        let keys = Array(touchedShards)
        for (key, text) in zip(keys, Parallel.map(keys) { [self] key in shardWords[key] == nil ? nil : shard(key) }) {
            files[folder + "t-\(key).json"] = text
        }
        let strings = inputs.sites[lang]!.strings
        let chunks = wide ? Set(stride(from: 0, to: articles.count, by: Self.chunkSize).map { $0 / Self.chunkSize }) : touchedChunks
        // Each chunk on a core of its own (a date move rewrites those of every article between
        // its two places).
        let chunkList = Array(chunks)
        let texts = Parallel.map(chunkList) { chunk in
            let rows = articles[(chunk * Self.chunkSize)..<min((chunk + 1) * Self.chunkSize, articles.count)].map { index -> [String] in
                let card = inputs.cards[site.articles[index].article.path]!
                return [site.routes.href(card.path), card.title, strings.date(card.date), card.date.htmlDateTime, card.summary]
            }
            return Self.chunk(rows[...])
        }
        for (chunk, text) in zip(chunkList, texts) { files[folder + Self.chunkName(chunk)] = text }
        // The manifest holds the facets (every article's values, in order), the shard keys
        // and the stop words.
        if wide || termsMoved || reordered || facetsMoved || stopWords != stopWordsBefore || Set(shardWords.keys) != shardKeysBefore {
            files[folder + "meta.json"] = Self.manifest(
                inputs: inputs, lang: lang, articles: articles, shardKeys: shardWords.keys.sorted(), stopWords: stopWords.map(vocabulary.word).sorted())
        }
        return []
    }

    /// Numbers the articles as `newPaths` has them, when it holds the same articles as the
    /// index (otherwise nil, and nothing changed): each posting list's pairs for the
    /// articles between the first and the last whose number changed are renumbered and put
    /// back in order, and the shards of their words are added to `touched`. The range of the
    /// numbers that changed.
    private mutating func renumber(to newPaths: [String], touching touched: inout Set<String>) -> ClosedRange<Int>? {
        guard newPaths.count == paths.count,
              let low = newPaths.indices.first(where: { newPaths[$0] != paths[$0] }),
              let high = newPaths.indices.last(where: { newPaths[$0] != paths[$0] })
        else { return nil }
        var before: [String: Int] = [:]
        for position in low...high { before[paths[position]] = position }
        // The new number of each old one in the range.
        var number = [Int](repeating: -1, count: high - low + 1)
        for position in low...high {
            guard let old = before[newPaths[position]], number[old - low] < 0 else { return nil }
            number[old - low] = position
        }
        var pairs: [(article: Int, score: Int)] = []
        for word in postings.indices {
            // Pairs are ascending by article: those in the range are one stretch of the list.
            var list = postings[word]
            var (lower, upper) = (0, list.count / 2)
            while lower < upper {
                let middle = (lower + upper) / 2
                if list[middle * 2] < low { lower = middle + 1 } else { upper = middle }
            }
            let start = lower * 2
            guard start < list.count, list[start] <= high else { continue }
            var end = start
            pairs.removeAll(keepingCapacity: true)
            while end < list.count, list[end] <= high {
                pairs.append((number[Int(list[end]) - low], Int(list[end + 1])))
                end += 2
            }
            pairs.sort { $0.article < $1.article }
            for (offset, pair) in pairs.enumerated() {
                list[start + offset * 2] = Int32(pair.article)
                list[start + offset * 2 + 1] = Int32(pair.score)
            }
            postings[word] = list
            if !stopWords.contains(word) { touched.insert(vocabulary.shardKey(word)) }
        }
        let (oldScores, oldFacets) = (Array(scores[low...high]), Array(facetValues[low...high]))
        for old in low...high {
            scores[number[old - low]] = oldScores[old - low]
            facetValues[number[old - low]] = oldFacets[old - low]
        }
        paths = newPaths
        return low...high
    }

    /// Replaces the words of the article at `position` (its place unchanged), adding the
    /// shards whose words changed to `touched`.
    private mutating func replaceWords(of position: Int, with new: [WordScore], count: Int, touching touched: inout Set<String>) {
        let old = scores[position]
        scores[position] = new
        if postings.count < vocabulary.count { postings += Array(repeating: [], count: vocabulary.count - postings.count) }
        // The words whose score here changed, walking both lists (each ascending by word).
        var changedWords: [(word: Int, score: Int?)] = []
        var (a, b) = (0, 0)
        while a < old.count || b < new.count {
            if b == new.count || (a < old.count && old[a].word < new[b].word) {
                changedWords.append((Int(old[a].word), nil))
                a += 1
            } else if a == old.count || new[b].word < old[a].word {
                changedWords.append((Int(new[b].word), Int(new[b].score)))
                b += 1
            } else {
                if old[a].score != new[b].score { changedWords.append((Int(new[b].word), Int(new[b].score))) }
                a += 1
                b += 1
            }
        }
        for (word, score) in changedWords {
            var list = postings[word]
            // Pairs are ascending by article: find this article's pair, if any.
            var place = 0
            while place < list.count, list[place] < position { place += 2 }
            if place < list.count, list[place] == position { list.removeSubrange(place..<(place + 2)) }
            if let score { list.insert(contentsOf: [Int32(position), Int32(score)], at: place) }
            postings[word] = list
            let key = vocabulary.shardKey(word)
            let isStop = !list.isEmpty && isStopWord(list, count: count)
            if isStop { stopWords.insert(word) } else { stopWords.remove(word) }
            if isStop || list.isEmpty {
                shardWords[key]?.remove(word)
                if shardWords[key]?.isEmpty == true { shardWords[key] = nil }
            } else {
                shardWords[key, default: []].insert(word)
            }
            touched.insert(key)
        }
    }

    private func isStopWord(_ list: [Int32], count: Int) -> Bool {
        count >= stopWordMinimum && list.count / 2 > Int(Double(max(count, 1)) * Self.stopWordShare)
    }

    /// A term by taxonomy and id, as dependencies name it.
    private struct TermKeyPair: Hashable, Sendable {
        let taxonomy: String
        let id: String
    }

    /// The terms among `changed` whose names (in any language: search finds a term by all)
    /// are not those they had.
    private static func renamedTerms(
        in changed: Set<Dependency>, from before: [TermKeyPair: [String]], to after: [TermKeyPair: [String]]
    ) -> Set<TermKeyPair> {
        var renamed: Set<TermKeyPair> = []
        for dependency in changed {
            switch dependency {
            case .term(let taxonomy, let id, _), .termLink(let taxonomy, let id, _):
                let term = TermKeyPair(taxonomy: taxonomy, id: id)
                if before[term] != after[term] { renamed.insert(term) }
            default: break
            }
        }
        return renamed
    }

    /// Every term's and series' search names, by taxonomy and id.
    private static func termNames(of site: Site) -> [TermKeyPair: [String]] {
        var names: [TermKeyPair: [String]] = [:]
        for taxonomy in site.taxonomies + [site.dialogues] {
            for term in taxonomy.terms { names[TermKeyPair(taxonomy: taxonomy.name, id: term.id)] = term.searchNames }
        }
        return names
    }

    private static func facetValues(of index: Int, in site: Site) -> FacetValues {
        FacetValues(terms: terms(of: index, in: site), year: site.articles[index].article.date.year)
    }

    /// The terms whose names `scores(of:)` reads for an article: its terms and its series.
    private static func terms(of index: Int, in site: Site) -> [TermKeyPair] {
        let published = site.articles[index]
        var result: [TermKeyPair] = []
        for (position, taxonomy) in site.taxonomies.enumerated() {
            result += published.terms[position].map { TermKeyPair(taxonomy: taxonomy.name, id: taxonomy.terms[$0].id) }
        }
        if let dialogue = published.dialogue {
            result.append(TermKeyPair(taxonomy: site.dialogues.name, id: site.dialogues.terms[dialogue].id))
        }
        return result
    }

    /// The words of articles (indices into `site.articles`) and where they are: title 10, a
    /// term's names 6, summary 3, body 1; each list by word number, ascending. Articles are
    /// scored in chunks on every core, each chunk numbering its words in a table of its own;
    /// the chunks' words are then numbered in the index's vocabulary, in article order, so
    /// that the numbers do not depend on the number of cores.
    /// `sorted`: each article's words by number, as an updatable index keeps them.
    private static func scoreAll(
        _ indices: [Int], inputs: RenderInputs, bodyWords: ReleasableValues<SearchWords>? = nil,
        sorted: Bool, into vocabulary: inout WordTable
    ) -> [[WordScore]] {
        let chunk = 64
        let starts = Array(stride(from: 0, to: indices.count, by: chunk))
        // Made for all the terms when many articles are scored (a build); for a few (the
        // preview's update of one article), each article's terms' names as it is scored.
        let names = indices.count >= SearchNames.worthMaking ? SearchNames(inputs.site) : nil
        let chunks = Parallel.map(starts) { start in
            scoreChunk(indices[start..<min(start + chunk, indices.count)], inputs: inputs, names: names, bodyWords: bodyWords)
        }
        // Numbering is in article order, one chunk after the other; renumbering and sorting
        // each article's words then goes on every core again.
        var numbered: [(numbers: [Int32], lists: [[WordScore]])] = []
        for (table, lists) in chunks {
            numbered.append(((0..<table.count).map { Int32(vocabulary.intern($0, of: table)) }, lists))
        }
        return Parallel.map(numbered) { numbers, lists in
            lists.map { list in
                let renumbered = list.map { WordScore(word: numbers[Int($0.word)], score: $0.score) }
                return sorted ? renumbered.sorted { $0.word < $1.word } : renumbered
            }
        }.flatMap { $0 }
    }

    /// The words of some articles, numbered in a table of their own.
    private static func scoreChunk(
        _ indices: ArraySlice<Int>, inputs: RenderInputs, names: SearchNames?, bodyWords: ReleasableValues<SearchWords>?
    ) -> (WordTable, [[WordScore]]) {
        let site = inputs.site
        var words = ChunkWords()
        let lists = indices.map { index -> [WordScore] in
            let published = site.articles[index]
            words.add(bodyWords?.take(index) ?? inputs.bodies.articles[index].searchWords, weight: 1)
            words.add(inputs.cards[published.article.path]!.summary, weight: 3)
            for position in site.taxonomies.indices {
                for term in published.terms[position] {
                    for name in names?.terms[position][term] ?? site.taxonomies[position].terms[term].searchNames {
                        words.add(name, weight: 6)
                    }
                }
            }
            if let dialogue = published.dialogue {
                for name in names?.dialogues[dialogue] ?? site.dialogues.terms[dialogue].searchNames { words.add(name, weight: 6) }
            }
            words.add(published.article.title, weight: 10)
            return words.finishArticle()
        }
        return (words.table, lists)
    }

    /// Every term's and series' search names (`Term.searchNames`), by position: made once
    /// for all the articles a build scores, not once for each article using the term (each
    /// is a list put together and sorted).
    private struct SearchNames: Sendable {
        /// How many articles scored at once make it worth making every term's names first.
        static let worthMaking = 64

        /// By taxonomy position, then term position.
        let terms: [[[String]]]
        let dialogues: [[String]]

        init(_ site: Site) {
            terms = site.taxonomies.map { $0.terms.map(\.searchNames) }
            dialogues = site.dialogues.terms.map(\.searchNames)
        }
    }

    /// The words of the articles of one chunk, as the tokenizer gives them: each word's best
    /// score in the article being read.
    private struct ChunkWords: TokenSink {
        var table = WordTable()
        /// Each word's best score in the current article (0: not in it yet).
        private var best: [Int32] = []
        private var touched: [Int] = []
        private var weight: Int32 = 0

        mutating func add(_ text: String, weight: Int32) {
            self.weight = weight
            SearchTokenizer.forEachToken(in: text, into: &self)
        }

        /// Words already split (a body's, each once).
        mutating func add(_ words: SearchWords, weight: Int32) {
            self.weight = weight
            words.forEach { take($0) }
        }

        mutating func take(_ token: UnsafeBufferPointer<UInt8>) {
            let word = table.intern(token)
            if word >= best.count { best += Array(repeating: 0, count: max(word + 1 - best.count, 1024)) }
            if best[word] == 0 { touched.append(word) }
            if best[word] < weight { best[word] = weight }
        }

        /// The current article's words, and a clean slate for the next.
        mutating func finishArticle() -> [WordScore] {
            let words = touched.map { WordScore(word: Int32($0), score: best[$0]) }
            for word in touched { best[word] = 0 }
            touched.removeAll(keepingCapacity: true)
            return words
        }
    }

    /// The words of a shard, sorted by code point, with their postings delta-encoded.
    private func shard(_ key: String) -> String {
        let words = (shardWords[key] ?? []).sorted { vocabulary.precedes($0, $1) }
        var text: [UInt8] = [UInt8(ascii: "{")]
        for (position, word) in words.enumerated() {
            if position > 0 { text.append(UInt8(ascii: ",")) }
            JSONValue.writeString(vocabulary.word(word), to: &text)
            text += ":[".utf8
            let list = postings[word]
            var previous = 0
            for pair in stride(from: 0, to: list.count, by: 2) {
                if pair > 0 { text.append(UInt8(ascii: ",")) }
                Self.appendDecimal(Int(list[pair]) - previous, to: &text)
                text.append(UInt8(ascii: ","))
                Self.appendDecimal(Int(list[pair + 1]), to: &text)
                previous = Int(list[pair])
            }
            text.append(UInt8(ascii: "]"))
        }
        text += "}\n".utf8
        return String(decoding: text, as: UTF8.self)
    }

    /// `number` in decimal (it is never negative: articles ascend). Most are one digit (gaps
    /// between articles, weights); the others are written backwards on the stack and
    /// appended once.
    private static func appendDecimal(_ number: Int, to text: inout [UInt8]) {
        if number < 10 {
            text.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = number
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            text.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    package static func chunkName(_ number: Int) -> String { "docs-\(number).json" }

    /// Rows `[url, title, date, ISO date, summary]`. Written as bytes: joined strings cost an
    /// allocation for every field and row of every chunk.
    package static func chunk(_ rows: ArraySlice<[String]>) -> String {
        var text: [UInt8] = [UInt8(ascii: "[")]
        for (number, row) in rows.enumerated() {
            if number > 0 { text += ",\n".utf8 }
            text.append(UInt8(ascii: "["))
            for (position, field) in row.enumerated() {
                if position > 0 { text.append(UInt8(ascii: ",")) }
                JSONValue.writeString(field, to: &text)
            }
            text.append(UInt8(ascii: "]"))
        }
        text += "]\n".utf8
        return String(decoding: text, as: UTF8.self)
    }

    /// The facets and every article's values in them, the shard keys and the stop words.
    package static func manifest(
        inputs: RenderInputs, lang: String, articles: [Int], shardKeys: [String], stopWords: [String]
    ) -> String {
        let site = inputs.site
        let data = inputs.sites[lang]!
        var facets: [String] = []
        var columns: [[[Int]]] = []
        func facet(_ taxonomy: Taxonomy, title: String, of article: (PublishedArticle) -> [Int]) {
            // The terms that have a page in this language, numbered in the facet's order.
            var position: [Int: Int] = [:]
            var values: [(String, String)] = []
            for (index, term) in taxonomy.terms.enumerated() where term.exists(in: lang) {
                position[index] = values.count
                values.append((term.id, term.name(in: lang)))
            }
            facets.append(Self.facet(name: taxonomy.name, title: title, values: values))
            columns.append(articles.map { article(site.articles[$0]).compactMap { position[$0] } })
        }
        for (position, taxonomy) in site.taxonomies.enumerated() {
            facet(taxonomy, title: data.taxonomies[position].name) { $0.terms[position] }
        }
        facet(site.dialogues, title: data.strings("search.dialogues")) { $0.dialogue.map { [$0] } ?? [] }
        let years = Array(Set(articles.map { site.articles[$0].article.date.year })).sorted(by: >)
        facets.append(Self.facet(name: "year", title: data.strings("search.year"), values: years.map { (String($0), String($0)) }))
        let yearIndex = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
        columns.append(articles.map { [yearIndex[site.articles[$0].article.date.year]!] })

        // Every article's values, written as bytes (a string for each list of each article
        // was most of the manifest's time).
        var docs: [UInt8] = []
        for index in articles.indices {
            if index > 0 { docs += ",\n".utf8 }
            docs.append(UInt8(ascii: "["))
            for (number, column) in columns.enumerated() {
                if number > 0 { docs.append(UInt8(ascii: ",")) }
                docs.append(UInt8(ascii: "["))
                for (position, value) in column[index].enumerated() {
                    if position > 0 { docs.append(UInt8(ascii: ",")) }
                    appendDecimal(value, to: &docs)
                }
                docs.append(UInt8(ascii: "]"))
            }
            docs.append(UInt8(ascii: "]"))
        }
        return "{\"version\":1,\"count\":\(articles.count),\"chunk\":\(chunkSize),"
            + "\"facets\":[" + facets.joined(separator: ",") + "],"
            + "\"shards\":[" + shardKeys.map(json).joined(separator: ",") + "],"
            + "\"stop\":[" + stopWords.map(json).joined(separator: ",") + "],"
            + "\"docs\":[" + String(decoding: docs, as: UTF8.self) + "]}\n"
    }

    package static func facet(name: String, title: String, values: [(String, String)]) -> String {
        "{\"name\":\(json(name)),\"title\":\(json(title)),\"values\":["
            + values.map { "[\(json($0.0)),\(json($0.1))]" }.joined(separator: ",") + "]}"
    }

    /// A JSON string literal.
    package static func json(_ text: String) -> String {
        var output = ""
        JSONValue.writeString(text, to: &output)
        return output
    }
}

extension Array where Element == Int32 {
    /// Two numbers at once, in place (a literal `[a, b]` would allocate an array per pair, a
    /// million and a half times for a large site's index).
    fileprivate mutating func appendPair(_ first: Int32, _ second: Int32) {
        append(first)
        append(second)
    }
}
