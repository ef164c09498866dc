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
/// names in other languages) 6, summary 3, body 1. Words in more
/// than 60% of the articles are stop words: left out, and ignored in queries.
struct SearchIndex: Sendable {
    static let chunkSize = 500
    static let stopWordShare = 0.6

    let files: [(path: String, text: String)]

    init(site: Site, bodies: RenderedBodies, summaries: [ArticleSummaryView]) {
        // Each article's words and scores, in parallel.
        let perArticle: [[String: Int]] = Parallel.map(Array(site.articles.indices)) { index in
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

        var postings: [String: [Int]] = [:]
        for (index, scores) in perArticle.enumerated() {
            for (token, score) in scores { postings[token, default: []].append(contentsOf: [index, score]) }
        }
        let threshold = Int(Double(max(site.articles.count, 1)) * Self.stopWordShare)
        var stopWords: [String] = []
        var shards: [String: [(String, [Int])]] = [:]
        for (token, list) in postings {
            if site.articles.count >= 20, list.count / 2 > threshold {
                stopWords.append(token)
                continue
            }
            shards[SearchTokenizer.shardKey(token), default: []].append((token, list))
        }

        var files: [(path: String, text: String)] = []
        let shardKeys = shards.keys.sorted()
        for key in shardKeys {
            let entries = shards[key]!.sorted { $0.0.codePointPrecedes($1.0) }
            let body = entries.map { token, list in
                var encoded: [String] = []
                encoded.reserveCapacity(list.count)
                var previous = 0
                for pair in stride(from: 0, to: list.count, by: 2) {
                    encoded.append(String(list[pair] - previous))
                    encoded.append(String(list[pair + 1]))
                    previous = list[pair]
                }
                return Self.json(token) + ":[" + encoded.joined(separator: ",") + "]"
            }.joined(separator: ",")
            files.append(("search/t-\(key).json", "{" + body + "}\n"))
        }

        for start in stride(from: 0, to: site.articles.count, by: Self.chunkSize) {
            let rows = (start..<min(start + Self.chunkSize, site.articles.count)).map { index in
                let summary = summaries[index]
                return "[" + [summary.url, summary.title, summary.date.display, summary.date.iso, summary.summary]
                    .map(Self.json).joined(separator: ",") + "]"
            }
            files.append(("search/docs-\(start / Self.chunkSize).json", "[" + rows.joined(separator: ",\n") + "]\n"))
        }

        files.append(("search/meta.json", Self.manifest(site: site, shardKeys: shardKeys, stopWords: stopWords.sorted())))
        self.files = files
    }

    /// The facets and every article's values in them, the shard keys and the stop words.
    static func manifest(site: Site, shardKeys: [String], stopWords: [String]) -> String {
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

    static func facet(name: String, title: String, values: [(String, String)]) -> String {
        "{\"name\":\(json(name)),\"title\":\(json(title)),\"values\":["
            + values.map { "[\(json($0.0)),\(json($0.1))]" }.joined(separator: ",") + "]}"
    }

    /// A JSON string literal.
    static func json(_ text: String) -> String {
        var output = ""
        JSONValue.writeString(text, to: &output)
        return output
    }
}
