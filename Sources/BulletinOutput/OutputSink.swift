package import BulletinCore

import Synchronization


/// Keeps every file in memory.
package final class MemorySink: OutputSink {
    private let files = Mutex<[OutputFile]>([])

    package init() {}

    package func accept(_ file: OutputFile) {
        files.withLock { $0.append(file) }
    }

    package var failure: String? { nil }

    package func retained(_ path: String) -> [UInt8]? {
        files.withLock { files in
            guard case .bytes(let bytes)? = files.first(where: { $0.path == path })?.contents else { return nil }
            return bytes
        }
    }

    package var tree: OutputTree { OutputTree(files: files.withLock { $0 }) }
}
