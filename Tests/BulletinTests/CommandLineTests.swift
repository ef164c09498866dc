import Foundation
import Testing

/// The `bulletin` binary as a user runs it: exit statuses, help, messages.
@Suite struct CommandLineTests {
    func site() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try TestSite.standard().write(to: folder.path)
        return folder
    }

    @Test func aGoodBuildExitsZeroWithAClosingLine() throws {
        let folder = try site()
        defer { folder.remove() }
        let result = try BulletinProcess.run(["build"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("Wrote 16 pages (2 articles, 1 article list, 3 taxonomy indexes, 3 term pages, 1 dialogue series, 0 standalone pages, 2 archive pages, home, dialogue index, search and 404) and 1 copied file to Public/ in "))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/Public/index.html"))
        let quiet = try BulletinProcess.run(["build", "--quiet"], in: folder.path)
        #expect(quiet.status == 0)
        #expect(quiet.standardOutput.isEmpty && quiet.standardError.isEmpty)
    }

    /// `--timings`: every phase in order, then the render's parts, each with its seconds.
    @Test func timingsListThePhasesAndTheRendersParts() throws {
        let folder = try site()
        defer { folder.remove() }
        let result = try BulletinProcess.run(["build", "--quiet", "--timings"], in: folder.path)
        #expect(result.status == 0)
        let phases = result.standardError.split(separator: "\n").map { line in
            String(line.trimmingPrefix("  ").prefix { $0 != ":" })
        }
        #expect(phases == [
            "load", "parse", "resolve", "markdown", "render", "render · values", "render · pages, feeds",
            "render · sitemap, search, open data (alongside)", "render · copies", "swap",
        ], "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").allSatisfy { $0.hasSuffix(" s") })
    }

    /// The command allocates with tcmalloc (Package.swift): the dynamic loader, asked for the
    /// libraries it loads (as `ldd` does), lists tcmalloc before the C library, so that
    /// tcmalloc's `malloc` and `free` are the ones every library calls.
    @Test func theCommandAllocatesWithTcmalloc() throws {
        #if os(Linux)
        let result = try BulletinProcess.run([], environment: ["LD_TRACE_LOADED_OBJECTS": "1"])
        let libraries = result.standardOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let tcmalloc = try #require(libraries.firstIndex { $0.hasPrefix("libtcmalloc_minimal.so") }, "\(result.standardOutput)")
        let libc = try #require(libraries.firstIndex { $0.hasPrefix("libc.so") })
        #expect(tcmalloc < libc)
        #endif
    }

    @Test func errorsExitOneAndPrintEveryDiagnostic() throws {
        let folder = try site()
        defer { folder.remove() }
        try Data("---\ntitle: A\ndate: soon\n---\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/Content/articles/a.md"))
        try Data("no front matter".utf8).write(to: URL(fileURLWithPath: folder.path + "/Content/articles/b.md"))
        let result = try BulletinProcess.run(["build"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("Content/articles/a.md:3:7: error: 'date' must be a date"))
        #expect(result.standardError.contains("Content/articles/b.md:1:1: error: this file has no front matter"))
        #expect(result.standardError.contains("error: the build failed: 2 errors, 0 warnings; Public/ was not changed"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Public"))
    }

    @Test func warningsPassUnlessStrict() throws {
        let folder = try site()
        defer { folder.remove() }
        try Data("---\ntitle: A\ndate: 2024-01-01\ntittle: x\n---\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/Content/articles/a.md"))
        let relaxed = try BulletinProcess.run(["build"], in: folder.path)
        #expect(relaxed.status == 0)
        #expect(relaxed.standardError.contains("Content/articles/a.md:4:1: warning: unknown key 'tittle'"))
        let strict = try BulletinProcess.run(["build", "--strict"], in: folder.path)
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("Content/articles/a.md:4:1: error: unknown key 'tittle'"))
    }

    @Test(arguments: [
        (["build", "--no-such-flag"], "Unknown option"),
        (["build", "--content", "Nowhere"], "--content: there is no folder Nowhere"),
        (["build", "--base-url", "ftp://x"], "--base-url must be an absolute http or https URL"),
        (["build", "--output", "."], "--output: . contains Content"),
        (["build", "--output", "Content"], "--output: Content is the folder the build reads (--content)"),
        (["build", "--output", ""], "--output: the folder's name is empty"),
        (["build", "--content", "Content/site.yaml"], "--content: Content/site.yaml is a file, not a folder"),
        (["frobnicate"], "Unexpected argument"),
    ])
    func misuseExitsTwo(arguments: [String], message: String) throws {
        let folder = try site()
        defer { folder.remove() }
        let result = try BulletinProcess.run(arguments, in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "stderr: \(result.standardError)")
    }

    @Test func pathsInDiagnosticsAreAsTyped() throws {
        let folder = try site()
        defer { folder.remove() }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path + "/Content/articles/a.md"))
        let result = try BulletinProcess.run(["build", "--content", "./Content/"], in: folder.path)
        #expect(result.standardError.contains("./Content/articles/a.md:1:1: error:"))
    }

    @Test func helpReadsWell() throws {
        let result = try BulletinProcess.run(["build", "--help"])
        #expect(result.status == 0)
        for option in ["--content <dir>", "--templates <dir>", "--output <dir>", "--base-url <url>", "--drafts", "--future", "--strict", "--quiet"] {
            #expect(result.standardOutput.contains(option))
        }
        let root = try BulletinProcess.run(["--help"])
        #expect(root.status == 0)
        #expect(root.standardOutput.contains("build"))
        #expect(root.standardOutput.contains("Exit status: 0"))
    }
}
