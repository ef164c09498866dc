public import BulletinCore
import BulletinMarkdown

/// A link to another site, written in Markdown, for `bulletin check --external`.
public struct ExternalLink: Sendable, Hashable {
    /// The URL as written.
    public let url: String
    public let location: SourceLocation
    public let sourceLine: String?

    package init(url: String, location: SourceLocation, sourceLine: String?) {
        self.url = url
        self.location = location
        self.sourceLine = sourceLine
    }
}
