@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinRender
@testable import BulletinBuild
import Foundation
import Testing

/// What `bulletin check` and `build` print never carries a control character from the
/// input to the terminal: escape sequences and direction overrides are shown, not obeyed.
@Suite struct TerminalSafetyTests {
    /// The bytes a terminal would act on: every byte below 0x20 but line feed, and DEL.
    static func controlBytes(_ text: String) -> [UInt8] {
        text.utf8.filter { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }
    }

    @Test func escapeSequencesInAnArticleAreShownNotObeyed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var site = TestSite.standard()
        let osc = "\u{1B}]0;pwned\u{7}"
        site["Content/articles/hostile.md"] = "---\ntitle: A\ndate: 2024-01-01\n---\n\nSee [x](gone\(osc).md) and <b>\u{1B}[2J</b> \u{202E}txt.exe\n"
        site["Content/articles/\u{1B}[31mred.md"] = "no front matter \u{1B}[31m\n"
        try site.write(to: folder.path)
        for arguments in [["check"], ["check", "--format", "github"], ["build", "--output", "out"]] {
            let result = try BulletinProcess.run(arguments, in: folder.path)
            let output = result.standardOutput + result.standardError
            #expect(result.status == 1)
            #expect(Self.controlBytes(output).isEmpty, "\(arguments): \(Self.controlBytes(output))")
            #expect(!output.contains("\u{202E}"))
            #expect(output.contains("\\u{1B}]0;pwned\\u{7}"), "\(arguments): \(output)")
            #expect(output.contains("\\u{1B}[31mred.md"))
        }
    }

    @Test func theCaretStaysUnderItsColumnWhenTheLineIsEscaped() {
        let diagnostic = Diagnostic(
            .error, .brokenLink, "x", at: SourceLocation(file: "f", line: 1, column: 4), sourceLine: "\u{1B}ab[link]")
        #expect(diagnostic.formatted().hasSuffix("\\u{1B}ab[link]\n        ^"))
    }

    @Test func aVeryLongLineIsCutAroundTheColumn() {
        let line = String(repeating: "a", count: 5000) + "X" + String(repeating: "b", count: 5000)
        let text = Diagnostic(.error, .yamlSyntax, "x", at: SourceLocation(file: "f", line: 1, column: 5001), sourceLine: line)
            .formatted()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1].count == TerminalText.lineWindow + 2)
        #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("…"))
        let caret = lines[2].count - 1
        #expect(Array(lines[1])[caret] == "X")
    }

    @Test func aBinaryFileIsReportedWithoutItsBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        // A PNG saved with an article's name.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
            + [UInt8](repeating: 0x1B, count: 200) + [UInt8](repeating: 0xC3, count: 200)
        try Data(png).write(to: URL(fileURLWithPath: folder.path + "/Content/articles/photo.md"))
        let result = try BulletinProcess.run(["check"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("Content/articles/photo.md:1:1: error: this file is binary (an image or a document?), not UTF-8 text"))
        #expect(result.standardOutput.contains("hint: Bulletin reads text files here; images and other files go in Content/static/"))
        #expect(Self.controlBytes(result.standardOutput).isEmpty)
        #expect(result.standardOutput.utf8.count < 600, "no bytes dumped: \(result.standardOutput)")
    }
}
