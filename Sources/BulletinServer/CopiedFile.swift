#if canImport(Glibc)
import Glibc
#endif

/// Reads a copied file (`static/`, `assets/`) when it is served, only if it still resolves
/// to a regular file inside one of its folders: a file replaced by a symbolic link after the
/// site was loaded is not followed out.
enum CopiedFile {
    /// `roots` are the folders as named (`Content/static`, `Templates/assets`), looked at on
    /// every request: a folder made while serving counts, and a folder that is a symbolic
    /// link out of its parent (to `/etc`, say) does not.
    static func read(_ path: String, within roots: [String]) -> [UInt8]? {
        guard let resolved = realpath(path, nil) else { return nil }
        let real = String(cString: resolved)
        free(resolved)
        guard roots.compactMap(realRoot).contains(where: { real.hasPrefix($0 + "/") }) else { return nil }
        let descriptor = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return Array(bytes[..<filled])
    }

    /// A copied folder's real path; nil when it does not exist or leads out of the folder it
    /// is in (`Content/static` may be a link to `Content/.shared`, as the build allows, not
    /// to `/etc`).
    static func realRoot(_ path: String) -> String? {
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        guard let folder = realFolder(path), let parentFolder = realFolder(parent.isEmpty ? "." : parent),
              folder.hasPrefix(parentFolder == "/" ? "/" : parentFolder + "/")
        else { return nil }
        return folder
    }

    /// A folder's real path; nil when it does not exist.
    static func realFolder(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
