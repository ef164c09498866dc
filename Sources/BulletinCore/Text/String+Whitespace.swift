extension StringProtocol {
    /// Without spaces, tabs and line ends at both ends (Unicode's White_Space).
    package var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

// The same for the two concrete types every caller has, made quick for the common case: the
// front matter reads every value through here (4.5 % of a whole build went into the generic
// version's copying scalar by scalar). No ASCII character above the space is white space, so
// a text that begins and ends with one is returned whole.

extension String {
    /// Without spaces, tabs and line ends at both ends (Unicode's White_Space).
    package var trimmingWhitespace: String {
        if let first = utf8.first, let last = utf8.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        // Sliced as scalars: a String's own subscript would round to a character's start.
        return String(scalars[first...last])
    }
}

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
