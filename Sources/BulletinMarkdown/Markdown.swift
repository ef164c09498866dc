import BulletinCore

import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place that talks to libcmark: Markdown text in, Swift values out.
///
/// cmark's default options are kept: raw HTML is replaced by a comment and `javascript:`,
/// `vbscript:`, `file:` and most `data:` URLs are emptied, so front matter and Markdown can
/// never inject script. Every pointer cmark returns is freed before returning.
public enum Markdown {
    /// Renders `text`, whose first line is line `firstLine` of its file, rewriting link
    /// destinations with `rewrite`.
    public static func render(
        _ text: String, firstLine: Int = 1, rewrite: (MarkdownDocument.Link) -> LinkTarget = { _ in .unchanged }
    ) -> MarkdownDocument {
        render(text[...], firstLine: firstLine, rewrite: rewrite)
    }

    /// Renders a part of a text: an article's body is the part of its file after the front
    /// matter, kept as a slice of the file's text rather than a copy.
    public static func render(
        _ text: Substring, firstLine: Int = 1, rewrite: (MarkdownDocument.Link) -> LinkTarget = { _ in .unchanged }
    ) -> MarkdownDocument {
        let document = parse(text)
        defer { cmark_node_free(document) }

        var headings: [MarkdownDocument.Heading] = []
        var usedIDs = UsedIDs()
        var links: [MarkdownDocument.Link] = []
        var firstParagraph: String?
        var unwrap: [OpaquePointer] = []
        var rawHTML: [MarkdownDocument.RawHTML] = []
        // The words of every text node, each once: a large site's bodies would otherwise be
        // held a second time, as plain text, until their search index is made.
        var searchWords = SearchWordCollector(textSize: text.utf8.count)
        var lines: LineIndex?
        func position(of node: OpaquePointer) -> MarkdownDocument.Position {
            if lines == nil { lines = LineIndex(text) }
            let line = Int(cmark_node_get_start_line(node))
            return MarkdownDocument.Position(
                line: line + firstLine - 1,
                column: lines!.scalarColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
        }

        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                // Read where libcmark holds it (valid UTF-8): a String of each text node would
                // check its bytes once more, and allocate for most.
                if let literal = cmark_node_get_literal(node) {
                    searchWords.add(utf8: UnsafeBufferPointer(
                        start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                rawHTML.append(.init(
                    position: position(of: node), text: cmark_node_get_literal(node).map { String(cString: $0) } ?? ""))
            case CMARK_NODE_HEADING:
                headings.append(usedIDs.heading(node))
            case CMARK_NODE_PARAGRAPH:
                if firstParagraph == nil, cmark_node_parent(node) == document {
                    firstParagraph = Self.plainText(of: node)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                var start = position(of: node)
                if cmark_node_get_type(node) == CMARK_NODE_LINK, lines != nil,
                   let column = lines!.autolinkColumn(line: Int(cmark_node_get_start_line(node)), before: start.column, destination: destination) {
                    // An autolink (`<https://...>`) is reported at its start, where editors look,
                    // also if libcmark gives a position at its end.
                    start = MarkdownDocument.Position(line: start.line, column: column)
                }
                let link = MarkdownDocument.Link(
                    destination: destination, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                    text: Self.plainText(of: node), line: start.line, column: start.column)
                links.append(link)
                switch rewrite(link) {
                case .unchanged: break
                case .rewritten(let replacement): _ = replacement.withCString { cmark_node_set_url(node, $0) }
                case .unlink: unwrap.append(node)
                }
            default:
                break
            }
        }

        // Links to unpublished pages become their text: the tree changes only once the
        // iteration is over.
        for link in unwrap {
            while let child = cmark_node_first_child(link) {
                cmark_node_insert_before(link, child)
            }
            cmark_node_free(link)
        }
        let html = cmark_render_html(document, CMARK_OPT_DEFAULT).map { rendered -> [UInt8] in
            defer { free(rendered) }
            let ids = headings.map(\.id)
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
            // libcmark passes control characters through; HTML forbids them. Without any
            // (nearly always), the ids go in on cmark's own bytes, copied once.
            guard ForbiddenCodePoints.mayContain(bytes) else { return addingHeadingIDs(bytes, ids) }
            var cleaned = ForbiddenCodePoints.removed(from: String(cString: rendered))
            return cleaned.withUTF8 { addingHeadingIDs($0, ids) }
        } ?? []
        return MarkdownDocument(
            htmlUTF8: html, firstParagraph: firstParagraph, headings: headings, links: links, rawHTML: rawHTML,
            searchWords: searchWords.finish())
    }

    /// The headings of `text`, with the ids `render` gives them, and nothing else: what a link
    /// to a draft's `#fragment` is checked against. (Its whole render, HTML and search words
    /// included, took three times as long, for every draft of a build.)
    public static func headings(_ text: Substring) -> [MarkdownDocument.Heading] {
        let document = parse(text)
        defer { cmark_node_free(document) }
        var headings: [MarkdownDocument.Heading] = []
        var usedIDs = UsedIDs()
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            headings.append(usedIDs.heading(node))
        }
        return headings
    }

    /// libcmark's tree of `text`, with its default options; the caller frees it.
    private static func parse(_ text: Substring) -> OpaquePointer {
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, buffer.count, CMARK_OPT_DEFAULT) }
        }!
    }

    /// The text of a node's inlines, with line breaks as spaces and white space collapsed.
    package static func plainText(of node: OpaquePointer) -> String {
        // The literals' bytes (cmark checked the source's UTF-8 and replaced what was not).
        var bytes: [UInt8] = []
        let iterator = cmark_iter_new(node)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                bytes.append(0x20)
            default:
                break
            }
        }
        return collapsingWhiteSpace(bytes)
    }

    /// The text with every run of spaces, line feeds and tabs made one space, and none at
    /// either end. White space is collapsed per character: a space that a combining mark
    /// follows is part of another character, not white space.
    static func collapsingWhiteSpace(_ bytes: [UInt8]) -> String {
        func isWhite(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 }
        // On bytes when every white-space byte stands between ASCII bytes (each then a
        // character of its own) and there is no CR (CR LF is one character): nearly always.
        let byBytes = bytes.withUnsafeBufferPointer { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == 0x0D { return false }
                if isWhite(byte), (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < bytes.count && bytes[index + 1] >= 0x80) {
                    return false
                }
            }
            return true
        }
        guard byBytes else {
            return String(decoding: bytes, as: UTF8.self)
                .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        }
        return bytes.withUnsafeBufferPointer { String(collapsingWhiteSpaceIn: $0, whiteSpace: String.spaceTabLineFeed) }
    }

    /// The heading ids given so far in a body, each with the suffix the next heading of that
    /// id takes: a few per body, found by a scan (a dictionary made for every body cost more),
    /// a dictionary past a few dozen (a long page of headings stays linear).
    struct UsedIDs {
        private var few: [(id: String, next: Int)] = []
        private var many: [String: Int]?

        subscript(id: String) -> Int? {
            get {
                if let many { return many[id] }
                return few.first { $0.id == id }?.next
            }
        }

        /// The heading `node`, with its id: the slug of its text ("section" when that has
        /// none), and of a slug given before, the slug with the next free suffix (`-1`, `-2`...).
        mutating func heading(_ node: OpaquePointer) -> MarkdownDocument.Heading {
            let text = Markdown.plainText(of: node)
            var id = Slug.make(from: text)
            if id.isEmpty { id = "section" }
            if let count = self[id] {
                var candidate = "\(id)-\(count)"
                var next = count
                while self[candidate] != nil {
                    next += 1
                    candidate = "\(id)-\(next)"
                }
                set(id, next: next + 1)
                set(candidate, next: 1)
                id = candidate
            } else {
                set(id, next: 1)
            }
            return MarkdownDocument.Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: id)
        }

        /// Gives `id` the suffix `next` (ids are never taken back).
        mutating func set(_ id: String, next: Int) {
            if many != nil {
                many![id] = next
            } else if let place = few.firstIndex(where: { $0.id == id }) {
                few[place].next = next
            } else {
                few.append((id, next))
                if few.count > 32 { many = Dictionary(few, uniquingKeysWith: { $1 }) }
            }
        }
    }

    /// The HTML's UTF-8 with each heading's id: cmark writes headings as bare `<h1>`...`<h6>`
    /// and escapes or drops everything else that could look like one, so the n-th heading tag
    /// in the HTML is the n-th heading node.
    static func addingHeadingIDs(_ bytes: UnsafeBufferPointer<UInt8>, _ ids: [String]) -> [UInt8] {
        // Each id as it goes in, so that the result is made at its size, in place: the HTML
        // of every body (78 MB at 10,000 articles) is copied once, and `<` found by memchr.
        let attributes = ids.map { Array(" id=\"\(HTMLEscaping.escape($0))\"".utf8) }
        let size = attributes.reduce(bytes.count) { $0 + $1.count }
        guard size > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: size) { output, initialized in
            var written = 0
            func copy(_ part: UnsafeBufferPointer<UInt8>) {
                _ = UnsafeMutableBufferPointer(rebasing: output[written...]).initialize(from: part)
                written += part.count
            }
            var remaining = attributes[...]
            var copied = 0
            var index = 0
            while index + 3 < bytes.count, !remaining.isEmpty {
                guard let found = bytes.offset(of: UInt8(ascii: "<"), from: index, before: bytes.count - 3) else { break }
                index = found
                guard bytes[index + 1] == UInt8(ascii: "h"), bytes[index + 2] >= UInt8(ascii: "1"),
                      bytes[index + 2] <= UInt8(ascii: "6"), bytes[index + 3] == UInt8(ascii: ">")
                else {
                    index += 1
                    continue
                }
                // `<hN` as it is, then the id, then the `>`.
                copy(UnsafeBufferPointer(rebasing: bytes[copied..<(index + 3)]))
                remaining.popFirst()!.withUnsafeBufferPointer(copy)
                copied = index + 3
                index += 4
            }
            copy(UnsafeBufferPointer(rebasing: bytes[copied...]))
            initialized = written
        }
    }
}

