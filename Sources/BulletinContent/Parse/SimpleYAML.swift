package import BulletinCore

/// The front matter nearly every file has, read without Yams: one `key: value` per line at
/// the left margin, each value a plain or quoted scalar on its line, a flow list (`[a, "b"]`)
/// on its line, or a block list (`- item` lines) under a key with nothing after its colon.
///
/// It gives exactly what `YAMLReader` makes of the same text through Yams (texts, plainness,
/// lines and columns; `SimpleYAMLTests` compares the two on generated and real documents),
/// and gives up (nil) on anything else, however valid: comments, tabs, escapes other than
/// `\"` and `\\` in double quotes, multi-line scalars, nested mappings, anchors, repeated
/// keys, unusual characters. Yams then reads the document, and says what is wrong where
/// something is. Yams was 6 % of a whole build.
package enum SimpleYAML {
    /// The document's pairs, or nil when it is not of the simple kind.
    package static func mapping(_ yaml: String, firstLine: Int) -> [YAMLPair]? {
        var yaml = yaml
        return yaml.withUTF8 { SimpleYAMLReader(bytes: $0, firstLine: firstLine).mapping() }
    }
}

private struct SimpleYAMLReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let firstLine: Int

    private static let space = UInt8(ascii: " ")
    private static let quote = UInt8(ascii: "\"")
    private static let apostrophe = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")
    /// Up to how many keys a new key is compared with each, not looked up in a set.
    private static let keysScanned = 16

    func mapping() -> [YAMLPair]? {
        // Tabs and carriage returns (white space of YAML's own), and characters libyaml
        // refuses or takes for line breaks (C1 controls, U+FEFF, noncharacters, U+2028/9):
        // all for Yams, with the rest of what `ForbiddenCodePoints` may begin.
        guard !bytes.contains(0x09), !bytes.contains(0x0D), !ForbiddenCodePoints.mayContain(bytes) else { return nil }
        for index in bytes.indices where bytes[index] == 0xE2 {
            if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return nil }
        }
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }

        var pairs: [YAMLPair] = []
        // The keys so far, for duplicates: a scan of `pairs` while there are a few (every
        // front matter: hashing each key cost more), a set past that (a scan made a front
        // matter of 200,000 keys take a minute before the size limit could stop it).
        var keys: Set<String> = []
        var textLength = 0
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isEmpty {
                index += 1
                continue
            }
            // The key: a name at the left margin, then a colon.
            guard isNameStart(bytes[line.lowerBound]) else { return nil }
            var colon = line.lowerBound + 1
            while colon < line.upperBound, isNameByte(bytes[colon]) { colon += 1 }
            guard colon < line.upperBound, bytes[colon] == UInt8(ascii: ":") else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[line.lowerBound..<colon]), as: UTF8.self)
            if pairs.count < Self.keysScanned {
                guard !pairs.contains(where: { $0.key == key }) else { return nil }
            } else {
                if keys.isEmpty { keys = Set(pairs.map(\.key)) }
                guard keys.insert(key).inserted else { return nil }
            }
            let lineNumber = firstLine + index
            let value: YAMLValue
            if colon + 1 == line.upperBound {
                // Nothing after the colon: a block list on the next lines, or nothing at all
                // (placed, as libyaml places it, just after the colon).
                var next = index + 1
                while next < lines.count, lines[next].isEmpty { next += 1 }
                if next < lines.count, let (list, end) = blockList(lines, from: next) {
                    value = list
                    index = end
                } else if next < lines.count, !isNameStart(bytes[lines[next].lowerBound]) {
                    return nil
                } else {
                    value = YAMLValue(kind: .scalar("", plain: true), line: lineNumber, column: colon - line.lowerBound + 2)
                    index += 1
                }
            } else {
                guard bytes[colon + 1] == Self.space, colon + 2 < line.upperBound, bytes[colon + 2] != Self.space,
                      let found = scalarOrFlowList((colon + 2)..<line.upperBound, line: lineNumber, from: (line.lowerBound, 1))
                else { return nil }
                value = found
                index += 1
            }
            textLength += value.textLength
            pairs.append(YAMLPair(key: key, line: lineNumber, column: 1, value: value))
            if pairs.count > YAMLReader.maximumValues { return nil }
        }
        // A document anywhere near the size budget is Yams' to judge, as every other.
        guard !pairs.isEmpty, 1 + pairs.count + pairs.reduce(0, { $0 + $1.value.valueCount }) <= YAMLReader.maximumValues / 2,
              textLength <= YAMLReader.maximumTextLength / 2
        else { return nil }
        return pairs
    }

    /// `- item` lines from `first`, all indented alike; the list and the index of the line
    /// after it. Nil when a line there is anything else than an item, a blank line or a key.
    private func blockList(_ lines: [Range<Int>], from first: Int) -> (YAMLValue, Int)? {
        let indentation = lines[first].prefix { bytes[$0] == Self.space }.count
        var items: [YAMLValue] = []
        var index = first
        while index < lines.count {
            let line = lines[index]
            if line.isEmpty {
                index += 1
                continue
            }
            let spaces = line.prefix { bytes[$0] == Self.space }.count
            if spaces == 0, isNameStart(bytes[line.lowerBound]) { break }
            let dash = line.lowerBound + spaces
            guard spaces == indentation, dash + 2 < line.upperBound, bytes[dash] == UInt8(ascii: "-"),
                  bytes[dash + 1] == Self.space, bytes[dash + 2] != Self.space,
                  let item = scalar((dash + 2)..<line.upperBound, line: firstLine + index, from: (line.lowerBound, 1), inFlow: false)
            else { return nil }
            items.append(item)
            index += 1
        }
        guard !items.isEmpty else { return nil }
        return (YAMLValue(kind: .sequence(items), line: firstLine + first, column: indentation + 1), index)
    }

    /// `known` is a position of the line at or before `range` with its column (the line's
    /// start, column 1): columns are counted on from there.
    private func scalarOrFlowList(_ range: Range<Int>, line: Int, from known: (index: Int, column: Int)) -> YAMLValue? {
        guard bytes[range.lowerBound] == UInt8(ascii: "[") else { return scalar(range, line: line, from: known, inFlow: false) }
        // `[a, "b", 'c']`, all on this line.
        guard bytes[range.upperBound - 1] == UInt8(ascii: "]") else { return nil }
        // Each item's column counted on from the last one's: a long list on one line would
        // otherwise be read in quadratic time.
        var known = (index: range.lowerBound, column: column(of: range.lowerBound, from: known))
        let list = YAMLValue(kind: .sequence([]), line: line, column: known.column)
        let inside = (range.lowerBound + 1)..<(range.upperBound - 1)
        if inside.isEmpty { return list }
        var items: [YAMLValue] = []
        var position = inside.lowerBound
        while true {
            while position < inside.upperBound, bytes[position] == Self.space { position += 1 }
            guard position < inside.upperBound else { return nil }  // an empty item, or a comma last
            // The item runs to the next comma outside quotes.
            var end = position
            if bytes[position] == Self.quote || bytes[position] == Self.apostrophe {
                let mark = bytes[position]
                end = position + 1
                while end < inside.upperBound, bytes[end] != mark { end += 1 }
                guard end < inside.upperBound else { return nil }
                end += 1
            } else {
                while end < inside.upperBound, bytes[end] != UInt8(ascii: ",") { end += 1 }
            }
            var last = end
            while last > position, bytes[last - 1] == Self.space { last -= 1 }
            known = (position, column(of: position, from: known))
            guard let item = scalar(position..<last, line: line, from: known, inFlow: true) else { return nil }
            items.append(item)
            // More than any front matter has: Yams reads it, under the size limit's budget.
            if items.count > YAMLReader.maximumValues { return nil }
            position = end
            while position < inside.upperBound, bytes[position] == Self.space { position += 1 }
            if position == inside.upperBound { break }
            guard bytes[position] == UInt8(ascii: ",") else { return nil }
            position += 1
        }
        return YAMLValue(kind: .sequence(items), line: list.line, column: list.column)
    }

    /// A quoted scalar (in double quotes outside a flow list, with no escapes but `\"` and
    /// `\\`), or a plain one that cannot be mistaken for anything else, filling `range`.
    private func scalar(_ range: Range<Int>, line: Int, from known: (index: Int, column: Int), inFlow: Bool) -> YAMLValue? {
        guard !range.isEmpty else { return nil }
        let first = bytes[range.lowerBound]
        let last = bytes[range.upperBound - 1]
        let column = column(of: range.lowerBound, from: known)
        if first == Self.quote || first == Self.apostrophe {
            // No quote of its kind inside: the text is what is between the quotes. In double
            // quotes outside a flow list, `\"` and `\\` stand for `"` and `\` (a title that
            // quotes a name: a tenth of the benchmark's articles); any other escape, and any
            // backslash in a flow list (whose items end at the first quote), is Yams' to read.
            guard range.count >= 2, last == first else { return nil }
            let inside = (range.lowerBound + 1)..<(range.upperBound - 1)
            var escaped = false
            var index = inside.lowerBound
            while index < inside.upperBound {
                let byte = bytes[index]
                if byte == first { return nil }
                if first == Self.quote, byte == Self.backslash {
                    guard !inFlow, index + 1 < inside.upperBound, bytes[index + 1] == Self.quote || bytes[index + 1] == Self.backslash
                    else { return nil }
                    escaped = true
                    index += 1
                }
                index += 1
            }
            return YAMLValue(kind: .scalar(escaped ? unescaped(inside) : text(inside), plain: false), line: line, column: column)
        }
        guard isPlainStart(first), last != Self.space else { return nil }
        for index in range {
            switch bytes[index] {
            case UInt8(ascii: "#"): return nil
            case UInt8(ascii: ":"):
                // `a: b` inside would be a mapping; `12:30` is text.
                if inFlow || index + 1 == range.upperBound || bytes[index + 1] == Self.space { return nil }
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                if inFlow { return nil }
            default: break
            }
        }
        return YAMLValue(kind: .scalar(text(range), plain: true), line: line, column: column)
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The text of a double-quoted scalar's inside whose escapes are all `\"` or `\\`: each
    /// backslash stands for the byte after it.
    private func unescaped(_ range: Range<Int>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == Self.backslash { index += 1 }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The column of byte `index`, counted in code points from 1 as libyaml does, counted on
    /// from a position whose column is known.
    private func column(of index: Int, from known: (index: Int, column: Int)) -> Int {
        var column = known.column
        for position in known.index..<index where bytes[position] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    private func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_")
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || byte == UInt8(ascii: "-")
    }

    /// What a plain scalar may begin with here: letters, digits, any other script, and a few
    /// signs that are no YAML indicator.
    private func isPlainStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "$"), UInt8(ascii: "~"),
             UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ";"), UInt8(ascii: "^"), UInt8(ascii: "\\"), 0x80...:
            true
        default:
            isNameStart(byte)
        }
    }
}

private extension YAMLValue {
    /// The values inside this one (for the size budget).
    var valueCount: Int {
        if case .sequence(let items) = kind { return items.count }
        return 0
    }

    var textLength: Int {
        switch kind {
        case .scalar(let text, _): text.utf8.count
        case .sequence(let items): items.reduce(0) { $0 + $1.textLength }
        case .mapping: 0
        }
    }
}
