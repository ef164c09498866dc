package import BulletinCore
import BulletinContent
package import BulletinResolve
internal import Foundation

/// The open data files (docs/data.md): `data/sessions.csv` and `data/sessions.json`, one
/// record per published article that has a dialogue series, in every language; and
/// `data/terms.json`, every term of every taxonomy and every series.
///
/// Made from front matter alone (and the base URL), so a full build and the preview make
/// them at the same moments. Keys of JSON objects are sorted, records ordered as the
/// contract says, so the bytes are the same for the same input.
package enum OpenData {
    /// The three files.
    package static func files(for site: Site) -> [OutputFile] {
        make(site, known: [:], keep: false).files
    }

    /// The three files, taking from `earlier` the encoding of every record that did not
    /// change; and the memo of these for the next update.
    package static func files(for site: Site, reusing earlier: borrowing Memo) -> (files: [OutputFile], memo: Memo) {
        let (files, memo) = make(site, known: earlier.taxonomies == site.config.taxonomies ? earlier.encoded : [:], keep: true)
        return (files, memo!)
    }

    /// Each record's CSV row and JSON text, by record, kept by the preview from one update
    /// to the next: an edit that moves an article changes its record alone, and encoding
    /// every record was most of the files' time.
    package struct Memo: Sendable {
        fileprivate var taxonomies: [String]
        /// By the record's URL (one per article): a record's strings are mostly the
        /// article's own, shared, so comparing a record with the last is cheaper than
        /// hashing it.
        fileprivate var encoded: [String: (record: Session, text: Encoded)]

        /// A memo with nothing in it yet.
        package init() {
            taxonomies = []
            encoded = [:]
        }

        fileprivate init(taxonomies: [String], encoded: [String: (record: Session, text: Encoded)]) {
            self.taxonomies = taxonomies
            self.encoded = encoded
        }
    }

    /// A record's CSV row and JSON, as the UTF-8 that goes into the files: made as bytes,
    /// they are neither checked again as Strings nor copied out of them to be written.
    fileprivate typealias Encoded = (row: [UInt8], item: [UInt8])

    private static func make(
        _ site: Site, known: [String: (record: Session, text: Encoded)], keep: Bool
    ) -> (files: [OutputFile], memo: Memo?) {
        let records = sessions(of: site)
        let taxonomies = site.config.taxonomies
        // Each record's CSV row and JSON on every core, in one pass (each record read once:
        // records of one series share their strings, whose counts two cores would fight
        // over twice); the JSON array's text is its items' joined by commas.
        let encoded = Parallel.map(records) { record -> Encoded in
            if let earlier = known[record.url], earlier.record == record { return earlier.text }
            var item: [UInt8] = []
            item.reserveCapacity(1024)
            record.json(taxonomies: taxonomies).write(to: &item)
            return (row: row(record), item: item)
        }
        var memo: Memo?
        if keep {
            var byURL: [String: (record: Session, text: Encoded)] = [:]
            byURL.reserveCapacity(records.count)
            for (record, text) in zip(records, encoded) { byURL[record.url] = (record, text) }
            memo = Memo(taxonomies: taxonomies, encoded: byURL)
        }
        var csv = csvHeader(taxonomies: taxonomies)
        csv.reserveCapacity(encoded.reduce(csv.count) { $0 + $1.row.count })
        for text in encoded { csv += text.row }
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(encoded.reduce(3) { $0 + $1.item.count + 1 })
        for (index, text) in encoded.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json += text.item
        }
        json += "]\n".utf8
        var termsJSON: [UInt8] = []
        JSONValue.array(terms(of: site)).write(to: &termsJSON)
        termsJSON.append(UInt8(ascii: "\n"))
        let files = [
            OutputFile(path: Routes.sessionsCSV, contents: .bytes(csv)),
            OutputFile(path: Routes.sessionsJSON, contents: .bytes(json)),
            OutputFile(path: Routes.termsJSON, contents: .bytes(termsJSON)),
        ]
        return (files, memo)
    }

    // MARK: - Sessions

    /// One article's record.
    package struct Session: Sendable, Equatable {
        let dialogue: String
        let dialogueName: String
        let session: Int?
        let date: ContentDate
        let location: String
        let lang: String
        let title: String
        let url: String
        /// Term ids, for each taxonomy in the order `site.yaml` lists them (the CSV's columns):
        /// an array, not a dictionary, as every record is compared with the last update's.
        let terms: [[String]]
        let chairs: [Chair]
        let documents: [Document]

        struct Chair: Sendable, Equatable {
            let name: String
            let role: String?
            /// The registered agency's id, or the slug of the agency as written.
            let agency: String?
        }

        struct Document: Sendable, Equatable {
            let title: String
            let url: String
        }

        func json(taxonomies: [String]) -> JSONValue {
            var object: JSONObject = [
                "dialogue": .string(dialogue), "dialogue_name": .string(dialogueName),
                "session": session.map(JSONValue.integer) ?? .null, "date": .string(date.isoDate),
                "location": .string(location), "lang": .string(lang), "title": .string(title), "url": .string(url),
                "chairs": .array(chairs.map { chair in
                    ["name": .string(chair.name), "role": chair.role.map(JSONValue.string) ?? .null,
                     "agency": chair.agency.map(JSONValue.string) ?? .null]
                }),
                "documents": .array(documents.map { ["title": .string($0.title), "url": .string($0.url)] }),
            ]
            for (taxonomy, ids) in zip(taxonomies, terms) { object[taxonomy] = .array(ids.map(JSONValue.string)) }
            return .object(object)
        }
    }

    /// The records, ordered by series id, session (those without one last), date, language.
    package static func sessions(of site: Site) -> [Session] {
        let routes = site.routes
        let agencies = site.taxonomies.firstIndex { $0.name == "agencies" }
        var records: [Session] = []
        for published in site.articles {
            guard let dialogueIndex = published.dialogue else { continue }
            let article = published.article
            let series = site.dialogues.terms[dialogueIndex]
            let terms = site.taxonomies.enumerated().map { position, taxonomy in published.terms[position].map { taxonomy.terms[$0].id } }
            let chairs = article.chairs.enumerated().map { position, chair in
                // The registered agency's id; an agency the registry does not know, as the
                // slug of what the editor wrote (how an unregistered term is published).
                let id = published.chairAgencies[position].flatMap { index in agencies.map { site.taxonomies[$0].terms[index].id } }
                    ?? chair.agency.map { Slug.make(from: $0.text) }
                return Session.Chair(name: chair.name, role: chair.role, agency: id)
            }
            records.append(Session(
                dialogue: series.id, dialogueName: series.name(in: article.lang), session: article.session, date: article.date,
                location: article.location ?? "", lang: article.lang, title: article.title, url: routes.absolute(published.path),
                terms: terms, chairs: chairs,
                documents: article.documents.map { Session.Document(title: $0.title, url: documentURL($0.url, routes: routes, absolute: true)) }))
        }
        // Sorted through arrays of the keys: moving the records themselves in the sort was
        // most of its time (each a copy of a dozen strings and arrays).
        let dialogues = records.map(\.dialogue)
        let sessions = records.map { $0.session ?? Int.max }
        let dates = records.map(\.date)
        let langs = records.map(\.lang)
        let urls = records.map(\.url)
        let order = records.indices.sorted { a, b in
            if dialogues[a] != dialogues[b] { return dialogues[a].codePointPrecedes(dialogues[b]) }
            if sessions[a] != sessions[b] { return sessions[a] < sessions[b] }
            // By the date the record shows (YYYY-MM-DD, as written): a report and its
            // translation dated one day in two offsets tie there, and go by language.
            let (p, q) = (dates[a], dates[b])
            if (p.year, p.month, p.day) != (q.year, q.month, q.day) { return (p.year, p.month, p.day) < (q.year, q.month, q.day) }
            if langs[a] != langs[b] { return langs[a].codePointPrecedes(langs[b]) }
            if !p.isSameInstant(as: q) { return p < q }
            return urls[a].codePointPrecedes(urls[b])
        }
        return order.map { records[$0] }
    }

    /// A document's address as a link: an absolute URL as written; a site path under the
    /// site's base path (and made absolute for the open data).
    package static func documentURL(_ url: String, routes: Routes, absolute: Bool) -> String {
        guard url.hasPrefix("/") else { return url }
        let path = routes.baseURL.path + url.dropFirst()
        return absolute ? routes.baseURL.origin + path : path
    }

    // MARK: - CSV

    // RFC 4180: a header row, comma-separated fields, CRLF after every record, a field
    // quoted when it holds a comma, a quote, CR or LF, a quote inside doubled. Lists are
    // joined with `;`.

    /// The header row, with its line end.
    static func csvHeader(taxonomies: [String]) -> [UInt8] {
        let header = ["dialogue", "dialogue_name", "session", "date", "location", "lang", "title", "url"] + taxonomies + ["chairs", "documents"]
        var row: [UInt8] = []
        for (index, name) in header.enumerated() {
            if index > 0 { row.append(UInt8(ascii: ",")) }
            appendField(name, to: &row)
        }
        row += "\r\n".utf8
        return row
    }

    /// One record's row, with its line end.
    static func row(_ record: Session) -> [UInt8] {
        var row: [UInt8] = []
        row.reserveCapacity(512)
        func next(_ parts: some Sequence<String>) {
            row.append(UInt8(ascii: ","))
            appendField(parts, to: &row)
        }
        appendField(record.dialogue, to: &row)
        next([record.dialogueName])
        next([record.session.map(String.init) ?? ""])
        next([record.date.isoDate])
        next([record.location])
        next([record.lang])
        next([record.title])
        next([record.url])
        // Lists joined with `;`: their parts given one after the other, not joined first.
        for ids in record.terms { next(ids.map { [$0] }.joined(separator: [";"])) }
        next(record.chairs.map { chair in chair.agency.map { [chair.name, " (", $0, ")"] } ?? [chair.name] }.joined(separator: [";"]))
        next(record.documents.map { [$0.url] }.joined(separator: [";"]))
        row += "\r\n".utf8
        return row
    }

    static func appendField(_ value: String, to row: inout [UInt8]) {
        appendField(CollectionOfOne(value), to: &row)
    }

    /// Appends the field whose text is `parts` one after the other: quoted when it holds a
    /// comma, a quote, CR or LF, each quote doubled. By byte: the four are ASCII, and a UTF-8
    /// continuation byte is never ASCII (reading Characters here was most of the file's cost
    /// on 10,000 articles); written into the row as it goes, the opening quote put in once a
    /// byte needs it.
    static func appendField(_ parts: some Sequence<String>, to row: inout [UInt8]) {
        let start = row.count
        var quoted = false
        // Each part's bytes where they are stored, copied in runs: a quote ends a run and
        // begins the next (so it is written twice).
        func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            var from = 0
            for index in bytes.indices {
                switch bytes[index] {
                case 0x22:
                    quoted = true
                    row.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from...index]))
                    from = index
                case 0x2C, 0x0D, 0x0A:
                    quoted = true
                default:
                    break
                }
            }
            row.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from...]))
        }
        for part in parts {
            if part.utf8.withContiguousStorageIfAvailable(append) == nil { Array(part.utf8).withUnsafeBufferPointer(append) }
        }
        if quoted {
            row.insert(0x22, at: start)
            row.append(0x22)
        }
    }

    // MARK: - Terms

    /// Every term of every taxonomy, then every series, each with its page (in the default
    /// language, or the first language that has one) and its article count over every
    /// language.
    static func terms(of site: Site) -> [JSONValue] {
        var result: [JSONValue] = []
        for taxonomy in site.taxonomies + [site.dialogues] {
            for term in taxonomy.terms {
                let lang = term.exists(in: site.config.language) ? site.config.language : term.languages.first
                let names = term.otherNames.mapValues(JSONValue.string)
                result.append([
                    "taxonomy": .string(taxonomy.name), "id": .string(term.id), "name": .string(term.name),
                    "short": term.short.map(JSONValue.string) ?? .null,
                    "aliases": .array((term.entry?.aliases ?? []).map(JSONValue.string)), "names": .object(JSONObject(names)),
                    "url": lang.map { .string(site.routes.absolute(site.routes.localized(term.path, $0))) } ?? .null,
                    "articles": .integer(term.articles.count),
                ])
            }
        }
        return result
    }
}
