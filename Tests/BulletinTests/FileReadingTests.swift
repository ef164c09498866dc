@testable import BulletinCore
import Foundation
import Testing

/// Every source file is held in memory for the whole build: reading one must give its bytes
/// and hold about its size (the 10,000 files of a large site once held 64 KiB more each).
@Suite struct FileReadingTests {
    @Test(arguments: [0, 1, 4095, 4096, 65_536, 300_001])
    func aFileIsReadWhole(size: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-read-\(size)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let read = try FileSystem.read(path)
        #expect(read == bytes)
        // The capacity is what the allocator gave: its size classes round a request up, by
        // at most an eighth for tcmalloc (the `bulletin` command's) and a page for glibc's.
        #expect(read.capacity - read.count < max(4096, read.count / 8), "holds \(read.capacity) bytes for \(read.count)")
    }

    /// A file whose size the system does not know beforehand (or that grows while read) is
    /// read to its end.
    @Test func aFileLongerThanItsStatedSizeIsReadToTheEnd() throws {
        #if os(Linux)
        let status = try FileSystem.read("/proc/self/status")  // its size says 0
        #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
        #expect(status.count > 100)
        #endif
    }
}
