#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `byte` first is from `start` on (before `end`, when given), found by `memchr`,
    /// which reads many bytes at a time: sources, bodies and their HTML are searched for one
    /// byte on every build (NUL, CR, line feeds, `<`, `^`), where a loop over the bytes
    /// showed in the profile.
    @usableFromInline
    package func offset(of byte: UInt8, from start: Int = 0, before end: Int? = nil) -> Int? {
        let end = Swift.min(end ?? count, count)
        guard let base = baseAddress, start < end,
              let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}

extension String {
    /// Where `byte` first is in the string's UTF-8 (before the offset `end`, when given):
    /// found by `memchr` on the stored bytes; through the UTF-8 view for a string that does not
    /// store them so (one bridged from Foundation on Darwin; on Linux every String stores its
    /// UTF-8, so that path is not taken there). The UTF-8 view's own `firstIndex(of:)`
    /// steps through its indices, a few dozen instructions a byte (every link of every body
    /// is split at its `#` and `?`).
    package func utf8Offset(of byte: UInt8, before end: Int? = nil) -> Int? {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.offset(of: byte, before: end) }) { return found }
        let limit = end ?? Int.max
        for (offset, candidate) in utf8.enumerated() {
            if offset >= limit { break }
            if candidate == byte { return offset }
        }
        return nil
    }
}
