@testable import BulletinCore
import Testing

/// The preview tells which files an update changed by comparing each one rendered again with
/// the one it serves (`FileContents` equality, compared with `memcmp`): a difference in any
/// byte must count, and equal bytes in different arrays must not.
@Suite struct FileContentsTests {
    @Test func equalBytesInSeparateArraysAreEqual() {
        let bytes = Array("<!doctype html><p>Seoul, 2025</p>".utf8)
        var copy = bytes
        copy.reserveCapacity(1000)  // its own storage
        #expect(FileContents.bytes(bytes) == .bytes(copy))
        #expect(FileContents.bytes([]) == .bytes([UInt8]()))
        var hashes = (Hasher(), Hasher())
        FileContents.bytes(bytes).hash(into: &hashes.0)
        FileContents.bytes(copy).hash(into: &hashes.1)
        #expect(hashes.0.finalize() == hashes.1.finalize())
    }

    @Test func aDifferenceAnywhereCounts() {
        let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for position in [0, 1, 7, 8, 63, 64, 2500, 4999] {
            var other = bytes
            other[position] &+= 1
            #expect(FileContents.bytes(bytes) != .bytes(other), "a byte at \(position)")
        }
        #expect(FileContents.bytes(bytes) != .bytes(Array(bytes.dropLast())), "one byte shorter")
        #expect(FileContents.bytes([]) != .bytes([0]))
    }

    @Test func filesOnDiskCompareByPath() {
        #expect(FileContents.file(absolutePath: "/a/map.svg") == .file(absolutePath: "/a/map.svg"))
        #expect(FileContents.file(absolutePath: "/a/map.svg") != .file(absolutePath: "/a/logo.svg"))
        #expect(FileContents.file(absolutePath: "/a/map.svg") != .bytes(Array("/a/map.svg".utf8)))
    }

    /// The preview keeps every page it serves at its size: bytes with much room to spare are
    /// kept in memory of their size, the same bytes; a little room, and files, stay as they are.
    @Test func contentsAreKeptAtTheirSize() {
        var roomy = Array("<p>a page</p>".utf8)
        roomy.reserveCapacity(64 << 10)
        guard case .bytes(let kept) = FileContents.bytes(roomy).atItsSize else {
            Issue.record("bytes stay bytes")
            return
        }
        #expect(kept == roomy && kept.capacity < 1024)
        let snug = Array(repeating: UInt8(ascii: "x"), count: 5000)
        guard case .bytes(let same) = FileContents.bytes(snug).atItsSize else { return }
        same.withUnsafeBufferPointer { copy in snug.withUnsafeBufferPointer { #expect(copy.baseAddress == $0.baseAddress) } }
        #expect(FileContents.file(absolutePath: "/a/map.svg").atItsSize == .file(absolutePath: "/a/map.svg"))
    }
}
