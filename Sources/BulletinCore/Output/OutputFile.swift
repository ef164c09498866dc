/// One file of the output.
public struct OutputFile: Sendable, Hashable {
    /// The path under the output folder (`articles/x/index.html`).
    public var path: String
    public var contents: FileContents

    public init(path: String, contents: FileContents) {
        self.path = path
        self.contents = contents
    }
}
