@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinResolve
@testable import BulletinRender
import Testing

@Suite struct YAMLReaderTests {
    func parse(_ yaml: String, firstLine: Int = 2) -> Result<[YAMLPair], Diagnostic> {
        let text = "---\n" + yaml + "---\n"
        return YAMLReader.parseMapping(yaml, firstLine: firstLine, in: SourceText(file: "a.md", text: text))
    }

    /// A wrong type's message names what was written: YAML's numbers as numbers, the rest as text.
    @Test(arguments: [
        ("1.5", true), ("-2e3", true), (".5", true), ("+7.", true), ("99999999999999999999", true), ("1E+10", true),
        ("1.2.3", false), ("1e", false), (".", false), ("e5", false), ("seventh", false), ("", false), ("1_000", false),
    ])
    func numbersAreToldFromText(_ text: String, _ isNumber: Bool) {
        #expect(YAMLValue.isNumber(text) == isNumber)
    }

    @Test func positionsCountFromTheTopOfTheFile() throws {
        let pairs = try parse("title: A\ndate: 2025-01-01\nagencies:\n  - KISA\n  - EEAS\n").get()
        #expect(pairs.map(\.key) == ["title", "date", "agencies"])
        #expect(pairs[1].line == 3)
        #expect(pairs[1].value.column == 7)
        guard case .sequence(let items) = pairs[2].value.kind else {
            Issue.record("expected a list")
            return
        }
        #expect(items[1].line == 6)
        #expect(items[1].column == 5)
    }

    /// YAML's merge key, as Hugo reads it: `<<` adds the keys of a mapping (or of a list of
    /// mappings, the first winning) that the mapping does not set itself, in its place.
    @Test func mergeKeysAddWhatTheMappingDoesNotSet() throws {
        let pairs = try parse("<<: {title: Merged, date: 2025-01-01, location: Seoul}\nlocation: Busan\nd: &d {x: 1, y: 2}\nn: {<<: [*d, {z: 3, x: 9}], y: 7}\n").get()
        #expect(pairs.map(\.key) == ["title", "date", "location", "d", "n"])
        #expect(pairs.first { $0.key == "location" }?.value.kind.text == "Busan")
        #expect(pairs.first { $0.key == "title" }?.line == 2)
        guard case .mapping(let nested) = pairs[4].value.kind else {
            Issue.record("expected a mapping")
            return
        }
        #expect(nested.map(\.key) == ["x", "z", "y"])
        #expect(nested.map { $0.value.kind.text } == ["1", "3", "7"])
        let error = try #require(parse("title: A\nn: {<<: 5}\n").failure)
        #expect(error.message.contains("merge key") && error.location.line == 3)
        // Quoted, it is a key like any other.
        #expect(try parse("\"<<\": x\n").get().map(\.key) == ["<<"])
    }

    /// A tag naming a type of the core schema gives the text that type: `!!bool true` is the
    /// boolean, `!!int "5"` the number; `!!str` keeps it text.
    @Test func typeTagsMakeTheirType() throws {
        let pairs = try parse("a: !!bool true\nb: !!int \"5\"\nc: !!str true\nd: !!null ''\n").get()
        #expect(pairs[0].value.kind.isPlainScalar && pairs[1].value.kind.isPlainScalar)
        #expect(!pairs[2].value.kind.isPlainScalar)
        #expect(pairs[3].value.kind.isPlainScalar)
    }

    @Test func quotedScalarsAreNotPlain() throws {
        let pairs = try parse("a: true\nb: \"true\"\nc: ~\nd: ''\n").get()
        #expect(pairs[0].value.kind.isPlainScalar)
        #expect(!pairs[1].value.kind.isPlainScalar)
        #expect(pairs[2].value.isNull)
        #expect(!pairs[3].value.isNull)
    }

    @Test func syntaxErrorsPointIntoTheFile() {
        guard case .failure(let diagnostic) = parse("title: A\nsummary: Seoul: the 7th round\n") else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.location.column == 15)  // the second colon
        #expect(diagnostic.hint?.contains("quoted") == true)
    }

    @Test func duplicateKeysPointAtTheSecondOne() {
        guard case .failure(let diagnostic) = parse("title: A\ndate: 2025-01-01\ntitle: B\n") else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.code == .duplicateKey)
        #expect(diagnostic.message.contains("'title'"))
        #expect(diagnostic.message.contains("first at line 2"))
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.location.column == 1)
    }

    @Test func aliasBombsStopAtTheBudget() {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        guard case .failure(let diagnostic) = parse(yaml) else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.code == .yamlTooLarge)
        #expect(diagnostic.location.line == 2)
    }

    @Test func smallAliasesAreFine() throws {
        let pairs = try parse("base: &who [KISA, EEAS]\nagencies: *who\n").get()
        guard case .sequence(let items) = pairs[1].value.kind else {
            Issue.record("expected a list")
            return
        }
        #expect(items.count == 2)
    }

    @Test func aliasesAsKeysAreRefused() {
        let yaml = "a: &a [x, y]\n*a : value\n"
        guard case .failure(let diagnostic) = parse(yaml) else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.location.line == 3)
    }

    /// Columns count characters: Hangul before the alias or the `?` does not push them on.
    @Test func aliasAndComplexKeysAreFoundInFlowsAfterOtherScripts() {
        let cases: [(yaml: String, line: Int, column: Int, message: String)] = [
            ("a: &a [x, y]\nb: {\"한국\": 1, *a : v}\n", 3, 14, "an alias"),
            ("a: &a [x]\nb: ['서울', \"q\\\"*\", {? k : v}]\n", 3, 20, "complex keys"),
            ("t: '&한' # *a: not a key\nb: x\n", 0, 0, ""),
        ]
        for item in cases {
            switch parse(item.yaml) {
            case .failure(let diagnostic):
                #expect(diagnostic.location.line == item.line && diagnostic.location.column == item.column, "\(item.yaml.debugDescription)")
                #expect(!item.message.isEmpty && diagnostic.message.hasPrefix(item.message), "\(diagnostic.message)")
            case .success:
                #expect(item.message.isEmpty, "\(item.yaml.debugDescription) should be refused")
            }
        }
    }

    @Test func rootMustBeAMapping() {
        guard case .failure(let diagnostic) = parse("- a\n- b\n") else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.code == .wrongType)
    }
}

extension YAMLValue.Kind {
    var isPlainScalar: Bool {
        if case .scalar(_, true) = self { return true }
        return false
    }
}

extension YAMLValue.Kind {
    /// A scalar's text (nil for a list or mapping).
    var text: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }
}

extension Result {
    /// The error, or nil on success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
