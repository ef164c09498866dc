extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it.
    package func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }

    /// Ordering by Unicode code points, the order the contract uses for paths and slugs
    /// (Swift's `<` on strings compares canonically equivalent forms as equal).
    package func codePointPrecedes(_ other: String) -> Bool {
        // UTF-8 bytes sort as their code points do, and compare without decoding; on the
        // strings' own storage (sorting JSON keys, paths and names calls this millions of times).
        let onStorage = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right -> Bool in
                let common = Swift.min(left.count, right.count)
                var index = 0
                while index < common {
                    if left[index] != right[index] { return left[index] < right[index] }
                    index += 1
                }
                return left.count < right.count
            }
        }
        return (onStorage ?? nil) ?? utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// The path without the last extension of its last component (`a/x.md` -> `a/x`).
    package var deletingPathExtension: String {
        let name = lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return self }
        let folder = deletingLastPathComponent
        let stem = String(name[..<dot])
        return folder.isEmpty ? stem : folder + "/" + stem
    }

    /// The last path component.
    package var lastPathComponent: String {
        guard let slash = lastSlash else { return self }
        return String(self[utf8.index(after: slash)...])
    }

    /// Everything before the last path component, without the slash ("" for a bare name).
    package var deletingLastPathComponent: String {
        guard let slash = lastSlash else { return "" }
        return String(self[..<slash])
    }

    /// The last `/`, found by byte as the file system splits a path: a name may begin with a
    /// combining mark, which Characters would join to the slash (and it is quicker so, for
    /// the 15,000 paths a large site's collision check walks up).
    private var lastSlash: String.Index? {
        // On the string's own bytes: the UTF-8 view's backward walk checked each index.
        let offset = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var index = bytes.count
            while index > 0 {
                index -= 1
                if bytes[index] == UInt8(ascii: "/") { return index }
            }
            return nil
        }
        guard let offset else { return utf8.lastIndex(of: UInt8(ascii: "/")) }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}
