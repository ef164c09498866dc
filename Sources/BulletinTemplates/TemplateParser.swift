/// Reads a template's text, once, into a `RenderPlan`.
///
/// One pass over the UTF-8 bytes: find the next opening delimiter, read the tag, decide
/// whether it stands alone on its line (then the line's white space and line break go, as
/// the Mustache specification says), and append nodes. Open sections, parents and blocks
/// are a stack of frames; closing one fills in where its body ends.
struct TemplateParser {
    private let source: [UInt8]
    private var position = 0
    private var openDelimiter: [UInt8] = [0x7B, 0x7B]  // {{
    private var closeDelimiter: [UInt8] = [0x7D, 0x7D]  // }}

    // What the plan is made of.
    private var nodes: [Node] = []
    private var bytes: [UInt8] = []
    private var values: [ValueReference] = []
    private var keys: [TemplateKey] = []
    private var transforms: [TemplateTransform] = []
    private var partialNames: [String] = []
    private var blockNames: [String] = []
    private var tags: [TemplateTag] = []

    /// Sections, parents and blocks opened and not yet closed, innermost last.
    private var frames: [Frame] = []
    /// Whether anything renders on the current line before the next node: a node that
    /// begins a line gets a partial's indentation.
    private var lineHasOutput = false
    /// The last node, when it is text that more text may extend.
    private var openText: Int?
    /// Inside an override (`{{$b}}` in `{{<p}}`) whose tag ends its line: the white space
    /// that began its first line, taken off the start of each of its lines (the block is
    /// indented again where it is expanded).
    private var dedent: Range<Int>?
    private var locator = Locator()

    init(_ text: String) {
        source = Array(text.utf8)
    }

    /// The plan, or the first mistake in the text.
    mutating func parse() throws(TemplateSyntaxError) -> RenderPlan {
        while position < source.count {
            guard let tagStart = find(openDelimiter, from: position) else { break }
            try readTag(at: tagStart)
        }
        emitText(upTo: source.count)
        if let frame = frames.last {
            throw error(
                "the section '\(frame.name)' opened here is never closed", at: frame.tagStart,
                hint: "add \(delimited("/" + frame.name)) where the section ends")
        }
        return RenderPlan(
            nodes: nodes, bytes: bytes, values: values, keys: keys, transforms: transforms,
            partialNames: partialNames, blockNames: blockNames, tags: tags)
    }

    // MARK: - Tags

    private struct Frame {
        enum Kind { case section, inverted, parent, override, block }
        var kind: Kind
        /// The name as written in the opening tag, which the closing tag must repeat.
        var name: String
        var sigil: String
        var node: Int
        var tagStart: Int
        /// For a parent or block: whether only white space comes before the tag on its line,
        /// and that white space (after any dedent), in `bytes`.
        var atLineStart = false
        var leading = TextRange.empty
        /// For a block: whether its opening tag stands alone on its line.
        var standalone = false
        /// For an override: the dedent of what encloses it.
        var outerDedent: Range<Int>?
    }

    private var atParentTopLevel: Bool { frames.last?.kind == .parent }
    private var sectionDepth: Int { frames.count(where: { $0.kind == .section || $0.kind == .inverted }) }

    private mutating func readTag(at tagStart: Int) throws(TemplateSyntaxError) {
        let afterOpen = tagStart + openDelimiter.count
        let sigil: UInt8? = afterOpen < source.count ? source[afterOpen] : nil
        let kind: UInt8
        switch sigil {
        case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"),
            UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "{"), UInt8(ascii: "="),
            UInt8(ascii: "%"):
            kind = sigil!
        default:
            kind = 0
        }
        let contentStart = kind == 0 ? afterOpen : afterOpen + 1

