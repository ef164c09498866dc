package import BulletinCore

/// One entry of a term registry: `Content/<taxonomy>/<id>.md` or `Content/dialogues/<id>.md`.
public struct RegistryEntry: Sendable {
    /// The taxonomy's name, or `dialogues`.
    public var taxonomy: String
    public var path: String
    public var id: String
    public var name: String
    public var short: String?
    public var aliases: [String]
    /// The name in other languages, by language tag.
    public var names: [String: String]
    public var params: [String: ParamValue]
    public var body: Substring
    public var bodyFirstLine: Int
    /// Every text that refers to this term, with where it is written (for conflicts).
    package var claims: [(key: TermKey, location: SourceLocation)]
    package var source: SourceText
    /// The front matter as written: what resolving reads of the file (a body can change
    /// without changing anything but the page it is on).
    package var frontMatter: String

    package static let fixedKeys = ["name", "short", "aliases", "names"]
}
