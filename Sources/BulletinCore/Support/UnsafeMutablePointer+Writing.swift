extension UnsafeMutablePointer where Pointee == UInt8 {
    /// Writes `text`'s bytes here and moves past them: the escapers write entities into room
    /// made for the worst case. (A method on the pointer, not a local function capturing it:
    /// a captured `var` is checked for exclusive access on every write.)
    @inline(__always)
    package mutating func write(_ text: StaticString) {
        initialize(from: text.utf8Start, count: text.utf8CodeUnitCount)
        self += text.utf8CodeUnitCount
    }
}
