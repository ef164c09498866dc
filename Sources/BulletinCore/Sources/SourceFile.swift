/// One input file read into memory.
public struct SourceFile: Sendable, Hashable {
    /// The path under its root folder, `/`-separated (`articles/2025/x.md`).
    public var path: String
    /// The path as the user named it (`Content/articles/2025/x.md`), for diagnostics.
    public var displayPath: String
    public var bytes: [UInt8]

    public init(path: String, displayPath: String, bytes: [UInt8]) {
        self.path = path
        self.displayPath = displayPath
        self.bytes = bytes
    }
}

/// A file that is copied unchanged into the output (`Content/static/**`, `Templates/assets/**`).
public struct StaticFile: Sendable, Hashable {
    /// The path under `static/` or `assets/`.
    public var path: String
    public var displayPath: String
    public var contents: FileContents

    public init(path: String, displayPath: String, contents: FileContents) {
        self.path = path
        self.displayPath = displayPath
        self.contents = contents
    }
}

/// The bytes of a copied file: in memory, or still on disk (copied when the output is written,
/// so that large images are never held in memory).
public enum FileContents: Sendable, Hashable {
    case bytes([UInt8])
    case file(absolutePath: String)

    public static func == (a: FileContents, b: FileContents) -> Bool {
        switch (a, b) {
        case (.bytes(let a), .bytes(let b)): a.hasSameBytes(as: b)
        case (.file(let a), .file(let b)): a == b
        default: false
        }
    }
}
