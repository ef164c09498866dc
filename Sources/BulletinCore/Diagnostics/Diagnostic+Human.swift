// MARK: - The human format

extension Diagnostic {
    /// The diagnostic as a compiler prints it:
    ///
    ///     Content/articles/x.md:3:7: error: 'date' must be a date such as 2025-05-20 [BUL009]
    ///     date: soon
    ///           ^
    ///     hint: write the day of publication as YYYY-MM-DD
    ///
    /// Nothing from the input reaches the terminal raw: control characters and direction
    /// overrides in names, lines and messages are shown escaped (`TerminalText`).
    public func formatted() -> String {
        var text = TerminalText.visible(location.file)
        if let line = location.line {
            text += ":\(line)"
            if let column = location.column { text += ":\(column)" }
        }
        // A message is one line (a value it quotes may hold a line break: shown escaped), so
        // that `path:line:column: error: message` can be read line by line; a hint may be several.
        text += ": \(severity.rawValue): \(TerminalText.visible(message)) [\(code.rawValue)]"
        if let sourceLine, let column = location.column {
            let (line, caret) = TerminalText.quoted(sourceLine, column: column)
            text += "\n" + line + "\n" + Self.caretPadding(for: line, column: caret) + "^"
        }
        if let hint {
            text += "\nhint: " + TerminalText.visible(hint, keepsLineBreaks: true)
        }
        return text
    }

    /// Spaces (and tabs, where the line has tabs) that put a caret under `column` in a terminal,
    /// counting East Asian wide characters (Hangul, CJK) as two cells.
    package static func caretPadding(for line: String, column: Int) -> String {
        var padding = ""
        for scalar in line.unicodeScalars.prefix(max(0, column - 1)) {
            if scalar == "\t" {
                padding += "\t"
            } else if scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.generalCategory == .enclosingMark
                || scalar.properties.generalCategory == .format {
                continue
            } else {
                padding += scalar.isWide ? "  " : " "
            }
        }
        return padding
    }
}

extension Unicode.Scalar {
    /// Whether a terminal draws this scalar two cells wide (East Asian Wide and Fullwidth ranges).
    package var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
