import BulletinCore

/// An outcome document of a meeting (`documents:` of an article): a joint statement, a press
/// release, with its title and its address (an absolute http(s) URL or a site path).
public struct OutcomeDocument: Sendable, Hashable {
    public var title: String
    public var url: String
    /// Where `url` is written, for the link check of a site path.
    public var line: Int
    public var column: Int
}
