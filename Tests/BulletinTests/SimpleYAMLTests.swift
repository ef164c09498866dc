@testable import BulletinContent
import BulletinCore
import Foundation
import Testing

/// The quick reader of simple front matter must give exactly what Yams gives (texts, plain or
/// quoted, lines and columns) for every document it accepts, and leave the rest to Yams.
@Suite struct SimpleYAMLTests {
    /// Everything a value carries, as one line per value.
    static func describe(_ pairs: [YAMLPair]) -> String {
        pairs.map { "\($0.key)@\($0.line):\($0.column)=\(describe($0.value))" }.joined(separator: "\n")
    }

    static func describe(_ value: YAMLValue) -> String {
        let kind: String
        switch value.kind {
        case .scalar(let text, let plain): kind = "\(plain ? "plain" : "quoted")(\(text.debugDescription))"
        case .sequence(let items): kind = "[" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let pairs): kind = "{" + describe(pairs) + "}"
        }
        return "\(kind)@\(value.line):\(value.column)"
    }

    /// Whether the quick reader took `yaml`; records a difference from Yams when it did.
    @discardableResult
    static func check(_ yaml: String, _ comment: Comment? = nil) -> Bool {
        guard let quick = SimpleYAML.mapping(yaml, firstLine: 2) else { return false }
        let source = SourceText(file: "a.md", text: "---\n" + yaml + "---\n")
        switch YAMLReader.parseMappingWithYams(yaml, firstLine: 2, in: source) {
        case .success(let pairs):
            #expect(describe(quick) == describe(pairs), "\(yaml.debugDescription) \(comment?.rawValue ?? "")")
        case .failure(let diagnostic):
            Issue.record("the quick reader took \(yaml.debugDescription), which Yams refuses: \(diagnostic.message)")
        }
        return true
    }

    @Test func typicalFrontMatterIsReadAsYamsReadsIt() {
        let documents = [
            "title: \"Seoul: 1st Session\"\ndate: 2010-01-02T23:27:00+09:00\nsession: 1\nagencies:\n  - \"KNPA\"\n  - KISA\ndraft: false\n",
            "title: 제7차 한-EU 사이버정책대화\ndialogue: rok-eu\nthreats: [ransomware, 'DPRK crypto theft', \"spyware\"]\nsummary: A & B, (c) [d] 12:30\n",
            "title: x\nagencies:\n- indentless\n- \"list\"\n\nframeworks: []\nlocation:\nsummary: 'it is'\n",
            "slug: a-b\nweight: 1\nx: ~\ny: null\nz: .NET/C++ = $5 <ok>; ^\\\n",
            // A title that quotes a name, and a backslash, escaped in double quotes.
            "title: \"\\\"NotPetya\\\" Tops Agenda\"\nsummary: \"C:\\\\x \\\\\\\" \\\\\"\nagencies:\n  - \"the \\\"EEAS\\\"\"\n",
        ]
        for document in documents {
            #expect(Self.check(document), "\(document.debugDescription) should be read quickly")
        }
    }

    @Test func anythingElseIsLeftToYams() {
        let documents = [
            "title: a # comment\n", "# comment\ntitle: a\n", "title: 'it''s'\n", "title:\ttab\n",
            // Escapes other than \" and \\, a quote escaped at the end, and any escape in a flow list.
            "title: \"a\\nb\"\n", "title: \"a\\tb\"\n", "title: \"\\u00e9\"\n", "title: \"a\\/b\"\n", "title: \"a\\\"\n",
            "title: \"a\\\\\\\"\n", "t: [\"a\\\"b\"]\n", "t: [\"a\\\\b\"]\n", "title: \"a\\\n", "title: \"a\\ b\"\n",
            "title: a\n  continued\n", "title: a\ntitle: b\n", "a: &x 1\nb: *x\n", "m:\n  k: v\n", "t: [a, b,]\n", "t: [a\n",
            "t: a:\n", "t: a: b\n", "t: \"open\n", "- a\n- b\n", "t: \u{85}\n", "t: a\u{2028}b\n", "t: -1 \n", "\"q\": 1\n",
            "t: [a, [b]]\n", "t: {a: 1}\n", "t: |\n  block\n", "t: >\n  folded\n", "l:\n  - a\n   - b\n", "l:\n  - a\n  x\n", "",
            "\n\n", "t: !tag x\n", "t: @x\n", "t: `x`\n", "t: %x\n", "t: ?x\n", "t: *x\n", "t: a\r\nb: c\n",
        ]
        for document in documents {
            #expect(!Self.check(document), "\(document.debugDescription) should be left to Yams")
        }
    }

    /// A key given twice is Yams' to report, however many keys come before the second: the
    /// first keys are compared one by one, later ones looked up in a set.
    @Test func aRepeatedKeyIsLeftToYamsAfterAnyNumberOfKeys() {
        for count in [1, 2, 15, 16, 17, 40] {
            let keys = (0..<count).map { "key\($0)" }
            let document = keys.map { "\($0): value\n" }.joined()
            #expect(Self.check(document), "\(count) distinct keys should be read quickly")
            for repeated in Set([0, count / 2, count - 1]) {
                #expect(!Self.check(document + "\(keys[repeated]): again\n"), "key \(repeated) of \(count) repeated")
                let middle = keys[..<(count / 2)].map { "\($0): value\n" }.joined() + "\(keys[repeated]): early\n"
                    + keys[(count / 2)...].map { "\($0): value\n" }.joined()
                #expect(!Self.check(middle), "key \(repeated) of \(count) repeated at \(count / 2)")
            }
        }
    }

    /// Seeded documents of every kind of piece, good and bad; whatever the quick reader takes
    /// must read as Yams reads it, and it must take a fair share of them.
    @Test func generatedDocumentsReadAsYamsReadsThem() {
        let keys = ["title", "date", "agencies", "a_b", "x-1", "9", "_", "t"]
        let scalars = [
            "plain", "two words", "12:30", "a:b", "a, b", "[x] y", "R&D", "*star", "&amp", "a #b", "a#b", "x:", "-5", "~", "null",
            "\"dq\"", "\"d: q # x\"", "\"\"", "\"a\\\\b\"", "\"\\\"q\\\" x\"", "\"\\\\\"", "\"\\\"\"", "\"a\\nb\"", "\"a\\\"", "'sq'", "'a \"b\" c'", "''", "'it''s'", "한국어", "café", "é:x", "a—b",
            ".NET", "(c)", "/path", "+1", "a  b", "ends ", "\"unclosed", "'un", "[a, b]", "[]", "[ ]", "[a,b]", "[ a , 'b' ]",
            "[\"x, y\", z]", "[a, , b]", "[a,]", "[a: b]", "[\"q\"x]", "{a}", "|", ">", "!x", "%x", "@x", "?x", "? x", "- x",
        ]
        let listItems = ["a", "\"b c\"", "'d'", "한", "e: f", "- g", "#h", "i # j", "[k]", "l,m", "", " n"]
        var generator = SplitMix64(seed: 0x5_1E1D)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        var taken = 0
        let total = 3_000
        for _ in 0..<total {
            var document = ""
            for _ in 0..<(1 + Int(generator.next() % 5)) {
                let key = pick(keys)
                switch generator.next() % 10 {
                case 0, 1:
                    document += key + ":\n"
                    let indentation = pick(["", "  ", "    ", " "])
                    for _ in 0..<Int(generator.next() % 4) {
                        document += (generator.next() % 8 == 0 ? pick(["", "  ", "   "]) : indentation) + "- " + pick(listItems) + "\n"
                        if generator.next() % 10 == 0 { document += "\n" }
                    }
                case 2:
                    document += key + ":" + pick(["", " ", "x", "  y"]) + "\n"
                case 3:
                    document += pick(["", "\n", "# c\n", "  \n", " " + key + ": x\n"])
                default:
                    document += key + ": " + pick(scalars) + "\n"
                }
            }
            if Self.check(document) { taken += 1 }
        }
        #expect(taken > total / 10, "the quick reader took only \(taken) of \(total) documents")
    }

    /// The bulletin's own articles and registries, and the test fixtures' files: read as Yams
    /// reads them, and many of them quickly (registry entries' `names` and session reports'
    /// `chairs` are nested mappings, Yams' to read).
    @Test func realFrontMatterReadsAsYamsReadsIt() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for folder in ["Content", "Tests/Fixtures"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                if url.pathExtension == "md" || url.pathExtension == "yaml" { files.append(url) }
            }
        }
        var taken = 0
        var documents = 0
        for url in files {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let yaml: String
            if url.pathExtension == "yaml" {
                yaml = text
            } else {
                guard case .success(let frontMatter) = FrontMatter.split(SourceText(file: url.path, text: text)) else { continue }
                yaml = frontMatter.yaml
            }
            documents += 1
            if Self.check(yaml, "in \(url.path)") { taken += 1 }
        }
        #expect(documents > 20)
        #expect(taken * 3 > documents, "the quick reader took only \(taken) of \(documents) documents")
    }
}
