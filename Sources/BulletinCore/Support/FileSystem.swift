#if canImport(Glibc)
import Glibc
import CLinuxSupport
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls Bulletin needs, with Swift values in and out.
///
/// Foundation's FileManager is avoided on the hot paths: reading 10,000 articles and writing
/// 15,000 pages through it costs several times what these calls do.
package enum FileSystem {
    package enum Kind: Sendable, Equatable {
        case file, directory, symlink, other
    }

    package struct Failure: Error, Sendable, CustomStringConvertible {
        package let path: String
        package let operation: String
        package let code: Int32
        package var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
    }

    /// What is at `path`, without following a final symbolic link; nil when nothing is there.
    package static func kind(at path: String, followingLinks: Bool = false) -> Kind? {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Whether the permission bits of what is at `path` (following symbolic links) let no one
    /// write to it: a folder made read-only on purpose, whoever runs the build (root may
    /// write anyway, so `access` would not tell).
    package static func isReadOnly(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & 0o222 == 0
    }

    /// The size in bytes of the file at `path` (not following a final symbolic link).
    package static func size(at path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// What tells a file's version apart without reading it: its size and modification time
    /// (following symbolic links); nil when nothing is there.
    package static func stamp(at path: String) -> [Int]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
    }

    /// The entries of a directory, without `.` and `..`, sorted by code point.
    package static func entries(of path: String) throws(Failure) -> [String] {
        try entriesWithKinds(of: path).map(\.name)
    }

    /// The same, each with what it is when the listing says (as `kind(at:)` would: a link is
    /// `.symlink`); nil when the file system does not say, and `kind(at:)` must be asked.
    /// Walking a site's 10,000 articles asks the kernel once per folder, not once per file.
    package static func entriesWithKinds(of path: String) throws(Failure) -> [(name: String, kind: Kind?)] {
        guard let dir = opendir(path) else { throw Failure(path: path, operation: "list", code: errno) }
        defer { closedir(dir) }
        return entries(in: dir)
    }

    /// The same, of the folder open as `folder` (at `path`, for messages); `folder` stays open.
    static func entriesWithKinds(inOpen folder: Int32, path: String) throws(Failure) -> [(name: String, kind: Kind?)] {
        let dir = try listing(of: folder, path: path)
        defer { closedir(dir) }
        return entries(in: dir)
    }

    /// A listing of the folder open as `folder`, through a descriptor of its own (closedir
    /// closes that one; `folder` stays open).
    private static func listing(of folder: Int32, path: String) throws(Failure) -> OpaquePointer {
        let listing = dup(folder)
        guard listing >= 0 else { throw Failure(path: path, operation: "list", code: errno) }
        guard let dir = fdopendir(listing) else {
            let code = errno
            close(listing)
            throw Failure(path: path, operation: "list", code: code)
        }
        return dir
    }

    private static func entries(in dir: OpaquePointer) -> [(name: String, kind: Kind?)] {
        var entries: [(name: String, kind: Kind?)] = []
        while let entry = readdir(dir) {
            // A name that is not UTF-8 keeps its bytes' repairs (U+FFFD) and cannot be opened
            // by that name: `isUTF8Name` tells the walker so.
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) {
                    String(validatingCString: $0) ?? Self.invalidNameMark + String(cString: $0)
                }
            }
            guard name != "." && name != ".." else { continue }
            let kind: Kind? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .directory
            case Int32(DT_LNK): .symlink
            case Int32(DT_UNKNOWN): nil
            default: .other
            }
            entries.append((name, kind))
        }
        return entries.sorted { $0.name.codePointPrecedes($1.name) }
    }

    /// Put before a listed name whose bytes are not UTF-8 (a character no valid name has).
    package static let invalidNameMark = "\u{0}"

    /// The canonical absolute path, with every symbolic link resolved; nil when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The whole file.
    package static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, operation: "open", code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(path: path, operation: "stat", code: errno) }
        // One byte more than its size, to find the end of the file without growing the
        // buffer: growing it by 64 KiB at the end of every file (and keeping that capacity)
        // held 640 MB for the 10,000 files of a large site. Read into memory not written
        // first: zeroing the 80 MB of those files first was a pass of its own.
        let size = Int(info.st_size) + 1
        // A regular file read to its size as fstat gave it is at its end: the read that would
        // return nothing is not made (one system call in five, for every source). A read may
        // return less than asked for before the end (Linux gives at most 2 GiB at once).
        let isRegular = info.st_mode & S_IFMT == S_IFREG
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let wanted = size - initialized
                let count = Glibc.read(fd, buffer.baseAddress! + initialized, wanted)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { return }
                initialized += count
                if isRegular && initialized == size - 1 { return }
            }
        }
        guard failure == 0 else { throw Failure(path: path, operation: "read", code: failure) }
        if bytes.count == size {
            // The file grew since fstat: read on until the end.
            var more = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = more.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, operation: "read", code: errno)
                }
                if count == 0 { break }
                bytes.append(contentsOf: more[..<count])
            }
        }
        return bytes
    }

    /// Writes a new file (it must not exist yet).
    package static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, operation: "create", code: errno) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, operation: "write", code: errno)
            }
            written += count
        }
    }

    /// Creates a directory; succeeds when it already exists.
    package static func makeDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(path: path, operation: "create folder", code: errno)
        }
    }

    /// Creates a directory and every missing parent.
    package static func makeDirectories(_ path: String) throws(Failure) {
        if kind(at: path, followingLinks: true) == .directory { return }
        let parent = path.deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeDirectories(parent) }
        try makeDirectory(path)
    }

    /// Everything under the folder at `path`, depth first, each folder's entries in
    /// code-point order, without following symbolic links: each entry's path under `path`,
    /// what it is, and a regular file's size (0 for anything else; -1 when it could not be
    /// looked at). Each entry is looked at relative to its folder, a folder's or a link's kind
    /// is read from the listing, and the entries of a large folder (an output's 10,000
    /// article folders) are looked at on every core: the output guard lists the whole last
    /// output before every build into it.
    package static func tree(of path: String) throws(Failure) -> [(path: String, kind: Kind, size: Int)] {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw Failure(path: path, operation: "list", code: errno) }
        defer { close(folder) }
        switch tree(in: folder, relative: "", path: path) {
        case .success(let entries): return entries
        case .failure(let failure): throw failure
        }
    }

    private static func tree(in folder: Int32, relative: String, path: String) -> Result<[(path: String, kind: Kind, size: Int)], Failure> {
        let listed: [(name: String, kind: Kind?)]
        do {
            listed = try entriesWithKinds(inOpen: folder, path: relative.isEmpty ? path : path + "/" + relative)
        } catch {
            return .failure(error)
        }
        @Sendable func look(_ entry: (name: String, kind: Kind?)) -> Result<[(path: String, kind: Kind, size: Int)], Failure> {
            let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
            var (kind, size) = (entry.kind ?? .other, 0)
            if entry.kind == nil || entry.kind == .file {
                var info = stat()
                if fstatat(folder, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                    switch info.st_mode & S_IFMT {
                    case S_IFREG: (kind, size) = (.file, Int(info.st_size))
                    case S_IFDIR: kind = .directory
                    case S_IFLNK: kind = .symlink
                    default: kind = .other
                    }
                } else if kind == .file {
                    size = -1
                }
            }
            var found = [(path: child, kind: kind, size: size)]
            guard kind == .directory else { return .success(found) }
            let inner = openat(folder, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard inner >= 0 else {
                let code = errno
                return .failure(Failure(path: path + "/" + child, operation: "list", code: code))
            }
            defer { close(inner) }
            switch tree(in: inner, relative: child, path: path) {
            case .success(let entries): found += entries
            case .failure(let failure): return .failure(failure)
            }
            return .success(found)
        }
        var result: [(path: String, kind: Kind, size: Int)] = []
        for looked in listed.count >= 64 ? Parallel.map(listed, look) : listed.map(look) {
            switch looked {
            case .success(let entries): result += entries
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(result)
    }

    /// Removes a file, or a directory with everything in it, without following symbolic links.
    package static func remove(_ path: String) throws(Failure) {
        switch kind(at: path) {
        case nil:
            return
        case .directory:
            let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard folder >= 0 else { throw Failure(path: path, operation: "remove", code: errno) }
            defer { close(folder) }
            if let failure = removeContents(of: folder, path: path) { throw failure }
            if rmdir(path) != 0 { throw Failure(path: path, operation: "remove", code: errno) }
        default:
            if unlink(path) != 0 { throw Failure(path: path, operation: "remove", code: errno) }
        }
    }

    /// Removes everything in the open folder `folder` (at `path`, for messages); the first
    /// failure, or nil. A build into an existing output folder removes the last output once
    /// the new one is in place (25,000 files and folders at 10,000 articles, half a second
    /// when each was looked at and removed by its whole path): here each entry is removed
    /// relative to its folder, what it is read from the listing, and the entries of a large
    /// folder (the articles') on every core.
    private static func removeContents(of folder: Int32, path: String) -> Failure? {
        let directory: OpaquePointer
        do {
            directory = try listing(of: folder, path: path)
        } catch {
            return error
        }
        // The names as bytes: one that is not UTF-8 is removed all the same.
        var entries: [(name: [CChar], type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { Array(UnsafeBufferPointer(start: $0, count: strlen($0) + 1)) }
            }
            if name == [0x2E, 0] || name == [0x2E, 0x2E, 0] { continue }  // . and ..
            entries.append((name, entry.pointee.d_type))
        }
        closedir(directory)
        @Sendable func removeEntry(_ entry: (name: [CChar], type: UInt8)) -> Failure? {
            let childPath = { path + "/" + String(decoding: entry.name.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            func failure() -> Failure {
                let code = errno
                return Failure(path: childPath(), operation: "remove", code: code)
            }
            var isFolder = Int32(entry.type) == Int32(DT_DIR)
            if Int32(entry.type) == Int32(DT_UNKNOWN) {
                var info = stat()
                guard fstatat(folder, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return failure() }
                isFolder = info.st_mode & S_IFMT == S_IFDIR
            }
            if !isFolder {
                if unlinkat(folder, entry.name, 0) == 0 { return nil }
                guard errno == EISDIR else { return failure() }
            }
            let child = openat(folder, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { return failure() }
            let inside = removeContents(of: child, path: childPath())
            close(child)
            if let inside { return inside }
            return unlinkat(folder, entry.name, AT_REMOVEDIR) == 0 ? nil : failure()
        }
        let failures = entries.count >= 64 ? Parallel.map(entries, removeEntry) : entries.map(removeEntry)
        return failures.lazy.compactMap { $0 }.first
    }

    /// Atomically exchanges two paths (Linux `renameat2` with `RENAME_EXCHANGE`); false when the
    /// file system does not support it.
    package static func exchange(_ first: String, _ second: String) throws(Failure) -> Bool {
        #if os(Linux)
        if bulletin_rename_exchange(first, second) == 0 { return true }
        if errno == EINVAL || errno == ENOSYS { return false }
        throw Failure(path: second, operation: "swap", code: errno)
        #else
        return false
        #endif
    }

    /// Renames a path.
    package static func rename(_ from: String, to: String) throws(Failure) {
        if Glibc.rename(from, to) != 0 { throw Failure(path: to, operation: "rename", code: errno) }
    }

    /// The current working directory.
    package static var currentDirectory: String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// An absolute version of a path, relative to the current directory.
    package static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : currentDirectory + "/" + path
    }
}
