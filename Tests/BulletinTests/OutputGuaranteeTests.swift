@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinRender
@testable import BulletinOutput
@testable import BulletinBuild
import Foundation
import Testing

/// The contract's guarantees about the output folder.
@Suite struct OutputGuaranteeTests {
    /// Builds the site in `folder` (its Content/ and Templates/) into `output`.
    func build(in folder: String, output: String, drafts: Bool = false) -> BuildResult {
        Builder.run(BuildOptions(
            contentPath: folder + "/Content", templatesPath: folder + "/Templates", outputPath: output, drafts: drafts,
            now: TestSite.now))
    }

    /// A read-only output folder is refused, not swapped for a writable one: root, who may
    /// write anyway, included.
    @Test func aReadOnlyOutputFolderIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        let output = folder.path + "/out"
        #expect(build(in: folder.path, output: output).succeeded)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: output)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: output) }
        let before = TemporaryFolder.snapshot(output)
        let result = build(in: folder.path, output: output)
        #expect(!result.succeeded)
        #expect(result.refusal?.message.contains("is read-only") == true, "\(String(describing: result.refusal))")
        #expect(result.refusal?.hint.contains("chmod u+w") == true)
        #expect(TemporaryFolder.snapshot(output) == before)
        let mode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
        #expect(mode == 0o555)
    }

    @Test func rebuildsAreByteIdentical() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var site = TestSite.standard()
        for index in 0..<40 {
            site["Content/articles/bulk-\(index).md"] = "---\ntitle: Bulk \(index)\ndate: 2024-02-\(10 + index % 15)\nagencies: [KISA, Agency \(index % 7)]\n---\n\nText \(index).\n"
        }
        try site.write(to: folder.path)
        #expect(build(in: folder.path, output: folder.path + "/one").succeeded)
        #expect(build(in: folder.path, output: folder.path + "/two").succeeded)
        let one = TemporaryFolder.snapshot(folder.path + "/one")
        #expect(one.count > 100)
        #expect(one == TemporaryFolder.snapshot(folder.path + "/two"))
    }

    /// The same output and diagnostics whatever the number of threads: one, the machine's,
    /// or more than it has (more, smaller chunks of work).
    @Test func theNumberOfThreadsDoesNotMatter() throws {
        var site = TestSite.standard()
        for index in 0..<60 {
            site["Content/articles/bulk-\(index).md"] = "---\ntitle: Bulk \(index)\ndate: 2024-0\(1 + index % 9)-\(10 + index % 18)\nagencies: [KISA, Agency \(index % 7)]\nthreats: [Threat \(index % 5)]\n---\n\nText \(index) about [the first](first.md) and ransomware.\n\n## Section \(index % 3)\n"
        }
        let tree = site.tree()
        let results = [1, nil, 16].map { workers in
            Builder.build(tree, options: BuildOptions(now: TestSite.now, workers: workers))
        }
        let one = try #require(results[0].output?.files)
        #expect(one.count > 200)
        for result in results.dropFirst() {
            #expect(result.output?.files == one)
            #expect(result.diagnostics == results[0].diagnostics)
        }
    }

    @Test func theOrderOfFilesOnDiskDoesNotMatter() {
        // The same files given in two orders: the tree sorts them.
        let site = TestSite.standard()
        var files = site.tree()
        let first = Builder.build(files, options: BuildOptions(now: TestSite.now))
        files = SourceTree(
            content: files.content.reversed(), contentFolders: files.contentFolders, staticFiles: files.staticFiles.reversed(),
            templates: files.templates.reversed(), assets: files.assets.reversed())
        let second = Builder.build(files, options: BuildOptions(now: TestSite.now))
        #expect(first.output?.files == second.output?.files)
    }

    @Test func nothingStaleRemains() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var site = TestSite.standard()
        site["Content/articles/gone.md"] = "---\ntitle: Soon gone\ndate: 2024-01-01\nagencies: [Vanishing Agency]\n---\n"
        try site.write(to: folder.path)
        let output = folder.path + "/Public"
        #expect(build(in: folder.path, output: output).succeeded)
        #expect(FileManager.default.fileExists(atPath: output + "/articles/gone/index.html"))

        try FileManager.default.removeItem(atPath: folder.path + "/Content/articles/gone.md")
        #expect(build(in: folder.path, output: output).succeeded)
        #expect(!FileManager.default.fileExists(atPath: output + "/articles/gone/index.html"))
        #expect(!FileManager.default.fileExists(atPath: output + "/agencies/vanishing-agency/index.html"))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(siblings == ["Content", "Public", "Templates"], "nothing is left beside the output folder")
    }

    @Test func aSymlinkedOutputFolderIsWrittenThrough() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        try FileManager.default.createDirectory(atPath: folder.path + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Public", withDestinationPath: folder.path + "/real")
        #expect(build(in: folder.path, output: folder.path + "/Public").succeeded)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/Public")
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/real/index.html"))
    }

    @Test func symlinksInsideContentAreFollowed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        try FileManager.default.createDirectory(atPath: folder.path + "/Content/shared", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path + "/Content/static", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/Content/static/style-copy.css", withDestinationPath: folder.path + "/Templates/assets/style.css")
        let result = build(in: folder.path, output: folder.path + "/Public")
        // Templates/ is outside Content/: refused.
        #expect(result.errors.map(\.code) == [.symlinkOutsideRoot])

        try FileManager.default.removeItem(atPath: folder.path + "/Content/static/style-copy.css")
        try Data("<svg/>".utf8).write(to: URL(fileURLWithPath: folder.path + "/Content/shared/logo.svg"))
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/static/logo.svg", withDestinationPath: "../shared/logo.svg")
        let inside = build(in: folder.path, output: folder.path + "/Public")
        #expect(inside.errors.isEmpty)
        #expect(FileManager.default.contents(atPath: folder.path + "/Public/logo.svg") == Data("<svg/>".utf8))
    }

    @Test func aSymlinkLoopIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/articles/loop", withDestinationPath: "..")
        let result = build(in: folder.path, output: folder.path + "/Public")
        #expect(result.errors.contains { $0.message.contains("loop") && $0.location.file.hasSuffix("articles/loop") })
    }

    @Test(arguments: ["", "/Content", "/Content/static/out", "/Templates", "/.."])
    func anOutputFolderThatWouldDestroyAnInputIsRefused(output: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path + "/site")
        let site = folder.path + "/site"
        let options = BuildOptions(
            contentPath: site + "/Content", templatesPath: site + "/Templates", outputPath: site + output, now: 0)
        #expect(options.misuse() != nil)
        let before = TemporaryFolder.snapshot(site)
        #expect(Builder.run(options).errors.map(\.code) == [.outputProblem])
        #expect(TemporaryFolder.snapshot(site) == before)
    }

    /// A killed build's staging and previous folders are deleted by the next build; what
    /// another build still running writes, or what is only named like them, is not touched
    /// (a second build of the same folder deleted the first one's staging folder under it).
    @Test func onlyAKilledBuildsLeftoversBesideTheOutputAreDeleted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        // Above Linux's largest process number (2^22): no process has it.
        let dead = "4194305"
        let running = String(getppid())
        let fileManager = FileManager.default
        let deleted = [".out.bulletin-staging-\(dead)", ".out.bulletin-previous-\(dead)"]
        let kept = [
            ".out.bulletin-staging-\(running)", ".out.bulletin-previous-\(running)", ".out.bulletin-staging-abc",
            ".out.bulletin-staging-", ".out.bulletin-staging-+\(dead)", ".out.bulletin-staging-0\(dead)",
            ".out.bulletin-staging--\(dead)",
            ".other.bulletin-staging-\(dead)",
        ]
        for name in deleted + kept {
            try fileManager.createDirectory(atPath: folder.path + "/" + name, withIntermediateDirectories: false)
            try Data("mine".utf8).write(to: URL(fileURLWithPath: folder.path + "/" + name + "/file.txt"))
        }
        // A file named as a leftover folder is someone's file.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder.path + "/.out.bulletin-previous-4194306"))
        #expect(build(in: folder.path, output: folder.path + "/out").succeeded)
        for name in deleted { #expect(!fileManager.fileExists(atPath: folder.path + "/" + name), "\(name)") }
        for name in kept {
            #expect(fileManager.contents(atPath: folder.path + "/" + name + "/file.txt") == Data("mine".utf8), "\(name)")
        }
        #expect(fileManager.contents(atPath: folder.path + "/.out.bulletin-previous-4194306") == Data("mine".utf8))
        #expect(StagedOutput.isLeftover(".out.bulletin-staging-\(getpid())", of: "out"))
        #expect(!StagedOutput.isLeftover(".out.bulletin-staging-\(running)", of: "out"))
    }

    @Test func theWriterStagesBesideTheOutputAndSwaps() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path + "/out"
        try OutputWriter.write(OutputTree(files: [OutputFile(path: "a/index.html", contents: .bytes(Array("one".utf8)))]), to: output)
        try OutputWriter.write(OutputTree(files: [OutputFile(path: "b.txt", contents: .bytes(Array("two".utf8)))]), to: output)
        var files = TemporaryFolder.snapshot(output)
        #expect(files.removeValue(forKey: OutputManifest.fileName).flatMap { OutputManifest(decoding: Array($0)) }
            == OutputManifest(files: ["b.txt": 3]))
        #expect(files == ["b.txt": Data("two".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    }

    /// The manifest reads back as what was written, whatever the paths hold, in one order:
    /// paths by code point, then the generator and version.
    @Test func theManifestReadsBackAsWritten() throws {
        let files = ["b.txt": 3, "a/index.html": 0, "articles/한국어/index.html": 9120, "q\"uote\\back/x.html": 1, "Z.txt": 2]
        let manifest = OutputManifest(files: files)
        #expect(OutputManifest(decoding: manifest.encoded) == manifest)
        #expect(String(decoding: manifest.encoded, as: UTF8.self) == #"""
            {"files":[["Z.txt",2],["a/index.html",0],["articles/한국어/index.html",9120],["b.txt",3],["q\"uote\\back/x.html",1]],"generator":"Bulletin","version":1}

            """#)
        #expect(String(decoding: OutputManifest(files: [:]).encoded, as: UTF8.self) == "{\"files\":[],\"generator\":\"Bulletin\",\"version\":1}\n")
        #expect(OutputManifest(decoding: OutputManifest(files: [:]).encoded) == OutputManifest(files: [:]))
    }

    /// A manifest as the build writes it is read without a JSON parser; it gives what the JSON
    /// parser gives, every escape the writer uses included, and a manifest written otherwise
    /// (as valid JSON) is still read, while broken ones are not.
    @Test func theManifestsOwnFormatReadsAsJSONDoes() throws {
        let files = [
            "q\"uote\\back/x.html": 1, "line\nfeed\ttab\rreturn": 2, "<script>/a": 3, "para\u{2028}graph\u{2029}": 4,
            "articles/한국어/index.html": 9120, "big": 123_456_789_012, "zero": 0,
        ]
        let encoded = OutputManifest(files: files).encoded
        #expect(OutputManifest.files(inEncoded: encoded) == files)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(encoded)) as? [String: Any])
        let parsed = try #require(object["files"] as? [[Any]])
        #expect(Dictionary(uniqueKeysWithValues: parsed.map { ($0[0] as! String, $0[1] as! Int) }) == files)
        // The same manifest with white space and the keys in another order: JSON, read so.
        let spaced = #"{ "version": 1, "generator": "Bulletin", "files": [ ["a.html", 7], ["b\/c.html", 8] ] }"#
        #expect(OutputManifest.files(inEncoded: Array(spaced.utf8)) == nil)
        #expect(OutputManifest(decoding: Array(spaced.utf8)) == OutputManifest(files: ["a.html": 7, "b/c.html": 8]))
        // Cut short, a size with a leading zero, an escape the writer does not use, a bad byte.
        let broken = [
            #"{"files":[["a.html",7],"generator":"Bulletin","version":1}"# + "\n",
            #"{"files":[["a.html",07]],"generator":"Bulletin","version":1}"# + "\n",
            #"{"files":[["a\x.html",7]],"generator":"Bulletin","version":1}"# + "\n",
            #"{"files":[["a.html",7]]],"generator":"Bulletin","version":1}"# + "\n",
        ]
        for text in broken {
            #expect(OutputManifest.files(inEncoded: Array(text.utf8)) == nil, "\(text)")
            #expect(OutputManifest(decoding: Array(text.utf8)) == nil, "\(text)")
        }
        var invalid = Array(#"{"files":[["a"#.utf8) + [0xFF] + Array(#"",7]],"generator":"Bulletin","version":1}"#.utf8) + [0x0A]
        #expect(OutputManifest.files(inEncoded: invalid) == nil)
        invalid.removeLast()
        #expect(OutputManifest.files(inEncoded: invalid) == nil)
    }

    @Test func aWriteThatFailsLeavesTheOutputAsItWas() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path + "/out"
        try OutputWriter.write(OutputTree(files: [OutputFile(path: "kept.txt", contents: .bytes(Array("kept".utf8)))]), to: output)
        // A file to copy that has vanished since it was listed: the write fails part-way.
        let tree = OutputTree(files: [
            OutputFile(path: "a.txt", contents: .bytes(Array("a".utf8))),
            OutputFile(path: "b.txt", contents: .file(absolutePath: folder.path + "/vanished")),
        ])
        #expect(throws: OutputWriter.Failure.self) { try OutputWriter.write(tree, to: output) }
        #expect(TemporaryFolder.snapshot(output).keys.sorted() == [OutputManifest.fileName, "kept.txt"])
        #expect(TemporaryFolder.snapshot(output)["kept.txt"] == Data("kept".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    }

    @Test func aFileWhereTheOutputFolderShouldBeIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path + "/out"))
        #expect(throws: OutputWriter.Failure.self) { try OutputWriter.write(OutputTree(files: []), to: folder.path + "/out") }
        #expect(FileManager.default.contents(atPath: folder.path + "/out") == Data("x".utf8))
    }

    // MARK: - The output guard

    /// What each kind of output folder does to a build: replaced (nil) or refused, naming
    /// the file that made it refuse; a refused folder is left byte for byte as it was.
    struct GuardCase: CustomTestStringConvertible, Sendable {
        let name: String
        /// Files to put in the output folder before building (after an earlier build when `built`).
        var files: [String: String] = [:]
        var folders: [String] = []
        var built = false
        /// A file of the earlier build to append to.
        var edited: String?
        /// nil: the build replaces the folder; otherwise a text the refusal names.
        let refusal: String?
        var hint: String?

        var testDescription: String { name }
    }

    static let guardCases: [GuardCase] = [
        GuardCase(name: "a git repository", files: [".git/HEAD": "ref: refs/heads/main\n", "README.md": "# Notes\n"],
                  refusal: "a git repository (.git) and 1 other item", hint: "--output"),
        GuardCase(name: "docs/ with a guide in it", files: ["guide.md": "# How to publish\n"],
                  refusal: "is not empty and was not made by a build of Bulletin: it holds guide.md", hint: "--output"),
        GuardCase(name: "an earlier output with a hand-added CNAME", files: ["CNAME": "bulletin.example.org\n"], built: true,
                  refusal: "CNAME was not written by the last build", hint: "Content/static/CNAME"),
        GuardCase(name: "an earlier output with a page edited by hand", built: true, edited: "index.html",
                  refusal: "index.html was changed after the build that wrote it", hint: "Content/ or Templates/"),
        GuardCase(name: "an earlier output with a file in a new folder", files: ["extra/notes.txt": "mine\n"], built: true,
                  refusal: "extra/notes.txt was not written by the last build", hint: "Content/static/"),
        // Not advice to move them into Content/static/, which would publish them.
        GuardCase(name: "an earlier output made a git repository", files: [".git/HEAD": "ref: refs/heads/main\n"], built: true,
                  refusal: "now holds a git repository (.git)", hint: "keep the repository in another folder"),
        GuardCase(name: "an earlier output with a file manager's .DS_Store", files: ["articles/.DS_Store": "\0"], built: true,
                  refusal: "articles/.DS_Store was not written by the last build", hint: "delete it and build again"),
        GuardCase(name: "an earlier output", built: true, refusal: nil),
        GuardCase(name: "an empty folder", refusal: nil),
        GuardCase(name: "an earlier output with an empty folder added", folders: ["empty"], built: true, refusal: nil),
    ]

    @Test(arguments: guardCases)
    func theOutputGuard(_ example: GuardCase) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        let output = folder.path + "/out"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        if example.built { #expect(build(in: folder.path, output: output).succeeded) }
        for (path, text) in example.files {
            try FileManager.default.createDirectory(
                atPath: (output + "/" + path).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: output + "/" + path))
        }
        for path in example.folders {
            try FileManager.default.createDirectory(atPath: output + "/" + path, withIntermediateDirectories: true)
        }
        if let edited = example.edited {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output + "/" + edited))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("<!-- mine -->".utf8))
            try handle.close()
        }
        let before = TemporaryFolder.snapshot(output)
        // A new article, so that a build that goes ahead changes the folder.
        try Data("---\ntitle: Fresh\ndate: 2024-03-01\n---\nNew.\n".utf8)
            .write(to: URL(fileURLWithPath: folder.path + "/Content/articles/fresh.md"))
        let result = build(in: folder.path, output: output)
        guard let expected = example.refusal else {
            #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
            #expect(result.refusal == nil)
            #expect(FileManager.default.fileExists(atPath: output + "/articles/fresh/index.html"))
            #expect(FileManager.default.fileExists(atPath: output + "/" + OutputManifest.fileName))
            return
        }
        #expect(!result.succeeded)
        #expect(result.refusal?.message.contains(expected) == true, "\(String(describing: result.refusal))")
        if let hint = example.hint { #expect(result.refusal?.hint.contains(hint) == true) }
        #expect(result.errors.map(\.code) == [.outputProblem])
        #expect(TemporaryFolder.snapshot(output) == before, "a refused folder is left as it was")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(siblings == ["Content", "Templates", "out"], "no staging folder is left behind")
    }

    @Test func theManifestListsEveryFileWrittenWithItsSize() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        let output = folder.path + "/Public"
        #expect(build(in: folder.path, output: output).succeeded)
        var files = TemporaryFolder.snapshot(output).filter { $0.value != Data("<folder>".utf8) }
        let manifest = try #require(files.removeValue(forKey: OutputManifest.fileName).flatMap { OutputManifest(decoding: Array($0)) })
        #expect(manifest.files == files.mapValues(\.count))
    }

    @Test func theCommandLineRefusesWithExitStatusTwoAndAHint() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        try FileManager.default.createDirectory(atPath: folder.path + "/docs", withIntermediateDirectories: true)
        try Data("# Guide\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/docs/guide.md"))
        let result = try BulletinProcess.run(["build", "--output", "docs"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("error: docs/ is not empty and was not made by a build of Bulletin: it holds guide.md"))
        #expect(result.standardError.contains("hint: give an empty or new folder with --output"))
        #expect(!result.standardError.contains("Usage:"))
        #expect(TemporaryFolder.snapshot(folder.path + "/docs") == ["guide.md": Data("# Guide\n".utf8)])
    }
}