        // Where the tag ends: a triple mustache ends with `}` and the closing delimiter, a
        // set-delimiter tag with `=` and it.
        var terminator = closeDelimiter
        if kind == UInt8(ascii: "{") { terminator.insert(UInt8(ascii: "}"), at: 0) }
        if kind == UInt8(ascii: "=") { terminator.insert(UInt8(ascii: "="), at: 0) }
        let found = find(terminator, from: contentStart)
        // A tag that runs into the next tag was never closed (the name is never more than a
        // line, and a comment ends at the first closing delimiter).
        let runsOn: Bool = {
            guard kind != UInt8(ascii: "!"), kind != UInt8(ascii: "="), let found else { return false }
            guard let next = find(openDelimiter, from: contentStart) else { return false }
            return next < found
        }()
        guard let contentEnd = found, !runsOn else {
            if kind == UInt8(ascii: "="), find(closeDelimiter, from: contentStart) != nil {
                throw malformedDelimiters(at: tagStart)
            }
            throw error(
                "this tag is never closed", at: tagStart,
                hint: "end the tag with \(String(decoding: terminator, as: UTF8.self))")
        }
        let end = contentEnd + terminator.count
        let name = trimmed(contentStart, contentEnd)
        let sigilText = kind == 0 ? "" : String(UnicodeScalar(kind))
        let (line, column) = locator.locate(tagStart, in: source)
        var tag = TemplateTag(sigil: sigilText, name: name, line: line, column: column, sectionDepth: sectionDepth)

        switch kind {
        case UInt8(ascii: "!"):
            tags.append(tag)
            skipStandaloneOrInline(tagStart: tagStart, end: end)

        case UInt8(ascii: "="):
            let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw malformedDelimiters(at: tagStart)
            }
            tag.name = parts.joined(separator: " ")
            tags.append(tag)
            skipStandaloneOrInline(tagStart: tagStart, end: end)
            openDelimiter = Array(parts[0].utf8)
            closeDelimiter = Array(parts[1].utf8)

        case UInt8(ascii: "%"):
            throw error(
                "pragmas ({{%...}}) are not supported", at: tagStart,
                hint: "every template renders HTML, escaped per Unicode scalar; remove the tag")

        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            try refuseAtParentTopLevel(tagStart)
            let value = try valueReference(name, at: tagStart)
            tags.append(tag)
            let standalone = standaloneLine(tagStart: tagStart, end: end)
            let node = emitNode(
                .section(value: value, end: 0), tagStart: tagStart, end: end, standalone: standalone)
            if kind == UInt8(ascii: "^") { nodes[node].kind = .inverted(value: value, end: 0) }
            frames.append(
                Frame(
                    kind: kind == UInt8(ascii: "#") ? .section : .inverted, name: name, sigil: sigilText, node: node,
                    tagStart: tagStart))

        case UInt8(ascii: "/"):
            try close(name, tag: tag, tagStart: tagStart, end: end)

        case UInt8(ascii: ">"):
            try refuseAtParentTopLevel(tagStart)
            let (target, written) = try partialTarget(name, at: tagStart)
            tag.name = written
            tags.append(tag)
            if let line = standaloneLine(tagStart: tagStart, end: end) {
                // The white space before a standalone partial indents every line it renders.
                let indentation = storeLeadingWhitespace(line.whitespaceStart, tagStart)
                emitNode(.partial(target, indentation: indentation), tagStart: tagStart, end: end, standalone: line)
            } else {
                emitNode(.partial(target, indentation: .empty), tagStart: tagStart, end: end, standalone: nil)
            }

        case UInt8(ascii: "<"):
            try refuseAtParentTopLevel(tagStart)
            let (target, written) = try partialTarget(name, at: tagStart)
            tag.name = written
            tags.append(tag)
            // Whether the parent stands alone is known only at its closing tag (the two may
            // share a line); until then the white space before it is kept aside.
            var frame = Frame(kind: .parent, name: name, sigil: sigilText, node: 0, tagStart: tagStart)
            if let whitespaceStart = lineStart(before: tagStart) {
                emitText(upTo: whitespaceStart)
                frame.atLineStart = true
                frame.leading = storeLeadingWhitespace(whitespaceStart, tagStart)
            } else {
                emitText(upTo: tagStart)
            }
            frame.node = appendNode(.parent(target, indentation: .empty, standalone: false, end: 0))
            position = end
            frames.append(frame)

