/// The loop the byte escapers share (HTML and XML text, JSON strings): runs of bytes that
/// need nothing are copied at once, each other byte is handed to the escaper, and all of it
/// is written through a pointer into room for the worst case, then appended to the output
/// once. In a body's HTML a `<`, `>` or `"` comes every few bytes, and appending each
/// replacement to the array cost more than the rest of the loop.
enum ByteEscaper {
    /// Appends `bytes`, escaped, to `output`. `nextSpecial(start, count)` tells where, in
    /// the `count` bytes at `start`, the first byte is that needs work (`count` when none
    /// does): a scan of sixteen bytes at a time (`CByteScan`), the runs between copied as
    /// they are. Those bytes go to `escape`, which writes their replacement at `out`
    /// (`out.write(_:)`) and returns how many bytes from `index` it took; it writes at most
    /// `maximumGrowth` bytes for each byte it takes.
    @inline(__always)
    static func append(
        _ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], maximumGrowth: Int,
        nextSpecial: (_ start: UnsafePointer<UInt8>, _ count: Int) -> Int,
        escape: (_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ out: inout UnsafeMutablePointer<UInt8>) -> Int
    ) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = bytes.count
        // On the stack for the many short texts (titles, names), on the heap for a body.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * maximumGrowth) { buffer in
            var out = buffer.baseAddress!
            var index = 0
            var copied = 0  // the bytes before this one are dealt with
            while true {
                index += nextSpecial(base + index, count - index)
                guard index < count else { break }
                out.initialize(from: base + copied, count: index - copied)
                out += index - copied
                index += escape(bytes, index, &out)
                copied = index
            }
            out.initialize(from: base + copied, count: count - copied)
            out += count - copied
            output.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: out - buffer.baseAddress!))
        }
    }
}

extension UnsafeMutablePointer where Pointee == UInt8 {
    /// Writes `text`'s bytes here and moves past them: an escaper's replacement. (A method on
    /// the pointer, not a local function capturing it: a captured `var` is checked for
    /// exclusive access on every write.)
    @inline(__always)
    mutating func write(_ text: StaticString) {
        initialize(from: text.utf8Start, count: text.utf8CodeUnitCount)
        self += text.utf8CodeUnitCount
    }

    /// Writes one byte here and moves past it.
    @inline(__always)
    mutating func write(_ byte: UInt8) {
        initialize(to: byte)
        self += 1
    }
}
