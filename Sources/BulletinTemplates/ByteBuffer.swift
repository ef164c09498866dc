/// The bytes of one render.
///
/// A render appends hundreds of short pieces (a tag's value, the text between tags); an
/// `Array`'s `append(contentsOf:)` checks uniqueness and capacity through generic code each
/// time, which cost more than the copying. Here an append is a capacity check and a `memcpy`.
/// Not copyable, so the memory has one owner, which frees it.
///
/// It may write into memory it is lent (an array's, being made: `Template.render(into:)`),
/// so that the bytes need not be copied out; outgrowing it, it moves them to memory of its
/// own (`isLent` then false).
struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// Whether the bytes are still in the memory the buffer was lent, which it does not free.
    private(set) var isLent = false

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 256)
        start = .allocate(capacity: self.capacity)
    }

    /// Writes into `memory` (uninitialised) until it is full.
    init(lending memory: UnsafeMutableBufferPointer<UInt8>) {
        start = memory.baseAddress!
        capacity = memory.count
        isLent = true
    }

    deinit {
        if !isLent { start.deallocate() }
    }

    /// The last byte written, if any.
    var last: UInt8? { count > 0 ? start[count - 1] : nil }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (start + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        start[count] = byte
        count += 1
    }

    /// Appends a literal's bytes: `append("true")`.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Reverses the bytes from `offset` to the end in place (digits are written backwards).
    mutating func reverse(from offset: Int) {
        var low = offset
        var high = count - 1
        while low < high {
            swap(&start[low], &start[high])
            low += 1
            high -= 1
        }
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = Swift.max(needed, capacity * 2)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.initialize(from: start, count: count)
        if !isLent { start.deallocate() }
        isLent = false
        start = newStart
        capacity = newCapacity
    }

    /// The bytes written, for reading.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: start, count: count))
    }
}
