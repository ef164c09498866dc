import BulletinOutput
import BulletinCore
import BulletinContent
import BulletinRender
import BulletinBuild
import Foundation
import Testing

/// The package's root folder, found from this file.
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

/// A whole site as an inline file tree, as Hugo's integration tests and Publish write them:
/// `["Content/site.yaml": "...", "Content/articles/a.md": "---\n..."]`, over the repository's
/// default theme (a `Templates/...` entry replaces the theme's file).
struct TestSite {
    var files: [String: String]

    /// A small valid site: site.yaml, two articles, an agency registry and a dialogue.
    static func standard() -> TestSite {
        TestSite(files: [
            "Content/site.yaml": """
                title: Test Bulletin
                baseURL: https://bulletin.test/
                description: A site for tests.
                perPage: 2

                """,
            "Content/articles/first.md": """
                ---
                title: First meeting
                date: 2024-03-01
                dialogue: Test Dialogue
                session: 1
                agencies: [KISA]
                threats: [ransomware]
                ---

                The first paragraph of the first meeting.

                """,
            "Content/articles/second.md": """
                ---
                title: Second meeting
                date: 2024-04-01
                dialogue: test-dialogue
                session: 2
                agencies: [kisa, EEAS]
                ---

                The second meeting followed [the first](first.md).

                """,
            "Content/agencies/kisa.md": """
                ---
                name: Korea Internet & Security Agency
                short: KISA
                names:
                  ko: 한국인터넷진흥원
                ---

                Korea's internet agency.

                """,
            "Content/agencies/eeas.md": """
                ---
                name: European External Action Service
                short: EEAS
                ---

                The EU's diplomatic service.

                """,
            "Content/dialogues/test-dialogue.md": """
                ---
                name: Test Dialogue
                ---

                A dialogue series for tests.

                """,
        ])
    }

    subscript(path: String) -> String? {
        get { files[path] }
        set { files[path] = newValue }
    }

    /// The files over the default theme.
    var allFiles: [String: String] {
        TestSite.defaultTheme.merging(files) { $1 }
    }

    func tree() -> SourceTree {
        SourceTree(files: allFiles)
    }

    /// Builds in memory.
    func build(
        drafts: Bool = false, future: Bool = false, strict: Bool = false, baseURL: String? = nil,
        now: Int64 = TestSite.now
    ) -> BuildResult {
        Builder.build(tree(), options: BuildOptions(
            baseURL: baseURL.flatMap(BaseURL.init), drafts: drafts, future: future, strict: strict, now: now))
    }

    /// Writes the files over the default theme under `folder`.
    func write(to folder: String) throws {
        try Self.write(allFiles, to: folder)
    }

    /// Writes exactly `files` under `folder`.
    static func write(_ files: [String: String], to folder: String) throws {
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// 2026-11-29T00:00:00Z: a fixed "now" so that tests do not depend on the clock.
    static let now: Int64 = 1_795_910_400

    /// The repository's Templates/, as inline files.
    static let defaultTheme: [String: String] = {
        var result: [String: String] = [:]
        let root = packageRoot + "/Templates"
        let enumerator = FileManager.default.enumerator(atPath: root)!
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                result["Templates/" + path] = try! String(contentsOfFile: root + "/" + path, encoding: .utf8)
            }
        }
        return result
    }()
}

extension BuildResult {
    /// The output file at `path` as text.
    func text(_ path: String) -> String? {
        guard let file = output?[path], case .bytes(let bytes) = file.contents else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    var paths: [String] { output?.files.map(\.path) ?? [] }
}

/// A temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Every file under `folder` (relative path -> bytes), to compare folders exactly.
    static func snapshot(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        while let path = enumerator.nextObject() as? String {
            let full = folder + "/" + path
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            result[path] = isDirectory.boolValue ? Data("<folder>".utf8) : FileManager.default.contents(atPath: full)
        }
        return result
    }
}
