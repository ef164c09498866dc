/// One file of the output.
public struct OutputFile: Sendable, Hashable {
    /// The path under the output folder (`articles/x/index.html`).
    public var path: String
    public var contents: FileContents

    public init(path: String, contents: FileContents) {
        self.path = path
        self.contents = contents
    }

    /// A file made as text (the sitemap, open data, the search index): its UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, contents: .bytes(Array(text.utf8)))
    }

    /// The file in which a build lists what it wrote (`OutputManifest`): a path of the output
    /// that no page or copied file may take.
    public static let manifestPath = ".bulletin-manifest.json"
}
