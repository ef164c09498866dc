#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Array where Element == UInt8 {
    /// Whether the two hold the same bytes, compared with `memcmp`: `==` on arrays compares
    /// one element at a time, and the preview compares every page it renders again with the
    /// one it serves (megabytes for an edit of the site's description).
    package func hasSameBytes(as other: [UInt8]) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBytes { mine in
            other.withUnsafeBytes { theirs in
                guard let a = mine.baseAddress, let b = theirs.baseAddress, a != b else { return true }
                return memcmp(a, b, mine.count) == 0
            }
        }
    }
}
