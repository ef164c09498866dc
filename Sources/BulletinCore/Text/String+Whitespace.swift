// Front matter reads every value through here: a text whose ends are ASCII above the space
// (none of them white space) is returned whole, without looking at its scalars.

extension Substring {
    /// Without spaces, tabs and line ends at both ends (Unicode's White_Space).
    package var trimmingWhitespace: String {
        if let first = utf8.first, let last = utf8.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        // Sliced as scalars: a String's own subscript would round to a character's start.
        return String(scalars[first...last])
    }
}

extension String {
    /// Without spaces, tabs and line ends at both ends (Unicode's White_Space).
    package var trimmingWhitespace: String {
        if let first = utf8.first, let last = utf8.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) {
            return self
        }
        return self[...].trimmingWhitespace
    }
}

extension String {
    /// Whether nothing of the text would be seen or read aloud: only white space, control
    /// characters (which pages leave out) and invisible format characters (a zero-width
    /// space). A title or name like that makes a link with no text.
    package var isVisiblyEmpty: Bool {
        if let first = utf8.first, (0x21..<0x7F).contains(first) { return false }
        return unicodeScalars.allSatisfy { scalar in
            scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format
        }
    }
}
