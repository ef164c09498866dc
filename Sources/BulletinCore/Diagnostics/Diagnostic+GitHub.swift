// MARK: - GitHub Actions workflow commands

extension Diagnostic {
    /// The diagnostic as a GitHub Actions workflow command, which GitHub shows as an
    /// annotation on the pull request's diff:
    ///
    ///     ::error file=Content/articles/x.md,line=3,col=7,title=BUL009 invalid date::'date' is not...
    ///
    /// Property values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF
    /// (GitHub's rules), so a hint goes on a second line of the annotation.
    public func githubCommand() -> String {
        let command = switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        // A workflow log is shown as a terminal shows it (colour codes work there): nothing
        // from the input may carry an escape sequence into it.
        var properties = ["file=" + Self.escapeProperty(TerminalText.visible(location.file))]
        if let line = location.line {
            properties.append("line=\(line)")
            if let column = location.column { properties.append("col=\(column)") }
        }
        properties.append("title=" + Self.escapeProperty("\(code.rawValue) \(code.title)"))
        var message = TerminalText.visible(self.message, keepsLineBreaks: true)
        if let hint { message += "\nhint: " + TerminalText.visible(hint, keepsLineBreaks: true) }
        return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))"
    }

    package static func escapeData(_ text: String) -> String {
        text.replacingEvery(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    package static func escapeProperty(_ text: String) -> String {
        text.replacingEvery(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// Every character that is a key of `replacements`, replaced (in one pass, so that
    /// replacements are never replaced again).
    package func replacingEvery(_ replacements: [Character: String]) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if let replacement = replacements[character] { result += replacement } else { result.append(character) }
        }
        return result
    }
}
