@testable import BulletinCore
@testable import BulletinRender
import BulletinContent
import BulletinOutput
import BulletinBuild
import Foundation
import Testing

/// `/data/sessions.csv`, `/data/sessions.json` and `/data/terms.json` as the contract and
/// docs/data.md define them, every byte of the CSV written out by hand below.
@Suite(.serialized) struct OpenDataTests {
    static func site() -> TestSite {
        var site = TestSite(files: [
            "Content/site.yaml": "title: Reading\nbaseURL: https://reading.test/\nlanguages: [en, ko]\n",
            "Content/dialogues/harbour-talks.md": "---\nname: Harbour Talks\nnames: {ko: 항구 대화}\n---\n",
            "Content/agencies/kisa.md": "---\nname: Korea Internet & Security Agency\nshort: KISA\naliases: [KISA Korea]\n---\n",
            "Content/static/files/r.pdf": "%PDF-1.4\n",
            "Content/articles/h1.md": ReadingFixture.article("First", "2024-01-10", "dialogue: Harbour Talks\nsession: 1\n"),
            "Content/articles/h2.md": """
                ---
                title: 'Second, "quoted" round'
                date: 2024-03-05
                dialogue: Harbour Talks
                session: 2
                location: Seoul, Korea
                agencies: [KISA]
                threats: [ransomware]
                translationKey: h2
                chairs:
                  - {name: Kim, role: DG, agency: KISA}
                  - {name: Roe}
                documents:
                  - {title: Statement, url: "https://example.org/s"}
                  - {title: Release, url: /files/r.pdf}
                ---

                Second.

                """,
            "Content/articles/h2-ko.md": ReadingFixture.article("제2차", "2024-03-06", "dialogue: Harbour Talks\nsession: 2\nlang: ko\ntranslationKey: h2\nagencies: [KISA]\nthreats: [ransomware]\n"),
            "Content/articles/plain.md": ReadingFixture.article("Not a report", "2024-02-01", "agencies: [KISA]\n"),
        ])
        site["Templates/i18n/ko.yaml"] = "nav: {articles: 기사}\n"
        return site
    }

    /// Ordered by series, session, date, language; quoted where a field holds a comma or a
    /// quote; lists joined with `;`; CRLF after every record.
    static let expectedCSV = "dialogue,dialogue_name,session,date,location,lang,title,url,agencies,frameworks,threats,chairs,documents\r\n"
        + "harbour-talks,Harbour Talks,1,2024-01-10,,en,First,https://reading.test/articles/h1/,,,,,\r\n"
        + "harbour-talks,Harbour Talks,2,2024-03-05,\"Seoul, Korea\",en,\"Second, \"\"quoted\"\" round\",https://reading.test/articles/h2/,kisa,,ransomware,Kim (kisa);Roe,https://example.org/s;https://reading.test/files/r.pdf\r\n"
        + "harbour-talks,항구 대화,2,2024-03-06,,ko,제2차,https://reading.test/ko/articles/h2-ko/,kisa,,ransomware,,\r\n"

    @Test func theSessionsCSVIsExactlyTheContracts() throws {
        let result = Self.site().build()
        #expect(result.succeeded, "\(result.errors.map { $0.formatted() })")
        let csv = try #require(result.text("data/sessions.csv"))
        #expect(csv == Self.expectedCSV)
        #expect(!csv.hasPrefix("\u{FEFF}"))
    }

    /// A field as the CSV holds it, written after a comma (as every field but a row's first).
    private func written(_ parts: [String]) -> String {
        var row: [UInt8] = Array("x,".utf8)
        OpenData.appendField(parts, to: &row)
        return String(decoding: row.dropFirst(2), as: UTF8.self)
    }

