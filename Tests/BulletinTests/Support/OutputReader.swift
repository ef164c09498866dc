import CLinuxSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process's standard output or error, read on a thread of its own until the child
/// closes it.
///
/// Not Foundation's `readabilityHandler`: on Linux it reads through a dispatch source, which
/// can fire after the handle and its descriptor are gone when a child is killed and its
/// `Process` dropped; the test process then crashed inside libdispatch now and then (CI saw
/// it). Here one thread owns the reading end from start to end, and closes it.
struct OutputReader {
    /// What to give the `Process` as `standardOutput` or `standardError`.
    let handle: FileHandle
    private let readEnd: Int32

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init() throws {
        var ends: [Int32] = [0, 0]
        // Close-on-exec from the start: a child another test starts meanwhile must not
        // inherit the writing end, or the end of this child's output would never be seen.
        guard bulletin_pipe_cloexec(&ends) == 0 else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }
        readEnd = ends[0]
        handle = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
    }

    /// Once the process runs: closes this process's copy of the writing end, and reads on a
    /// thread until the child's copies are closed, giving each piece to `receive`, then nil.
    func start(_ receive: @escaping @Sendable ([UInt8]?) -> Void) {
        try? handle.close()
        let descriptor = readEnd
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                receive(Array(buffer[..<count]))
            }
            close(descriptor)
            receive(nil)
        }
        thread.start()
    }

    /// When the process could not be started: nothing will be read.
    func abandon() {
        try? handle.close()
        close(readEnd)
    }
}