        case UInt8(ascii: "$"):
            let block = try blockIndex(name, at: tagStart)
            tags.append(tag)
            if atParentTopLevel {
                // An override. The parent's own text is ignored, so the tag stands alone when
                // nothing but white space follows it on its line.
                var frame = Frame(kind: .override, name: name, sigil: sigilText, node: 0, tagStart: tagStart)
                frame.outerDedent = dedent
                frame.node = appendNode(.override(block: block, end: 0))
                if let next = lineEnd(after: end) {
                    position = next
                    var indentEnd = next
                    while indentEnd < source.count, isBlank(source[indentEnd]) { indentEnd += 1 }
                    dedent = next..<indentEnd
                    lineHasOutput = false
                } else {
                    position = end
                    dedent = nil
                    lineHasOutput = true
                }
                frames.append(frame)
            } else {
                var frame = Frame(kind: .block, name: name, sigil: sigilText, node: 0, tagStart: tagStart)
                if let whitespaceStart = lineStart(before: tagStart) {
                    frame.atLineStart = true
                    frame.leading = storeLeadingWhitespace(whitespaceStart, tagStart)
                }
                let standalone = standaloneLine(tagStart: tagStart, end: end)
                frame.standalone = standalone != nil
                frame.node = emitNode(
                    .block(block: block, indentation: .empty, end: 0), tagStart: tagStart, end: end,
                    standalone: standalone)
                frames.append(frame)
            }

