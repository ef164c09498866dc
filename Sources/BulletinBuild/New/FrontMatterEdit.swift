import BulletinCore

/// Small edits of front matter as text, not through a YAML parser and printer: an editor's
/// file keeps its comments, quoting, key order and line ends, and the diff of a change is
/// the one line added.
enum FrontMatterEdit {
    /// One top-level key of front matter with the lines that belong to it (its value's
    /// indented lines, an unindented `- item` list under it), as written.
    struct Block: Equatable {
        let key: String
        let lines: [String]
    }

    /// The top-level keys of `yaml` (the text between the `---` lines), in order. Comment and
    /// blank lines between keys belong to no key; those inside a value stay with it.
    static func blocks(of yaml: String) -> [Block] {
        var blocks: [Block] = []
        var key: String?
        var lines: [String] = []
        func close() {
            while let last = lines.last, isBlankOrComment(last) { lines.removeLast() }
            if let key { blocks.append(Block(key: key, lines: lines)) }
            key = nil
            lines = []
        }
        for raw in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if let first = line.first, first != " ", first != "\t", first != "-", first != "#", let colon = line.firstIndex(of: ":") {
                close()
                key = unquoted(line[..<colon].trimmingWhitespace)
                lines = [line]
            } else if key != nil {
                lines.append(line)
            }
        }
        close()
        return blocks
    }

    /// The file's bytes with `line` added as the front matter's last line, before the closing
    /// `---`, with the file's own line end; nil when the file has no front matter. A leading
    /// byte-order mark and every other byte stay as they are.
    static func adding(line: String, to bytes: [UInt8]) -> [UInt8]? {
        // Line starts, after the first line (the opening `---`).
        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var content = bytes[start..<end]
            if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
            if lineNumber == 0, content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
            let isDelimiter = content.starts(with: Array("---".utf8))
                && content.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if lineNumber == 0 && !isDelimiter { return nil }
            if lineNumber > 0 && isDelimiter {
                let lineEnd: [UInt8] = bytes[..<end].last == UInt8(ascii: "\r") ? [0x0D, 0x0A] : [0x0A]
                return Array(bytes[..<start]) + Array(line.utf8) + lineEnd + Array(bytes[start...])
            }
            start = end + 1
            lineNumber += 1
        }
        return nil
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    private static func unquoted(_ key: String) -> String {
        if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first {
            return String(key.dropFirst().dropLast())
        }
        return key
    }
}
