/// A text file decoded for parsing: valid UTF-8, without a byte-order mark, with LF line ends.
///
/// It knows its lines, so diagnostics can quote the line they point at.
package struct SourceText: Sendable {
    /// The path as the user named it.
    package let file: String
    package let text: String

    /// The text of line `number` (from 1), without its line end.
    package func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.utf8.startIndex
        if number > 1 {
            for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "\n") {
                current += 1
                if current == number {
                    start = text.utf8.index(after: index)
                    break
                }
            }
            guard current == number else { return nil }
        }
        let end = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.utf8.endIndex
        return String(text[start..<end])
    }

    /// A diagnostic at a line and column of this file, quoting the line.
    package func diagnostic(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String,
        line: Int, column: Int, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            severity, code, message, at: SourceLocation(file: file, line: line, column: column),
            sourceLine: self.line(line), hint: hint)
    }

    // MARK: - Decoding

    /// Decodes a file's bytes; a file that is not UTF-8 is an error at its first bad byte.
    package static func decode(_ file: SourceFile) -> Result<SourceText, Diagnostic> {
        decode(file.bytes, file: file.displayPath)
    }

    package static func decode(_ input: [UInt8], file: String) -> Result<SourceText, Diagnostic> {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(Diagnostic(
                .error, .invalidEncoding, "this file is UTF-16, not UTF-8", at: SourceLocation(file: file, line: 1, column: 1),
                hint: "the file looks like UTF-16: save it as UTF-8 (most editors offer it under Save As or Encoding)"))
        }
        // A NUL byte early on is what git takes for a binary file: an image or a document
        // saved with a text file's name. Its "lines" are not worth quoting.
        if let nul = firstOffset(of: 0, in: bytes, within: 8000) {
            let bad = min(nul, firstInvalidUTF8Offset(bytes) ?? nul)
            let (line, column) = lineAndColumn(ofOffset: bad, in: bytes)
            return .failure(Diagnostic(
                .error, .invalidEncoding, "this file is binary (an image or a document?), not UTF-8 text",
                at: SourceLocation(file: file, line: line, column: column),
                hint: "Bulletin reads text files here; images and other files go in Content/static/, and are linked as /name"))
        }
        // The standard library's check, which it makes anyway when making the String, comes
        // first: our own, which finds where the bad byte is, runs only for a bad file (two
        // checks of every source were 2 % of a build).
        let checked = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
        if checked == nil, let bad = firstInvalidUTF8Offset(bytes) {
            let (line, column) = lineAndColumn(ofOffset: bad, in: bytes)
            let lineText = String(decoding: lineBytes(containing: bad, in: bytes), as: UTF8.self)
            let hint = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
                ? "the file looks like UTF-16: save it as UTF-8"
                : "save the file as UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) is not UTF-8 here)"
            return .failure(Diagnostic(
                .error, .invalidEncoding, "this file is not valid UTF-8",
                at: SourceLocation(file: file, line: line, column: column), sourceLine: lineText, hint: hint))
        }
        guard let checked, firstOffset(of: UInt8(ascii: "\r"), in: bytes) == nil else {
            return .success(SourceText(file: file, text: String(decoding: normalizingLineEnds(bytes), as: UTF8.self)))
        }
        return .success(SourceText(file: file, text: checked))
    }

    /// Where `byte` first is in `bytes` (in their first `limit` bytes).
    private static func firstOffset(of byte: UInt8, in bytes: [UInt8], within limit: Int? = nil) -> Int? {
        bytes.withUnsafeBufferPointer { $0.offset(of: byte, before: limit) }
    }

    /// CR LF made LF (a lone CR stays).
    private static func normalizingLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                index += 1
                continue
            }
            normalized.append(byte)
            index += 1
        }
        return normalized
    }

    /// The offset of the first byte that is not part of a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and values past U+10FFFF are ill-formed).
    package static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    private static func lineAndColumn(ofOffset offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        // Every byte before `offset` is valid UTF-8: count the scalars by their lead bytes.
        let column = bytes[lineStart..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return (line, column)
    }

    private static func lineBytes(containing offset: Int, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        let start = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        var slice = bytes[start..<end]
        if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
        return slice
    }

    package init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}
