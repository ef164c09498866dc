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
