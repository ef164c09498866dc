package import BulletinCore

/// A Markdown file split into its YAML front matter and its body.
package struct FrontMatter: Sendable {
    /// The text between the two `---` lines.
    package let yaml: String
    /// The file's line number of the first YAML line (2: the line after the opening `---`).
    package let yamlFirstLine: Int
    /// The Markdown after the closing `---` line: a slice of the file's text, which the build
    /// holds for its diagnostics anyway, not a copy.
    package let body: Substring
    /// The file's line number of the first body line.
    package let bodyFirstLine: Int

    /// Splits a file; the opening `---` must be its first line.
    package static func split(_ source: SourceText) -> Result<FrontMatter, Diagnostic> {
        let text = source.text
        var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).makeIterator()
        let first = lines.next().map(String.init) ?? ""
        guard isDelimiter(first) else {
            let trimmed = first.trimmingWhitespace
            let hint = trimmed == "+++"
                ? "Bulletin reads YAML front matter between `---` lines; TOML front matter (`+++`) is not supported"
                : "start the file with a line `---`, then keys such as `title: ...` and `date: 2025-05-20`, then another line `---`"
            return .failure(source.diagnostic(
                .error, .missingFrontMatter, "this file has no front matter (it must start with a line `---`)",
                line: 1, column: 1, hint: hint))
        }
        // Find the closing delimiter: the next line that is `---`. Line feeds found by memchr
        // on the text's storage (every article's front matter is walked here).
        func lineFeed(from start: String.Index) -> String.Index? {
            let from = text.utf8.distance(from: text.utf8.startIndex, to: start)
            let found = text.utf8.withContiguousStorageIfAvailable { $0.offset(of: UInt8(ascii: "\n"), from: from) }
                ?? text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
            return found.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
        }
        var lineNumber = 1
        var lineStart = lineFeed(from: text.startIndex).map { text.utf8.index(after: $0) }
        let yamlStart = lineStart ?? text.endIndex
        while let start = lineStart {
            lineNumber += 1
            let end = lineFeed(from: start)
            let line = text[start..<(end ?? text.endIndex)]
            if isDelimiter(line) {
                let bodyStart = end.map { text.utf8.index(after: $0) } ?? text.endIndex
                return .success(FrontMatter(
                    yaml: String(text[yamlStart..<start]), yamlFirstLine: 2,
                    body: text[bodyStart...], bodyFirstLine: lineNumber + 1))
            }
            lineStart = end.map { text.utf8.index(after: $0) }
        }
        return .failure(source.diagnostic(
            .error, .unclosedFrontMatter, "the front matter that starts here is never closed",
            line: 1, column: 1, hint: "add a line `---` after the last front-matter key, before the article's text"))
    }

    /// `---`, optionally followed by spaces or tabs.
    private static func isDelimiter(_ line: some StringProtocol) -> Bool {
        guard line.hasPrefix("---") else { return false }
        return line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
