@testable import BulletinKit
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
        try Data("hand-edited".utf8).write(to: URL(fileURLWithPath: output + "/stray.txt"))

        try FileManager.default.removeItem(atPath: folder.path + "/Content/articles/gone.md")
        #expect(build(in: folder.path, output: output).succeeded)
        #expect(!FileManager.default.fileExists(atPath: output + "/articles/gone/index.html"))
        #expect(!FileManager.default.fileExists(atPath: output + "/agencies/vanishing-agency/index.html"))
        #expect(!FileManager.default.fileExists(atPath: output + "/stray.txt"))
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

    @Test func theWriterStagesBesideTheOutputAndSwaps() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path + "/out"
        try OutputWriter.write(OutputTree(files: [OutputFile(path: "a/index.html", contents: .bytes(Array("one".utf8)))]), to: output)
        try OutputWriter.write(OutputTree(files: [OutputFile(path: "b.txt", contents: .bytes(Array("two".utf8)))]), to: output)
        #expect(TemporaryFolder.snapshot(output) == ["b.txt": Data("two".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
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
        #expect(TemporaryFolder.snapshot(output) == ["kept.txt": Data("kept".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    }

    @Test func aFileWhereTheOutputFolderShouldBeIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path + "/out"))
        #expect(throws: OutputWriter.Failure.self) { try OutputWriter.write(OutputTree(files: []), to: folder.path + "/out") }
        #expect(FileManager.default.contents(atPath: folder.path + "/out") == Data("x".utf8))
    }
}
