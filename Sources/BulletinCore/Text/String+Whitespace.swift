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

extension String {
    /// The text of `bytes` (valid UTF-8) with every run of white space made one space and none
    /// at either end, ASCII letters lowercased when `lowercasingASCII`: the
    /// plain text of headings and paragraphs, and the keys of ASCII term references. Written
    /// straight into the String's storage: an array appended to a byte at a time checked its
    /// capacity and uniqueness for every byte. White space is the bytes below 0x40 whose bits
    /// are set in `whiteSpace` (a mask, not a closure: a call per byte cost more than the
    /// loop). The caller makes sure that each white-space byte is a character of its own (no
    /// combining mark after it, no CR LF).
    @inlinable
    package init(collapsingWhiteSpaceIn bytes: UnsafeBufferPointer<UInt8>, whiteSpace: UInt64, lowercasingASCII: Bool = false) {
        self.init(unsafeUninitializedCapacity: bytes.count) { result in
            var count = 0
            var pendingSpace = false
            for byte in bytes {
                if byte < 0x40 && whiteSpace >> byte & 1 != 0 {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        result[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    result[count] = lowercasingASCII && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    count += 1
                }
            }
            return count
        }
    }

    /// Space, tab and line feed, as `init(collapsingWhiteSpaceIn:whiteSpace:)` takes them.
    package static let spaceTabLineFeed: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A
    /// ASCII's White_Space: tab to carriage return, and the space.
    package static let asciiWhiteSpace: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0B | 1 << 0x0C | 1 << 0x0D
}
