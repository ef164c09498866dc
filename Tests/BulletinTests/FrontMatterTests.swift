@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinMarkdown
@testable import BulletinRender
import Testing

@Suite struct FrontMatterTests {
    func source(_ text: String) -> SourceText {
        SourceText(file: "Content/articles/x.md", text: text)
    }

    @Test func splitsYAMLAndBody() throws {
        let split = try FrontMatter.split(source("---\ntitle: A\ndate: 2025-01-01\n---\n\nBody\n")).get()
        #expect(split.yaml == "title: A\ndate: 2025-01-01\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "\nBody\n")
        #expect(split.bodyFirstLine == 5)
    }

    /// Every file's text is held for the build's diagnostics; an article's body is the part
    /// of it after the front matter, not a second copy (80 MB on a 10,000-article site).
    @Test func bodiesArePartsOfTheirFilesText() {
        let (content, _) = ContentParser.parse(TestSite.standard().tree(), baseURLOverride: nil)
        let bodies = content.articles.map { ($0.source.text, $0.body) } + content.pages.map { ($0.source.text, $0.body) }
        #expect(bodies.filter { !$0.1.isEmpty }.count >= 2)
        for (text, body) in bodies where !body.isEmpty {
            var text = text, body = body
            let file = text.withUTF8 { UInt(bitPattern: $0.baseAddress) ..< UInt(bitPattern: $0.baseAddress) + UInt($0.count) }
            let start = body.withUTF8 { UInt(bitPattern: $0.baseAddress) }
            #expect(file.contains(start), "the body of \(body.prefix(30)) is a copy")
        }
    }

    @Test func delimitersMayHaveTrailingSpaces() throws {
        let split = try FrontMatter.split(source("---  \ntitle: A\n--- \nBody")).get()
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "Body")
    }

    @Test func emptyFrontMatter() throws {
        let split = try FrontMatter.split(source("---\n---\n")).get()
        #expect(split.yaml == "")
        #expect(split.body == "")
    }

    @Test(arguments: ["", "title: A\n", "# Heading\n---\n", " ---\ntitle: A\n---\n"])
    func missing(text: String) {
        guard case .failure(let diagnostic) = FrontMatter.split(source(text)) else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.code == .missingFrontMatter)
        #expect(diagnostic.location == SourceLocation(file: "Content/articles/x.md", line: 1, column: 1))
    }

    @Test func tomlFrontMatterGetsItsOwnHint() {
        guard case .failure(let diagnostic) = FrontMatter.split(source("+++\ntitle = \"A\"\n+++\n")) else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.hint?.contains("TOML") == true)
    }

    /// The closing line is found as the rule says it, written plainly on Characters: the first
    /// line after the opening one that is `---` and spaces or tabs; the YAML is the lines
    /// between, the body everything after the closing line's line feed.
    @Test func theClosingLineIsFoundAsTheRuleSays() throws {
        let pieces = ["---", "--- ", "---\t", "---  \t", "----", " ---", "--- x", "---\u{301}", "-\u{301}--", "title: A", "", "é 한", "---\r"]
        func isDelimiter(_ line: Substring) -> Bool {
            line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let lines = ["---"] + (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let text = lines.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")
            let split = FrontMatter.split(source(text))
            // Lines end at each line feed (a CR before one is no part of a Character here).
            let parts = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .map { Substring(String(decoding: $0, as: UTF8.self)) }
            guard parts.count > 1, let closing = parts.indices.dropFirst().first(where: { isDelimiter(parts[$0]) }) else {
                guard case .failure(let diagnostic) = split else {
                    Issue.record("\(text.debugDescription) has no closing line")
                    continue
                }
                #expect(diagnostic.code == .unclosedFrontMatter, "\(text.debugDescription)")
                continue
            }
            let found = try split.get()
            #expect(found.yaml == parts[1..<closing].map { $0 + "\n" }.joined(), "\(text.debugDescription)")
            #expect(found.body == parts[(closing + 1)...].joined(separator: "\n"), "\(text.debugDescription)")
            #expect(found.bodyFirstLine == closing + 2, "\(text.debugDescription)")
        }
    }

    @Test func unclosed() {
        guard case .failure(let diagnostic) = FrontMatter.split(source("---\ntitle: A\n\nBody without a closing line\n")) else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.code == .unclosedFrontMatter)
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.sourceLine == "---")
    }
}

@Suite struct SourceTextTests {
    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\nBody\r\n".utf8)
        let text = try SourceText.decode(bytes, file: "x.md").get()
        #expect(text.text == "---\ntitle: A\n---\nBody\n")
    }

    @Test func firstBadByteIsLocated() {
        let bytes = Array("---\ntitle: café\n".utf8) + [0x41, 0xE9, 0x42] + Array("\n".utf8)
        guard case .failure(let diagnostic) = SourceText.decode(bytes, file: "x.md") else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.code == .invalidEncoding)
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.location.column == 2)
    }

    @Test func columnsCountScalarsBeforeTheBadByte() {
        let bytes = Array("한국어".utf8) + [0xFF]
        guard case .failure(let diagnostic) = SourceText.decode(bytes, file: "x.md") else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.location.column == 4)
    }

    @Test(arguments: [
        [0xC0, 0xAF] as [UInt8],  // overlong
        [0xED, 0xA0, 0x80],  // surrogate
        [0xF4, 0x90, 0x80, 0x80],  // past U+10FFFF
        [0xE2, 0x82],  // truncated
        [0x80],  // lone continuation
    ])
    func illFormedSequences(bytes: [UInt8]) {
        #expect(SourceText.firstInvalidUTF8Offset(Array("ok".utf8) + bytes) == 2)
    }

    @Test func utf16GetsAHint() {
        guard case .failure(let diagnostic) = SourceText.decode([0xFF, 0xFE, 0x2D, 0x00], file: "x.md") else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.hint?.contains("UTF-16") == true)
    }

    @Test func linesAreQuoted() {
        let text = SourceText(file: "x", text: "one\ntwo\nthree")
        #expect(text.line(1) == "one")
        #expect(text.line(3) == "three")
        #expect(text.line(4) == nil)
    }
}