        default:  // a variable: `{{x}}`, `{{& x}}`, `{{{x}}}`
            try refuseAtParentTopLevel(tagStart)
            let value = try valueReference(name, at: tagStart)
            tags.append(tag)
            emitNode(.variable(value: value, escaped: kind == 0), tagStart: tagStart, end: end, standalone: nil)
        }
    }

    /// `{{/name}}`: closes the innermost frame, which must have that name.
    private mutating func close(
        _ name: String, tag: TemplateTag, tagStart: Int, end: Int
    ) throws(TemplateSyntaxError) {
        guard let frame = frames.last else {
            throw error(
                "\(delimited("/" + name)) closes a section that was never opened", at: tagStart,
                hint: "remove it, or open the section before it with \(delimited("#" + name))")
        }
        guard frame.name == name else {
            throw error(
                "\(delimited("/" + name)) does not match the section '\(frame.name)' it closes", at: tagStart,
                hint: "close sections in the reverse order they were opened: "
                    + delimited(frame.sigil + frame.name) + delimited("#" + name) + "..."
                    + delimited("/" + name) + delimited("/" + frame.name))
        }
        // The text before the closing tag is the end of the body (ignored in a parent).
        let nextLine: Int?
        if frame.kind == .parent {
            emitText(upTo: tagStart)
            // A parent stands alone when its opening tag begins its line and its closing tag
            // ends one, whatever lies between.
            nextLine = frame.atLineStart ? lineEnd(after: end) : nil
        } else if let line = standaloneLine(tagStart: tagStart, end: end) {
            emitText(upTo: line.whitespaceStart)
            nextLine = line.nextLine
        } else {
            emitText(upTo: tagStart)
            nextLine = nil
        }
        frames.removeLast()
        var tag = tag
        tag.sectionDepth = sectionDepth
        tags.append(tag)
        let bodyEnd = Int32(nodes.count)
        position = nextLine ?? end
        if nextLine != nil {
            lineHasOutput = false
        } else if frame.kind == .parent {
            lineHasOutput = true
        }
        openText = nil

        switch (frame.kind, nodes[frame.node].kind) {
        case (.parent, .parent(let target, _, _, _)):
            nodes[frame.node].kind = .parent(
                target, indentation: frame.leading, standalone: nextLine != nil, end: bodyEnd)
        case (.override, .override(let block, _)):
            nodes[frame.node].kind = .override(block: block, end: bodyEnd)
            dedent = frame.outerDedent
        case (.block, .block(let block, _, _)):
            nodes[frame.node].kind = .block(
                block: block, indentation: blockIndentation(frame, bodyEnd: Int(bodyEnd)), end: bodyEnd)
        case (.section, .section(let value, _)):
            nodes[frame.node].kind = .section(value: value, end: bodyEnd)
        case (.inverted, .inverted(let value, _)):
            nodes[frame.node].kind = .inverted(value: value, end: bodyEnd)
        default:
            preconditionFailure("a frame's node is of its kind")
        }
    }

    /// How much an override replacing this block is indented: a block alone on its line is
    /// indented as its default content's first line is ("intrinsic indentation"), or as its
    /// tag when it has none; a block inline is indented as its tag when only white space
    /// comes before it.
    private func blockIndentation(_ frame: Frame, bodyEnd: Int) -> TextRange {
        guard frame.standalone, frame.node + 1 < bodyEnd else { return frame.leading }
        let first = nodes[frame.node + 1]
        guard first.startsLine, case .text(let range) = first.kind else { return .empty }
        var count: Int32 = 0
        while count < range.count, isBlank(bytes[Int(range.start + count)]) { count += 1 }
        return TextRange(start: range.start, count: count)
    }

    private func refuseAtParentTopLevel(_ tagStart: Int) throws(TemplateSyntaxError) {
        guard atParentTopLevel, let parent = frames.last else { return }
        throw error(
            "only blocks ({{$name}}...{{/name}}) can go directly inside the parent '\(parent.name)'", at: tagStart,
            hint: "a parent's blocks replace the blocks of the same name in the template it includes; "
                + "put other tags inside a block")
    }

    // MARK: - Standalone lines

    /// The white space and line break of a line that holds only this tag, to be dropped.
    private struct StandaloneLine {
        /// Where the line's white space before the tag begins.
        var whitespaceStart: Int
        /// Where the next line begins (or the end of the text).
        var nextLine: Int
    }

    private func standaloneLine(tagStart: Int, end: Int) -> StandaloneLine? {
        guard let whitespaceStart = lineStart(before: tagStart), let next = lineEnd(after: end) else { return nil }
        return StandaloneLine(whitespaceStart: whitespaceStart, nextLine: next)
    }

    /// For a tag that renders nothing (a comment, a set-delimiter tag, a closing tag): drops
    /// its line when it stands alone, else just the tag.
    private mutating func skipStandaloneOrInline(tagStart: Int, end: Int) {
        if let line = standaloneLine(tagStart: tagStart, end: end) {
            emitText(upTo: line.whitespaceStart)
            position = line.nextLine
            lineHasOutput = false
        } else {
            emitText(upTo: tagStart)
            position = end
        }
    }

    /// Where the white space before `offset` begins, when only white space comes between the
    /// start of its line and it.
    private func lineStart(before offset: Int) -> Int? {
        var start = offset
        while start > 0, isBlank(source[start - 1]) { start -= 1 }
        return start == 0 || source[start - 1] == 0x0A ? start : nil
    }

    /// Where the next line begins, when only white space follows `offset` on its line (the
    /// end of the text counts as the end of a line; so do `\n` and `\r\n`).
    private func lineEnd(after offset: Int) -> Int? {
        var end = offset
        while end < source.count, isBlank(source[end]) { end += 1 }
        if end == source.count { return end }
        if source[end] == 0x0A { return end + 1 }
        if source[end] == 0x0D, end + 1 < source.count, source[end + 1] == 0x0A { return end + 2 }
        return nil
    }

    private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    // MARK: - Nodes and text

    /// Appends a node for a tag that renders (a section, a partial, a variable...) with the
    /// text before it; a standalone tag's line goes, else the tag's text.
    @discardableResult
    private mutating func emitNode(
        _ kind: Node.Kind, tagStart: Int, end: Int, standalone: StandaloneLine?
    ) -> Int {
        emitText(upTo: standalone?.whitespaceStart ?? tagStart)
        let index = appendNode(kind)
        position = standalone?.nextLine ?? end
        lineHasOutput = standalone == nil
        return index
    }

    private mutating func appendNode(_ kind: Node.Kind) -> Int {
        nodes.append(Node(kind: kind, startsLine: !lineHasOutput))
        openText = nil
        return nodes.count - 1
    }

    /// Appends the template's text from `position` to `end` (nothing directly inside a
    /// parent, whose text is ignored), taking an override's dedent off each line.
    private mutating func emitText(upTo end: Int) {
        defer { position = max(position, end) }
        guard position < end, !atParentTopLevel else { return }
        guard let dedent else {
            appendText(position..<end)
            return
        }
        var start = position
        while start < end {
            if start == 0 || source[start - 1] == 0x0A {
                var matched = 0
                while start + matched < end, matched < dedent.count,
                    source[start + matched] == source[dedent.lowerBound + matched]
                {
                    matched += 1
                }
                start += matched
            }
            var lineEnd = start
            while lineEnd < end, source[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd < end { lineEnd += 1 }
            appendText(start..<lineEnd)
            start = lineEnd
        }
    }

    private mutating func appendText(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let openText, case .text(let text) = nodes[openText].kind, Int(text.start + text.count) == bytes.count {
            nodes[openText].kind = .text(TextRange(start: text.start, count: text.count + Int32(range.count)))
        } else {
            nodes.append(
                Node(kind: .text(TextRange(start: Int32(bytes.count), count: Int32(range.count))), startsLine: !lineHasOutput))
            openText = nodes.count - 1
        }
        bytes.append(contentsOf: source[range])
        lineHasOutput = source[range.upperBound - 1] != 0x0A
    }

    /// Keeps the white space from `start` to `end` (less any dedent) for an indentation.
    private mutating func storeLeadingWhitespace(_ start: Int, _ end: Int) -> TextRange {
        var start = start
        if let dedent {
            var matched = 0
            while start + matched < end, matched < dedent.count,
                source[start + matched] == source[dedent.lowerBound + matched]
            {
                matched += 1
            }
            start += matched
        }
        guard start < end else { return .empty }
        let range = TextRange(start: Int32(bytes.count), count: Int32(end - start))
        bytes.append(contentsOf: source[start..<end])
        return range
    }

    // MARK: - Names

    /// `name`, `a.b.c`, `.`, `.a`, or transforms around one: `count(terms)`, `first()`.
    private mutating func valueReference(_ text: String, at tagStart: Int) throws(TemplateSyntaxError) -> Int32 {
        guard !text.isEmpty else {
            throw error("this tag has no name", at: tagStart, hint: "write the name between the delimiters: {{title}}")
        }
        guard text.utf8.allSatisfy(Self.isNameByte) else {
            throw error(
                "'\(text)' is not a name: names are letters, digits and . _ - ? *", at: tagStart,
                hint: "a tag holds one name, like {{title}} or {{article.title}}, or a transform of one: {{uppercased(title)}}")
        }
        var transformNames: [Substring] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            transformNames.append(rest[..<open])
            rest = rest[rest.index(after: open)...]
        }
        let name = rest.prefix { $0 != ")" }
        let closing = rest.dropFirst(name.count)
        guard closing.count == transformNames.count, closing.allSatisfy({ $0 == ")" }),
            !transformNames.contains(where: { $0.isEmpty || $0.contains(")") })
        else {
            throw error(
                "'\(text)' is not a name: its parentheses do not pair up", at: tagStart,
                hint: "a transform wraps a name, as in {{count(terms)}}, {{uppercased(title)}} or {{first()}}")
        }
        var reference = ValueReference(
            base: .current, keyStart: Int32(keys.count), keyCount: 0, transformStart: Int32(transforms.count),
            transformCount: Int32(transformNames.count))
        // `a(b(x))` applies `b`, then `a`.
        for transformName in transformNames.reversed() {
            guard let transform = TemplateTransform(rawValue: String(transformName)) else {
                throw error(
                    "'\(transformName)' is not a transform", at: tagStart,
                    hint: "the transforms are \(TemplateTransform.names)")
            }
            transforms.append(transform)
        }

        if name.isEmpty {
            guard !transformNames.isEmpty else {
                throw error("this tag has no name", at: tagStart, hint: "write the name between the delimiters: {{title}}")
            }
            reference.base = .listPosition
        } else {
            let path = name.split(separator: ".").map { TemplateKey(String($0)) }
            if !path.isEmpty {
                reference.base = name.first == "." ? .pathFromTop : .path
                reference.keyCount = Int32(path.count)
                keys.append(contentsOf: path)
            }
        }
        values.append(reference)
        return Int32(values.count - 1)
    }

    /// `{{> name}}` or `{{>* name}}` (the name of the partial is then looked up).
    private mutating func partialTarget(
        _ text: String, at tagStart: Int
    ) throws(TemplateSyntaxError) -> (PartialTarget, written: String) {
        if text.first == "*" {
            let name = String(text.dropFirst()).trimmingBlanks()
            let value = try valueReference(name, at: tagStart)
            guard values[Int(value)].transformCount == 0 else {
                throw error(
                    "a dynamic partial's name cannot have transforms", at: tagStart,
                    hint: "name the field that holds the partial's name: {{>*kind}}")
            }
            return (.dynamic(value), "*" + name)
        }
        guard !text.isEmpty else {
            throw error("this partial tag has no name", at: tagStart, hint: "name the partial: {{> article-card}}")
        }
        guard text.utf8.allSatisfy({ Self.isNameByte($0) || $0 == UInt8(ascii: "/") }) else {
            throw error(
                "'\(text)' is not a partial's name: names are letters, digits and . _ - ? * /", at: tagStart,
                hint: "name the partial as its file is named, without .mustache: {{> article-card}}")
        }
        if let index = partialNames.firstIndex(of: text) { return (.named(Int32(index)), text) }
        partialNames.append(text)
        return (.named(Int32(partialNames.count - 1)), text)
    }

    private mutating func blockIndex(_ text: String, at tagStart: Int) throws(TemplateSyntaxError) -> Int32 {
        guard !text.isEmpty, text.utf8.allSatisfy(Self.isNameByte), !text.contains("("), !text.contains(")") else {
            throw error(
                text.isEmpty ? "this block has no name" : "'\(text)' is not a block's name", at: tagStart,
                hint: "a block is named with letters, digits and . _ - ? *, without transforms: {{$title}}")
        }
        if let index = blockNames.firstIndex(of: text) { return Int32(index) }
        blockNames.append(text)
        return Int32(blockNames.count - 1)
    }

    /// The characters swift-mustache allows in names, so a template it parses parses here.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"),
            UInt8(ascii: "("), UInt8(ascii: ")"):
            true
        default:
            false
        }
    }

    // MARK: - Helpers

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start + needle.count <= source.count else { return nil }
        var index = start
        let last = source.count - needle.count
        while index <= last {
            if source[index] == first {
                var matched = 1
                while matched < needle.count, source[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// The text from `start` to `end` without white space (and line breaks) around it.
    private func trimmed(_ start: Int, _ end: Int) -> String {
        var start = start
        var end = end
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while start < end, isSpace(source[start]) { start += 1 }
        while end > start, isSpace(source[end - 1]) { end -= 1 }
        return String(decoding: source[start..<end], as: UTF8.self)
    }

    /// `text` between the current delimiters: `{{/name}}`.
    private func delimited(_ text: String) -> String {
        String(decoding: openDelimiter, as: UTF8.self) + text + String(decoding: closeDelimiter, as: UTF8.self)
    }

    private func malformedDelimiters(at offset: Int) -> TemplateSyntaxError {
        error(
            "this set-delimiter tag is malformed", at: offset,
            hint: "write the two new delimiters between '=' signs, separated by a space: {{=<% %>=}}")
    }

    private func error(_ message: String, at offset: Int, hint: String?) -> TemplateSyntaxError {
        var locator = Locator()
        let (line, column) = locator.locate(offset, in: source)
        return TemplateSyntaxError(message: message, line: line, column: column, hint: hint)
    }
}

/// Line and column (from 1, in Unicode scalars) of byte offsets, found by counting from the
/// last offset asked about, so asking in order reads the text once.
private struct Locator {
    var offset = 0
    var line = 1
    var column = 1

    mutating func locate(_ target: Int, in source: [UInt8]) -> (line: Int, column: Int) {
        if target < offset { self = Locator() }
        while offset < target {
            let byte = source[offset]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // not a continuation byte: a new scalar
                column += 1
            }
            offset += 1
        }
        return (line, column)
    }
}

extension String {
    fileprivate func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
