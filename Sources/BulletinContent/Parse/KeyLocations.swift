package import BulletinCore

/// Where each front-matter key of a file is written, for messages about a whole key
/// (translations that disagree on it, a translation key given twice).
///
/// The keys in the order written, each looked up by a scan: a file has a dozen, and they are
/// asked for rarely (multilingual sites' checks). A dictionary of them, made for every file,
/// was half a percent of a 10,000-article build.
package struct KeyLocations: Sendable, Equatable {
    private let file: String
    private var keys: [Key]

    private struct Key: Sendable, Equatable {
        let name: String
        let line: Int
        let column: Int
    }

    /// No keys (a file whose text is let go of).
    package static let empty = KeyLocations(file: "", keys: [])

    private init(file: String, keys: [Key]) {
        self.file = file
        self.keys = keys
    }

    /// The keys of `pairs` in `file`; where a key is written twice, its first place.
    package init(_ pairs: [YAMLPair], file: String) {
        self.init(file: file, keys: pairs.map { Key(name: $0.key, line: $0.line, column: $0.column) })
    }

    /// Where `key` is first written, or nil.
    package subscript(key: String) -> SourceLocation? {
        keys.first { $0.name == key }.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    package var isEmpty: Bool { keys.isEmpty }
}
