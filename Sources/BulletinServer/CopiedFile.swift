#if canImport(Glibc)
import Glibc
#endif

/// Reads a copied file (`static/`, `assets/`) when it is served, only if it still resolves
/// to a regular file inside one of its folders: a file replaced by a symbolic link after the
/// site was loaded is not followed out.
enum CopiedFile {
    static func read(_ path: String, within roots: [String]) -> [UInt8]? {
        guard let resolved = realpath(path, nil) else { return nil }
        let real = String(cString: resolved)
        free(resolved)
        guard roots.contains(where: { real.hasPrefix($0 + "/") }) else { return nil }
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

    /// A folder's real path, for `read(_:within:)`; nil when it does not exist.
    static func realFolder(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
