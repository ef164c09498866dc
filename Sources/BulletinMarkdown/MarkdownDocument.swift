public import BulletinCore

/// A Markdown body rendered to HTML, with what the rest of the build needs to know about it.
public struct MarkdownDocument: Sendable {
    /// The body as HTML, in UTF-8: raw HTML dropped and unsafe URLs removed (libcmark's safe
    /// default), headings with ids, links to `.md` files rewritten to their pages. Kept as
    /// libcmark's bytes to the page and the feeds: as a String, every byte of every body
    /// would be checked for being UTF-8 once more. (A build from scratch hands the articles'
    /// to its render, `RenderedBodies.takeArticleHTML`, which lets go of each once its page is
    /// written.)
    public package(set) var htmlUTF8: [UInt8]
    /// The same as a String (a page's or a registry entry's body, and tests).
    public var html: String { String(decoding: htmlUTF8, as: UTF8.self) }
    /// The first paragraph as plain text, for the default summary.
    public let firstParagraph: String?
    /// Every heading, in order.
    public let headings: [Heading]
    /// Every link and image, in order, with its target as written.
    public let links: [Link]
    /// The raw HTML that cmark's safe mode leaves out, where it was written.
    public let rawHTML: [RawHTML]
    /// The distinct words of all the text, for search. (A build from scratch hands them to
    /// its search index, `RenderedBodies.takeSearchWords`, which lets go of them once read.)
    public package(set) var searchWords: SearchWords

    public struct Position: Sendable, Hashable {
        public let line: Int
        public let column: Int
    }

    public struct RawHTML: Sendable, Hashable {
        public let position: Position
        /// The HTML as written (a block or an inline tag).
        public let text: String
    }

    public struct Heading: Sendable, Hashable {
        public let level: Int
        public let text: String
        /// The `id` attribute: the heading's text through the slug rule, `-1`, `-2`... for repeats.
        public let id: String
    }

    public struct Link: Sendable, Hashable {
        public let destination: String
        public let isImage: Bool
        /// The link's text, or an image's alt text.
        public let text: String
        /// The file's line and column (Unicode scalars) where the link starts.
        public let line: Int
        public let column: Int
    }
}

/// What to do with a link's destination.
public enum LinkTarget: Sendable, Equatable {
    case unchanged
    case rewritten(String)
    /// Keep the link's text, drop the link (its target is not published yet).
    case unlink
}
