
/// An article's reference to a term, as the editor wrote it.
public struct TermReference: Sendable, Hashable {
    public var text: String
    /// Where it is written; diagnostics quote the line from the article's source.
    public var line: Int
    public var column: Int
}
