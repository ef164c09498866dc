/// Where a diagnostic points: a file as the user named it, and optionally a line and column.
///
/// Lines and columns count from 1. Columns count Unicode scalars, as libyaml does, so a
/// Hangul syllable is one column.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The path as given on the command line joined with the file's place under it
    /// (`Content/articles/x.md`).
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension SourceLocation: Comparable {
    /// File paths in code-point order, then lines, then columns; a location without a line
    /// comes first in its file.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        // Bytes, not `==`: canonical equivalence is slow, and code-point order needs none.
        if !lhs.file.utf8.elementsEqual(rhs.file.utf8) { return lhs.file.codePointPrecedes(rhs.file) }
        if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}
