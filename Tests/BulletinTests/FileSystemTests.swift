@testable import BulletinCore
import Foundation
import Testing

/// The listing the content walker reads: each entry with what it is, as `kind(at:)` says,
/// without a call to the kernel for each file.
@Suite struct FileSystemTests {
    @Test func aListingSaysWhatEachEntryIs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("a".utf8).write(to: URL(fileURLWithPath: folder.path + "/b.md"))
        try FileManager.default.createDirectory(atPath: folder.path + "/a", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/c", withDestinationPath: "b.md")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/d", withDestinationPath: "nowhere")
        #expect(mkfifo(folder.path + "/e", 0o644) == 0)
        try Data().write(to: URL(fileURLWithPath: folder.path + "/.hidden"))

        let listed = try FileSystem.entriesWithKinds(of: folder.path)
        #expect(listed.map(\.name) == [".hidden", "a", "b.md", "c", "d", "e"])
        #expect(listed.map(\.name) == (try FileSystem.entries(of: folder.path)))
        for entry in listed {
            // The file system may not say (then the walker asks); when it does, it agrees.
            if let kind = entry.kind { #expect(kind == FileSystem.kind(at: folder.path + "/" + entry.name), "\(entry.name)") }
        }
        #expect(listed.compactMap(\.kind).isEmpty || listed.map(\.kind) == [.file, .directory, .file, .symlink, .symlink, .other])
    }
}
