import BulletinMarkdown
import BulletinContent
import BulletinCore
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

    /// Every file of the index, by path.
    package private(set) var files: [String: String] = [:]
    /// Each article's words and their scores.
    private var scores: [[String: Int]]
    /// Each word's articles and scores: `[article, score, article, score, ...]`, ascending.
    private var postings: [String: [Int]] = [:]
    private var stopWords: Set<String> = []
    private var shardWords: [String: Set<String>] = [:]

    /// `Self.stopWordMinimum`, or fewer for tests.
    private let stopWordMinimum: Int

    package init(site: Site, bodies: RenderedBodies, summaries: [ArticleSummaryView], stopWordMinimum: Int = Self.stopWordMinimum) {
        self.stopWordMinimum = stopWordMinimum
        scores = Parallel.map(Array(site.articles.indices)) { Self.scores(of: $0, site: site, bodies: bodies, summaries: summaries) }
        for (index, words) in scores.enumerated() {
            for (word, score) in words { postings[word, default: []].append(contentsOf: [index, score]) }
        }
        for (word, list) in postings {
            if isStopWord(list, count: site.articles.count) {
                stopWords.insert(word)
            } else {
                shardWords[SearchTokenizer.shardKey(word), default: []].insert(word)
            }
        }
        for key in shardWords.keys { files["search/t-\(key).json"] = shard(key) }
        for start in stride(from: 0, to: site.articles.count, by: Self.chunkSize) {
            files[Self.chunkPath(start / Self.chunkSize)] = Self.chunk(start / Self.chunkSize, summaries: summaries)
        }
        files["search/meta.json"] = Self.manifest(
            site: site, shardKeys: shardWords.keys.sorted(), stopWords: stopWords.sorted())
    }

    /// Takes in a change to the text of article `index` (not to its place, terms or title):
    /// the paths of the files that changed, and those that no longer exist.
    package mutating func update(
        article index: Int, site: Site, bodies: RenderedBodies, summaries: [ArticleSummaryView]
    ) -> (changed: Set<String>, removed: Set<String>) {
        let new = Self.scores(of: index, site: site, bodies: bodies, summaries: summaries)
        let old = scores[index]
        scores[index] = new
        var touchedShards: Set<String> = []
        let keysBefore = Set(shardWords.keys)
        let stopWordsBefore = stopWords
        for word in Set(old.keys).union(new.keys) where old[word] != new[word] {
            var list = postings[word] ?? []
            // Pairs are ascending by article: find this article's pair, if any.
            var position = 0
            while position < list.count, list[position] < index { position += 2 }
            if position < list.count, list[position] == index { list.removeSubrange(position..<(position + 2)) }
            if let score = new[word] { list.insert(contentsOf: [index, score], at: position) }
            postings[word] = list.isEmpty ? nil : list
            let key = SearchTokenizer.shardKey(word)
            let isStop = !list.isEmpty && isStopWord(list, count: site.articles.count)
            if isStop { stopWords.insert(word) } else { stopWords.remove(word) }
            if isStop || list.isEmpty {
                shardWords[key]?.remove(word)
                if shardWords[key]?.isEmpty == true { shardWords[key] = nil }
            } else {
                shardWords[key, default: []].insert(word)
            }
            touchedShards.insert(key)
        }
        var changed: Set<String> = []
        var removed: Set<String> = []
        for key in touchedShards {
            let path = "search/t-\(key).json"
            if shardWords[key] == nil {
                if files.removeValue(forKey: path) != nil { removed.insert(path) }
            } else {
                let text = shard(key)
                if files[path] != text {
                    files[path] = text
                    changed.insert(path)
                }
            }
        }
        let chunk = Self.chunkPath(index / Self.chunkSize)
        let chunkText = Self.chunk(index / Self.chunkSize, summaries: summaries)
        if files[chunk] != chunkText {
            files[chunk] = chunkText
            changed.insert(chunk)
        }
        if Set(shardWords.keys) != keysBefore || stopWords != stopWordsBefore {
            let meta = Self.manifest(site: site, shardKeys: shardWords.keys.sorted(), stopWords: stopWords.sorted())
            if files["search/meta.json"] != meta {
                files["search/meta.json"] = meta
                changed.insert("search/meta.json")
            }
        }
        return (changed, removed)
    }

    private func isStopWord(_ list: [Int], count: Int) -> Bool {
        count >= stopWordMinimum && list.count / 2 > Int(Double(max(count, 1)) * Self.stopWordShare)
    }

    /// The words of an article and where they are: title 10, a term's names 6, summary 3, body 1.
    package static func scores(of index: Int, site: Site, bodies: RenderedBodies, summaries: [ArticleSummaryView]) -> [String: Int] {
        let published = site.articles[index]
        var scores: [String: Int] = [:]
        func add(_ text: String, _ weight: Int) {
            for token in SearchTokenizer.tokens(text) { scores[token] = max(scores[token] ?? 0, weight) }
        }
        add(bodies.articles[index].plainText, 1)
        add(summaries[index].summary, 3)
        func addTerm(_ term: Term) {
            add(term.name, 6)
            if let short = term.short { add(short, 6) }
            // Aliases and names in other languages: a reader may search for 한국인터넷진흥원.
            for other in (term.entry?.aliases ?? []) + (term.entry?.names.values.sorted() ?? []) { add(other, 6) }
        }
        for (position, taxonomy) in site.taxonomies.enumerated() {
            published.terms[position].forEach { addTerm(taxonomy.terms[$0]) }
        }
        if let dialogue = published.dialogue { addTerm(site.dialogues.terms[dialogue]) }
        add(published.article.title, 10)
        return scores
    }

    /// The words of a shard, sorted, with their postings delta-encoded.
    private func shard(_ key: String) -> String {
        let body = (shardWords[key] ?? []).sorted { $0.codePointPrecedes($1) }.map { word in
            let list = postings[word]!
            var encoded: [String] = []
            encoded.reserveCapacity(list.count)
            var previous = 0
            for pair in stride(from: 0, to: list.count, by: 2) {
                encoded.append(String(list[pair] - previous))
                encoded.append(String(list[pair + 1]))
                previous = list[pair]
            }
            return Self.json(word) + ":[" + encoded.joined(separator: ",") + "]"
        }.joined(separator: ",")
        return "{" + body + "}\n"
    }

    package static func chunkPath(_ number: Int) -> String { "search/docs-\(number).json" }

    package static func chunk(_ number: Int, summaries: [ArticleSummaryView]) -> String {
        let start = number * chunkSize
        let rows = (start..<min(start + chunkSize, summaries.count)).map { index in
            let summary = summaries[index]
            return "[" + [summary.url, summary.title, summary.date.display, summary.date.iso, summary.summary]
                .map(json).joined(separator: ",") + "]"
        }
        return "[" + rows.joined(separator: ",\n") + "]\n"
    }

    /// The facets and every article's values in them, the shard keys and the stop words.
    package static func manifest(site: Site, shardKeys: [String], stopWords: [String]) -> String {
        var facets: [String] = []
        var columns: [[[Int]]] = []
        for (position, taxonomy) in site.taxonomies.enumerated() {
            facets.append(facet(name: taxonomy.name, title: taxonomy.title, values: taxonomy.terms.map { ($0.id, $0.name) }))
            columns.append(site.articles.map { $0.terms[position] })
        }
        facets.append(facet(name: "dialogues", title: "Dialogue series", values: site.dialogues.terms.map { ($0.id, $0.name) }))
        columns.append(site.articles.map { $0.dialogue.map { [$0] } ?? [] })
        let years = Array(Set(site.articles.map { $0.article.date.year })).sorted(by: >)
        facets.append(facet(name: "year", title: "Year", values: years.map { (String($0), String($0)) }))
        let yearIndex = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
        columns.append(site.articles.map { [yearIndex[$0.article.date.year]!] })

        let docs = site.articles.indices.map { index in
            "[" + columns.map { "[" + $0[index].map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        }
        return "{\"version\":1,\"count\":\(site.articles.count),\"chunk\":\(chunkSize),"
            + "\"facets\":[" + facets.joined(separator: ",") + "],"
            + "\"shards\":[" + shardKeys.map(json).joined(separator: ",") + "],"
            + "\"stop\":[" + stopWords.map(json).joined(separator: ",") + "],"
            + "\"docs\":[" + docs.joined(separator: ",\n") + "]}\n"
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
