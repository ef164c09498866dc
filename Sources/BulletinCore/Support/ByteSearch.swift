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
    package func offset(of byte: UInt8, from start: Int = 0, before end: Int? = nil) -> Int? {
        let end = Swift.min(end ?? count, count)
        guard let base = baseAddress, start < end,
              let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
