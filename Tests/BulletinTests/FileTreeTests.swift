@testable import BulletinCore
import Foundation
import Testing

/// Listing and removing whole folders, as the output guard and the swap do with the last
/// output: relative to each folder, large folders on every core, links never followed.
@Suite struct FileTreeTests {
    /// A folder like an output: a file at the top, a folder of 70 folders (more than are
    /// looked at on one core), an empty folder, and a link to a folder outside.
    func makeTree() throws -> (folder: TemporaryFolder, outside: TemporaryFolder, expected: [(String, FileSystem.Kind, Int)]) {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder()
        let manager = FileManager.default
        try Data("kept".utf8).write(to: URL(fileURLWithPath: outside.path + "/kept.txt"))
        var expected: [(String, FileSystem.Kind, Int)] = [("a.txt", .file, 3), ("articles", .directory, 0)]
        try Data("abc".utf8).write(to: URL(fileURLWithPath: folder.path + "/a.txt"))
        for number in 0..<70 {
            let name = String(format: "d%02d", number)
            try manager.createDirectory(atPath: "\(folder.path)/articles/\(name)", withIntermediateDirectories: true)
            try Data(repeating: 0x61, count: number).write(to: URL(fileURLWithPath: "\(folder.path)/articles/\(name)/index.html"))
            expected += [("articles/\(name)", .directory, 0), ("articles/\(name)/index.html", .file, number)]
        }
        try manager.createDirectory(atPath: folder.path + "/empty", withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: folder.path + "/link", withDestinationPath: outside.path)
        try Data("한".utf8).write(to: URL(fileURLWithPath: folder.path + "/한.txt"))
        expected += [("empty", .directory, 0), ("link", .symlink, 0), ("한.txt", .file, 3)]
        return (folder, outside, expected)
    }

    @Test func aTreeIsListedDepthFirstInCodePointOrderWithoutFollowingLinks() throws {
        let (folder, outside, expected) = try makeTree()
        defer { folder.remove(); outside.remove() }
        let listed = try FileSystem.tree(of: folder.path)
        #expect(listed.map(\.path) == expected.map(\.0))
        #expect(listed.map(\.kind) == expected.map(\.1))
        #expect(listed.map(\.size) == expected.map(\.2))
        #expect(throws: FileSystem.Failure.self) { try FileSystem.tree(of: folder.path + "/missing") }
    }

    @Test func aTreeIsRemovedWholeButNotWhatItsLinksLeadTo() throws {
        let (folder, outside, _) = try makeTree()
        defer { folder.remove(); outside.remove() }
        try FileSystem.remove(folder.path)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(try String(contentsOfFile: outside.path + "/kept.txt", encoding: .utf8) == "kept")
        // Nothing there is nothing to do; a file is removed as a file.
        try FileSystem.remove(folder.path)
        try FileSystem.remove(outside.path + "/kept.txt")
        #expect(!FileManager.default.fileExists(atPath: outside.path + "/kept.txt"))
    }
}