    /// The rule, written plainly on the field's whole text.
    private func rfc4180(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return text }
        // Each quote scalar doubled, a mark after it or not.
        return "\"" + text.unicodeScalars.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }

    /// A CSV field is quoted when it holds a comma, a quote, CR or LF, each quote doubled,
    /// whatever follows it (a combining mark too), and left as it is otherwise.
    @Test func fieldsAreQuotedAsRFC4180Says() {
        #expect(written(["plain text, é 한"]) == "\"plain text, é 한\"")
        #expect(written(["plain"]) == "plain")
        #expect(written(["say \"hi\""]) == "\"say \"\"hi\"\"\"")
        #expect(written(["\"\u{301}x"]) == "\"\"\"\u{301}x\"")
        #expect(written(["a\r\nb"]) == "\"a\r\nb\"")
        #expect(written(["\""]) == "\"\"\"\"")
    }

    /// A field written from parts (a list joined with `;`, a chair with its agency) is quoted
    /// as the whole it makes, whichever part needs it, and each part's quotes are doubled.
    @Test func aFieldOfPartsIsQuotedAsAWhole() {
        #expect(written(["Kim", " (", "kisa", ")"]) == "Kim (kisa)")
        #expect(written(["Kim", " (", "a, b", ")", ";", "Roe"]) == "\"Kim (a, b);Roe\"")
        #expect(written(["a", ";", "say \"hi\"", ";", "\""]) == "\"a;say \"\"hi\"\";\"\"\"")
        #expect(written(["", "한국", "\r\n"]) == "\"한국\r\n\"")
        #expect(written([]) == "")
        let pieces = ["a", "\"", ",", "\n", "é", "", "\"\"", "\u{301}"]
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    #expect(written([first, second, third]) == rfc4180(first + second + third), "\([first, second, third])")
                }
            }
        }
    }

    @Test func theSessionsJSONHoldsTheSameRecordsWithListsAsArrays() throws {
        let result = Self.site().build()
        let data = Data(try #require(result.text("data/sessions.json")).utf8)
        let records = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(records.count == 3)
        #expect(records.map { $0["lang"] as? String } == ["en", "en", "ko"])
        let second = records[1]
        #expect(second["session"] as? Int == 2)
        #expect(second["title"] as? String == "Second, \"quoted\" round")
        #expect(second["agencies"] as? [String] == ["kisa"])
        #expect(second["frameworks"] as? [String] == [])
        let chairs = try #require(second["chairs"] as? [[String: Any]])
        #expect(chairs[0]["name"] as? String == "Kim" && chairs[0]["role"] as? String == "DG" && chairs[0]["agency"] as? String == "kisa")
        #expect(chairs[1]["agency"] is NSNull)
        let documents = try #require(second["documents"] as? [[String: String]])
        #expect(documents == [["title": "Statement", "url": "https://example.org/s"], ["title": "Release", "url": "https://reading.test/files/r.pdf"]])
        #expect(records[2]["dialogue_name"] as? String == "항구 대화")
    }

    @Test func theTermsJSONListsEveryTermAndSeriesWithItsPageAndCount() throws {
        let result = Self.site().build()
        let data = Data(try #require(result.text("data/terms.json")).utf8)
        let terms = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let kisa = try #require(terms.first { $0["id"] as? String == "kisa" })
        #expect(kisa["taxonomy"] as? String == "agencies")
        #expect(kisa["name"] as? String == "Korea Internet & Security Agency")
        #expect(kisa["short"] as? String == "KISA")
        #expect(kisa["aliases"] as? [String] == ["KISA Korea"])
        #expect(kisa["url"] as? String == "https://reading.test/agencies/kisa/")
        #expect(kisa["articles"] as? Int == 3)  // h2, plain, h2-ko: every language; chairs do not count
        let series = try #require(terms.first { $0["id"] as? String == "harbour-talks" })
        #expect(series["taxonomy"] as? String == "dialogues")
        #expect(series["names"] as? [String: String] == ["ko": "항구 대화"])
        #expect(series["articles"] as? Int == 3)
        #expect(series["short"] is NSNull)
        #expect(terms.map { $0["taxonomy"] as? String }.compactMap { $0 } == ["agencies", "threats", "dialogues"])
    }

    /// End to end: the real binary writes the file, and Python's `csv` module, a parser of
    /// its own, reads back the rows the contract defines.
    @Test func pythonsCSVModuleReadsTheRowsBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.site().write(to: folder.path)
        let build = try BulletinProcess.run(
            ["build", "--content", folder.path + "/Content", "--templates", folder.path + "/Templates", "--output", folder.path + "/Public"])
        #expect(build.status == 0, "\(build.standardError)")
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                print(json.dumps(list(csv.reader(f, strict=True))))
            """
        let python = try BulletinProcess.run("/usr/bin/env", ["python3", "-c", script, folder.path + "/Public/data/sessions.csv"], in: folder.path)
        #expect(python.status == 0, "\(python.standardError)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(python.standardOutput.utf8)) as? [[String]])
        #expect(rows.count == 4)
        #expect(rows[0] == ["dialogue", "dialogue_name", "session", "date", "location", "lang", "title", "url", "agencies", "frameworks", "threats", "chairs", "documents"])
        #expect(rows[2] == [
            "harbour-talks", "Harbour Talks", "2", "2024-03-05", "Seoul, Korea", "en", "Second, \"quoted\" round",
            "https://reading.test/articles/h2/", "kisa", "", "ransomware", "Kim (kisa);Roe",
            "https://example.org/s;https://reading.test/files/r.pdf",
        ])
        #expect(rows[3][1] == "항구 대화")
    }

    /// The JSON files against the JSON Schemas docs/data.md gives (the first ```json block is
    /// the sessions', the second the terms'), and a broken record against them, which must
    /// fail: the schemas are the documentation, so they must hold what is built.
    @Test func theJSONFilesMatchTheSchemasOfDocsData() throws {
        guard let python = TestTools.path("python") else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = Self.site().build()
        for name in ["sessions.json", "terms.json"] {
            try Data(try #require(result.text("data/" + name)).utf8).write(to: URL(fileURLWithPath: folder.path + "/" + name))
        }
        let script = """
            import json, re, sys
            from jsonschema import Draft202012Validator, ValidationError
            doc = open(sys.argv[1], encoding="utf-8").read()
            sessions_schema, terms_schema = [json.loads(b) for b in re.findall(r"```json\\n(.*?)```", doc, re.S)][:2]
            sessions = json.load(open(sys.argv[2] + "/sessions.json", encoding="utf-8"))
            terms = json.load(open(sys.argv[2] + "/terms.json", encoding="utf-8"))
            Draft202012Validator(sessions_schema).validate(sessions)
            Draft202012Validator(terms_schema).validate(terms)
            broken = [dict(sessions[0], session="two")]
            try:
                Draft202012Validator(sessions_schema).validate(broken)
                sys.exit("a session written as text passed the schema")
            except ValidationError:
                pass
            print("valid", len(sessions), len(terms))
            """
        let run = try BulletinProcess.run(python, ["-c", script, packageRoot + "/docs/data.md", folder.path], in: folder.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("valid 3 3"))
    }

    /// The preview keeps each record's encoding for the next update, by the record's URL: an
    /// edit that changes a record and keeps its URL (its location, a chair, the series' name)
    /// must give the record's new text, as a full build does.
    @Test func thePreviewEncodesAgainEveryRecordThatChanged() throws {
        var site = Self.site()
        var live = LiveSite(tree: site.tree(), options: BuildOptions(now: TestSite.now))
        #expect(live.isCurrent)
        let edits: [(String, String, String)] = [
            ("Content/articles/h2.md", "location: Seoul, Korea", "location: Busan"),
            ("Content/articles/h2.md", "{name: Roe}", "{name: Roe, role: Deputy}"),
            ("Content/articles/h2.md", "date: 2024-03-05", "date: 2024-03-04"),
            ("Content/dialogues/harbour-talks.md", "name: Harbour Talks", "name: Harbour Dialogue"),
            ("Content/articles/h1.md", "session: 1", "session: 4"),
        ]
        for (path, from, to) in edits {
            let text = try #require(site[path])
            try #require(text.contains(from), "\(from)")
            site[path] = text.replacingOccurrences(of: from, with: to)
            let outcome = live.update(tree: site.tree(), changes: [.content(String(path.dropFirst("Content/".count)))])
            #expect(outcome.changed.contains("data/sessions.json"), "after \(to)")
            let full = site.build()
            for file in ["data/sessions.csv", "data/sessions.json", "data/terms.json"] {
                #expect(live.files[file] == full.output?.files.first { $0.path == file }?.contents, "\(file) after \(to)")
            }
        }
        let csv = try #require(live.files["data/sessions.csv"])
        guard case .bytes(let bytes) = csv else { Issue.record("not bytes"); return }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("harbour-talks,Harbour Dialogue,2,2024-03-04,Busan,en,"))
        #expect(text.contains("Kim (kisa);Roe,"))
        #expect(text.hasSuffix("harbour-talks,Harbour Dialogue,4,2024-01-10,,en,First,https://reading.test/articles/h1/,,,,,\r\n"))
    }
}
