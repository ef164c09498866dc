/// Text from files made safe to print on a terminal: a file name, a quoted line or a
/// message that carries an escape sequence (`ESC ] 0 ; title BEL` retitles the window,
/// `ESC [ 2 J` clears the screen) or a bidirectional override (which reorders what the
/// reader sees) shows it as `\u{1B}`, visibly, instead of obeying it.
package enum TerminalText {
    /// Whether a terminal would act on this scalar instead of drawing it: C0 controls (but
    /// tab, which `keepsTabs` keeps for lining up a caret), DEL, C1 controls, and the
    /// bidirectional embeddings, overrides and isolates.
    package static func isUnsafe(_ scalar: Unicode.Scalar, keepsTabs: Bool, keepsLineBreaks: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09: !keepsTabs
        case 0x0A: !keepsLineBreaks
        case 0x00..<0x20, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `\u{1B}` for one unsafe scalar.
    package static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// The text with every unsafe scalar escaped; the same string when it has none. A
    /// hint keeps its line breaks (`keepsLineBreaks`); a file name or a message does not.
    package static func visible(_ text: String, keepsLineBreaks: Bool = false) -> String {
        let unsafe = { (scalar: Unicode.Scalar) in isUnsafe(scalar, keepsTabs: false, keepsLineBreaks: keepsLineBreaks) }
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if unsafe(scalar) { result += escape(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// The most scalars of a quoted line shown: a binary or minified file has lines of
    /// megabytes, of which the part around the column is what helps.
    package static let lineWindow = 160

    /// A source line as printed, and the column (in scalars of the printed line) that the
    /// caret goes under: unsafe scalars escaped, and a long line cut to a window around
    /// `column` with `…` where it was cut.
    package static func quoted(_ line: String, column: Int) -> (line: String, column: Int) {
        let scalars = Array(line.unicodeScalars)
        let target = max(column, 1) - 1  // the caret's scalar, from 0
        var window = 0..<scalars.count
        if scalars.count > lineWindow {
            let start = max(0, min(target - lineWindow / 2, scalars.count - lineWindow))
            window = start..<min(scalars.count, start + lineWindow)
        }
        var printed = window.lowerBound > 0 ? "…" : ""
        var caret: Int?
        for index in window {
            if index == target { caret = printed.unicodeScalars.count + 1 }
            let scalar = scalars[index]
            if isUnsafe(scalar, keepsTabs: true) { printed += escape(scalar) } else { printed.unicodeScalars.append(scalar) }
        }
        let end = printed.unicodeScalars.count + 1
        if window.upperBound < scalars.count { printed += "…" }
        return (printed, caret ?? end)
    }
}
