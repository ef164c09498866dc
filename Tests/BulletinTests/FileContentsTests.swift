import BulletinCore
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
}
