public import BulletinCore

/// Everything a build writes, in memory, before it touches the disk.
public struct OutputTree: Sendable {
    /// Files by path under the output folder, sorted by path.
    public private(set) var files: [OutputFile]

    public init(files: [OutputFile]) {
        self.files = files.sorted { $0.path.codePointPrecedes($1.path) }
    }

    /// The file at `path`, if any.
    public subscript(path: String) -> OutputFile? {
        files.first { $0.path == path }
    }
}
