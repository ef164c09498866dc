#if canImport(Glibc)
import Glibc
#endif

/// The kernel's inotify queue for the two roots and every folder below them, read in batches
/// by blocking calls. Not `Sendable`: its watch table and buffer belong to the one thread that
/// reads it (`FileWatcher` hands it over once); only the wake descriptor, which it does not
/// own, is shared.
final class InotifyQueue {
    private let inotify: Int32
    /// Readable once the watcher is told to stop (an eventfd `FileWatcher` owns).
    private let wake: Int32
    private let roots: [FileWatcher.Root: String]
    private var folders: [Int32: (root: FileWatcher.Root, path: String)] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    private static let mask: UInt32 = UInt32(IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_DELETE_SELF | IN_MOVE_SELF | IN_DONT_FOLLOW | IN_EXCL_UNLINK)

    /// Starts watching `roots` (absolute paths of folders) at once: what changes from now on is
    /// queued by the kernel until it is read.
    init(roots: [FileWatcher.Root: String], wake: Int32) throws(FileWatcher.Failure) {
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw FileWatcher.Failure(description: "cannot watch files: \(String(cString: strerror(errno)))") }
        self.wake = wake
        self.roots = roots
        for (root, path) in roots.sorted(by: { $0.value < $1.value }) {
            do {
                try watchTree(root: root, relative: "", absolute: path)
            } catch {
                close(inotify)
                throw error
            }
        }
    }

    deinit {
        close(inotify)
    }

    /// Blocks until something changed (a batch, after a quiet spell) or the wake descriptor
    /// became readable (nil, now and on every later call).
    func next() -> FileWatcher.Batch? {
        var batch = FileWatcher.Batch()
        // Wait for the first event, then for quiet.
        guard waitForEvents(timeout: -1) else { return nil }
        let started = ContinuousClock.now
        repeat {
            drain(into: &batch)
            if ContinuousClock.now - started > FileWatcher.longestWait { break }
        } while waitForEvents(timeout: FileWatcher.quietMilliseconds)
        if stopRequested { return nil }
        return batch
    }

    // MARK: - Watches

    /// Watches a folder and every folder below it (not following symbolic links: what they
    /// lead to inside the root is watched where it is).
    private func watchTree(root: FileWatcher.Root, relative: String, absolute: String) throws(FileWatcher.Failure) {
        let descriptor = inotify_add_watch(inotify, absolute, Self.mask | UInt32(IN_ONLYDIR))
        guard descriptor >= 0 else {
            if relative.isEmpty || errno == ENOSPC {
                throw FileWatcher.Failure(description: errno == ENOSPC
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

    /// Set once the wake descriptor is readable: the watcher is stopping.
    private var stopRequested = false

    /// Whether events are waiting (false on timeout or stop).
    private func waitForEvents(timeout: Int32) -> Bool {
        if stopRequested { return false }
        var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
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
    private func drain(into batch: inout FileWatcher.Batch) {
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

    private func take(descriptor: Int32, mask: UInt32, name: String, into batch: inout FileWatcher.Batch) {
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
        batch.touches.insert(FileWatcher.Touch(root: folder.root, path: path, isFolder: isFolder))
    }
}
