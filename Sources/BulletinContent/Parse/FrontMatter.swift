package import BulletinCore

/// A Markdown file split into its YAML front matter and its body.
package struct FrontMatter: Sendable {
    /// The text between the two `---` lines.
    package let yaml: String
    /// The file's line number of the first YAML line (2: the line after the opening `---`).
    package let yamlFirstLine: Int
    /// The Markdown after the closing `---` line: a slice of the file's text, which the build
    /// holds for its diagnostics anyway, not a copy (but for a text bridged from Foundation
    /// without UTF-8 of its own, read from a native copy; on Linux every String is native).
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
        // Find the closing delimiter: the next line that is `---`. On the text's bytes, line
        // feeds found by memchr (every article's front matter is walked here; each line read
        // as Characters, and its index worked out again, was a quarter of reading a file).
        // (A String bridged from Foundation may hold no UTF-8 to read: made native first.)
        var contiguous = text
        if contiguous.utf8.withContiguousStorageIfAvailable({ _ in true }) == nil { contiguous.makeContiguousUTF8() }
        let found = contiguous.utf8.withContiguousStorageIfAvailable { bytes -> (yaml: Int, delimiter: Int, body: Int, line: Int)? in
            guard let firstEnd = bytes.offset(of: UInt8(ascii: "\n")) else { return nil }
            var start = firstEnd + 1
            var lineNumber = 1
            while start < bytes.count {
                lineNumber += 1
                let end = bytes.offset(of: UInt8(ascii: "\n"), from: start)
                if isDelimiter(UnsafeBufferPointer(rebasing: bytes[start..<(end ?? bytes.count)])) {
                    return (firstEnd + 1, start, end.map { $0 + 1 } ?? bytes.count, lineNumber)
                }
                guard let end else { break }
                start = end + 1
            }
            return nil
        }
        if let found = found ?? nil {
            let utf8 = contiguous.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            return .success(FrontMatter(
                yaml: String(contiguous[index(found.yaml)..<index(found.delimiter)]), yamlFirstLine: 2,
                body: contiguous[index(found.body)...], bodyFirstLine: found.line + 1))
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

    /// The same, of a line's bytes: three dashes, then spaces and tabs alone (each of them a
    /// character of its own, whatever follows, so the bytes decide as the characters do).
    private static func isDelimiter(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 3, line[0] == UInt8(ascii: "-"), line[1] == UInt8(ascii: "-"), line[2] == UInt8(ascii: "-") else { return false }
        return line.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
