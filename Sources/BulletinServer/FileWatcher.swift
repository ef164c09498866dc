#if canImport(Glibc)
import Glibc
#endif

/// Watches the content and templates folders with inotify, every folder below them too,
/// and hands out what changed in batches: the events of one save (an editor's write, rename
/// and delete) arrive together, after a short quiet spell.
///
/// Only `stop()` may be called from another thread; it writes to a pipe that wakes `next()`.
final class FileWatcher: @unchecked Sendable {
    /// One of the two watched folders.
    enum Root: Hashable, Sendable {
        case content
        case templates
    }

    /// Something happened to a file or folder at `path`, relative to its root.
    struct Touch: Hashable, Sendable {
        var root: Root
        var path: String
        /// Whether it is (or was) a folder: a folder's arrival or departure changes the tree.
        var isFolder: Bool
    }

    /// What changed since the last batch.
    struct Batch: Sendable {
        var touches: Set<Touch> = []
        /// The kernel's queue overflowed (or a watched folder moved): anything may have changed.
        var overflowed = false
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// How long the folders must stay quiet before a batch is handed out. A save is a burst
    /// of events microseconds apart; this is well under what a person notices.
    static let quietMilliseconds: Int32 = 8
    /// A batch is handed out after this long even if events keep coming (a `git checkout`).
    static let longestWaitMilliseconds = 300.0

    private let inotify: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let roots: [Root: String]
    private var folders: [Int32: (root: Root, path: String)] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    private static let mask: UInt32 = UInt32(IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_DELETE_SELF | IN_MOVE_SELF | IN_DONT_FOLLOW | IN_EXCL_UNLINK)

    /// Starts watching `content` and `templates` (absolute paths of folders).
    init(content: String, templates: String) throws(Failure) {
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw Failure(description: "cannot watch files: \(String(cString: strerror(errno)))") }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(inotify)
            throw Failure(description: "cannot watch files: \(String(cString: strerror(errno)))")
        }
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        roots = [.content: content, .templates: templates]
        for (root, path) in roots.sorted(by: { $0.value < $1.value }) {
            try watchTree(root: root, relative: "", absolute: path)
        }
    }

    deinit {
        close(inotify)
        close(wakeRead)
        close(wakeWrite)
    }

    /// Wakes `next()`, which then returns nil.
    func stop() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Blocks until something changed (a batch) or `stop()` was called (nil).
    func next() -> Batch? {
        var batch = Batch()
        // Wait for the first event, then for quiet.
        guard waitForEvents(timeout: -1) else { return nil }
        let started = Self.milliseconds()
        repeat {
            drain(into: &batch)
            if Self.milliseconds() - started > Self.longestWaitMilliseconds { break }
        } while waitForEvents(timeout: Self.quietMilliseconds)
        if stopRequested { return nil }
        return batch
    }

    // MARK: - Watches

    /// Watches a folder and every folder below it (not following symbolic links: what they
    /// lead to inside the root is watched where it is).
    private func watchTree(root: Root, relative: String, absolute: String) throws(Failure) {
        let descriptor = inotify_add_watch(inotify, absolute, Self.mask | UInt32(IN_ONLYDIR))
        guard descriptor >= 0 else {
            if relative.isEmpty || errno == ENOSPC {
                throw Failure(description: errno == ENOSPC
                    ? "cannot watch \(absolute): the system's limit of watched folders is reached "
                        + "(raise fs.inotify.max_user_watches)"
                    : "cannot watch \(absolute): \(String(cString: strerror(errno)))")
            }
            return  // a folder that vanished while being walked: its parent's event reports it
        }
        folders[descriptor] = (root, relative)
        guard let directory = opendir(absolute) else { return }
        defer { closedir(directory) }
        var children: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) { children.append(name) }
        }
        for name in children.sorted() {
            try watchTree(root: root, relative: relative.isEmpty ? name : relative + "/" + name, absolute: absolute + "/" + name)
        }
    }

    // MARK: - Events

    /// Set once the wake pipe has something: `stop()` was called.
    private var stopRequested = false

    /// Whether events are waiting (false on timeout or stop).
    private func waitForEvents(timeout: Int32) -> Bool {
        var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno == EINTR { continue }
            if fds[1].revents != 0 {
                stopRequested = true
                return false
            }
            return ready > 0 && fds[0].revents != 0
        }
    }

    /// Reads every queued event into `batch`.
    private func drain(into batch: inout Batch) {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var offset = 0
            buffer.withUnsafeBytes { raw in
                while offset + 16 <= count {
                    let descriptor = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = raw[(offset + 16)..<min(offset + 16 + length, count)]
                    let name = String(decoding: nameBytes.prefix(while: { $0 != 0 }), as: UTF8.self)
                    offset += 16 + length
                    take(descriptor: descriptor, mask: mask, name: name, into: &batch)
                }
            }
        }
    }

    private func take(descriptor: Int32, mask: UInt32, name: String, into batch: inout Batch) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            batch.overflowed = true
            return
        }
        guard let folder = folders[descriptor] else { return }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders.removeValue(forKey: descriptor)
            return
        }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            // A root itself went away or moved; a folder below reports through its parent.
            if folder.path.isEmpty { batch.overflowed = true }
            return
        }
        let path = folder.path.isEmpty ? name : folder.path + "/" + name
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        if isFolder && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let root = roots[folder.root] {
            // Watch the new folder; files made in it before the watch came are found by the
            // full reload its arrival causes.
            try? watchTree(root: folder.root, relative: path, absolute: root + "/" + path)
        }
        batch.touches.insert(Touch(root: folder.root, path: path, isFolder: isFolder))
    }

    private static func milliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }
}