/// Converts cmark's byte columns into Unicode scalar columns.
private struct LineIndex {
    /// The text's UTF-8, and where each line starts in it (line 1 at 0).
    private let bytes: [UInt8]
    private let starts: [Int]

    init(_ text: Substring) {
        // Copied at once from the text's storage (a substring's UTF-8 view would be copied
        // byte by byte).
        bytes = text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8)
        var starts = [0]
        // The line feeds found by memchr: most articles with a link come here.
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while let found = buffer.offset(of: UInt8(ascii: "\n"), from: offset) {
                offset = found + 1
                starts.append(offset)
            }
        }
        self.starts = starts
    }

    /// The bytes of `line` (from 1), without its line feed.
    private func line(_ number: Int) -> ArraySlice<UInt8> {
        let end = number < starts.count ? starts[number] - 1 : bytes.count
        return bytes[starts[number - 1]..<end]
    }

    /// The column of `<destination>` on `line`, at `column` or the last one written before
    /// it, when the link there is an autolink; nil otherwise.
    func autolinkColumn(line: Int, before column: Int, destination: String) -> Int? {
        guard line >= 1, line <= starts.count else { return nil }
        // Every link comes here, and few are autolinks: without `<destination>` anywhere on
        // the line (its bytes), there is nothing to find, and no line to decode.
        let pattern = Array(("<" + destination + ">").utf8)
        let bytes = self.line(line)
        guard bytes.count >= pattern.count else { return nil }
        // Each `<` found by memchr, the pattern compared there by memcmp (a paragraph is one
        // line, of hundreds of bytes, searched for each of its links).
        let found = bytes.withUnsafeBufferPointer { line in
            pattern.withUnsafeBufferPointer { pattern in
                var start = 0
                while let at = line.offset(of: UInt8(ascii: "<"), from: start, before: line.count - pattern.count + 1) {
                    if memcmp(line.baseAddress! + at, pattern.baseAddress!, pattern.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
        guard found else { return nil }
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        let written = Array(("<" + destination + ">").unicodeScalars)
        // Where libcmark says, when it is there (libcmark 0.30 gives an autolink's start; the
        // same address written twice on a line was reported at the first); else its last
        // occurrence that ends before `column` (for a position given at the link's end).
        if column >= 1, column - 1 + written.count <= scalars.count,
           scalars[(column - 1)..<(column - 1 + written.count)].elementsEqual(written) {
            return column
        }
        // A link written `[text](destination)` starts where libcmark says, even with an
        // autolink to the same address before it on the line.
        if column >= 1, column <= scalars.count, scalars[column - 1] == "[" { return nil }
        var end = min(column, scalars.count)
        while end >= written.count {
            if scalars[(end - written.count)..<end].elementsEqual(written) { return end - written.count + 1 }
            end -= 1
        }
        return nil
    }

    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= starts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
        return self.line(line).prefix(byteColumn - 1).reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
}
