/// One file of the output.
public struct OutputFile: Sendable, Hashable {
    /// The path under the output folder (`articles/x/index.html`).
    public var path: String
    public var contents: FileContents

    public init(path: String, contents: FileContents) {
        self.path = path
        self.contents = contents
    }

    /// The file in which a build lists what it wrote (`OutputManifest`): a path of the output
    /// that no page or copied file may take.
    public static let manifestPath = ".bulletin-manifest.json"
}
