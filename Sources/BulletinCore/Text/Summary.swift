/// The default summary: the first paragraph as plain text, at most 300 characters, cut at a
/// word.
package enum Summary {
    package static let maximumLength = 300

    /// `text` shortened to at most `maximumLength` characters (grapheme clusters), cut at
    /// the last space that fits and ended with "…".
    package static func truncate(_ text: String, maximumLength: Int = maximumLength) -> String {
        guard text.count > maximumLength else { return text }
        let room = text.prefix(maximumLength - 1)
        var cut = room.endIndex
        // Cut at the last space, unless the room ends exactly at the end of a word.
        if text[room.endIndex] != " ", let space = room.lastIndex(where: { $0 == " " }) { cut = space }
        var shortened = String(room[..<cut])
        while let last = shortened.last, last == " " || ",;:—–-".contains(last) { shortened.removeLast() }
        return shortened + "…"
    }
}
