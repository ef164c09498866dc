/// Named fields for templates: string keys to values, with a lookup made for rendering.
///
/// The fields are kept in one array sorted by a hash of the key that templates compute once,
/// when they are parsed: a lookup compares integers (a short scan, or a binary search in a
/// large object) and compares strings only on a hash match. There is no per-process seed, so
/// the order, and with it equality, is the same in every run.
public struct TemplateObject: Sendable, Equatable {
    /// Sorted by hash, then key: one canonical order, so equal objects have equal arrays.
    private var entries: [Entry]

    struct Entry: Sendable, Equatable {
        let hash: UInt64
        let key: String
        var value: TemplateValue
    }

    /// An object with these fields.
    public init(_ fields: [String: TemplateValue] = [:]) {
        entries = fields.map { Entry(hash: TemplateKey.hash($0.key), key: $0.key, value: $0.value) }
        entries.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.key < $1.key }
    }

    /// The field's value, or nil when the object has no such field; setting nil removes it.
    public subscript(name: String) -> TemplateValue? {
        get {
            value(for: TemplateKey(name))
        }
        set {
            let hash = TemplateKey.hash(name)
            let index = insertionIndex(hash: hash, key: name)
            let present = index < entries.count && entries[index].hash == hash && entries[index].key == name
            switch (present, newValue) {
            case (true, let value?): entries[index].value = value
            case (true, nil): entries.remove(at: index)
            case (false, let value?): entries.insert(Entry(hash: hash, key: name, value: value), at: index)
            case (false, nil): break
            }
        }
    }

    /// The names of the fields, sorted.
    public var keys: [String] {
        entries.map(\.key).sorted()
    }

    /// The fields as a dictionary.
    public var fields: [String: TemplateValue] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
    }

    /// How many fields the object has.
    public var count: Int { entries.count }

    /// Whether the object has no fields.
    public var isEmpty: Bool { entries.isEmpty }

    /// Adds `other`'s fields; where both have a field, `other`'s value wins.
    public mutating func merge(_ other: TemplateObject) {
        for entry in other.entries { self[entry.key] = entry.value }
    }

    /// This object with `other`'s fields added; where both have a field, `other`'s value wins.
    public func merging(_ other: TemplateObject) -> TemplateObject {
        var result = self
        result.merge(other)
        return result
    }

    // MARK: - Lookup while rendering

    /// The value for a key whose hash was computed when the template was parsed.
    @inline(__always)
    func value(for key: TemplateKey) -> TemplateValue? {
        entries.withUnsafeBufferPointer { Self.entry(in: $0, for: key)?.pointee.value }
    }

    /// Where the fields are stored, for a render to search without copying the object (a
    /// copy costs a reference count, and a page's render looks up thousands of fields). The
    /// pointer leaves `withUnsafeBufferPointer` on purpose: it is valid while the array's
    /// storage is, that is while this object (or a copy sharing it) lives unchanged. The
    /// render takes it only of values that outlive their level of its stack (see
    /// `TemplateRenderer`), and nothing changes data while it is rendered.
    var storedFields: UnsafeBufferPointer<Entry> {
        entries.withUnsafeBufferPointer { $0 }
    }

    /// The field for a key in stored fields (none when the buffer has no address), or nil.
    @inline(__always)
    static func entry(in buffer: UnsafeBufferPointer<Entry>, for key: TemplateKey) -> UnsafePointer<Entry>? {
        guard let base = buffer.baseAddress else { return nil }
        // A page's objects have a handful of fields: a scan of their hashes is quicker than
        // a binary search's branches.
        if buffer.count <= 12 {
            for index in 0..<buffer.count where buffer[index].hash == key.hash && buffer[index].key == key.name {
                return base + index
            }
            return nil
        }
        var low = 0
        var high = buffer.count
        while low < high {
            let middle = (low + high) / 2
            if buffer[middle].hash < key.hash { low = middle + 1 } else { high = middle }
        }
        while low < buffer.count, buffer[low].hash == key.hash {
            if buffer[low].key == key.name { return base + low }
            low += 1
        }
        return nil
    }

    private func insertionIndex(hash: UInt64, key: String) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let entry = entries[middle]
            if entry.hash < hash || (entry.hash == hash && entry.key < key) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension TemplateValue {
    /// An object's fields where they are stored (`TemplateObject.storedFields`), read without
    /// copying the value; no fields, at no address, for any other value.
    var storedObjectFields: UnsafeBufferPointer<TemplateObject.Entry> {
        if case .object(let object) = self { return object.storedFields }
        return UnsafeBufferPointer(start: nil, count: 0)
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    /// An object with the literal's fields: `["title": "Hello", "count": 3]`; of a key given
    /// twice, the last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(fields: elements)
    }

    /// An object of `fields`, made at once: pages build tens of thousands of objects from
    /// literals, and setting their fields one at a time grew the array and shifted its
    /// entries for each.
    ///
    /// The fields are moved out of the literal's array, not copied: a copy counted a
    /// reference to each key and value, which the array, freed right after, let go of again.
    /// What is left in it to free is a placeholder with nothing to count. (An array shared
    /// with the caller is copied first by `withUnsafeMutableBufferPointer`, and keeps its
    /// fields.)
    init(fields: consuming [(String, TemplateValue)]) {
        var entries: [Entry] = []
        entries.reserveCapacity(fields.count)
        fields.withUnsafeMutableBufferPointer { fields in
            for index in fields.indices {
                let (key, value) = fields.moveElement(from: index)
                fields.initializeElement(at: index, to: ("", .bool(false)))
                entries.append(Entry(hash: TemplateKey.hash(key), key: key, value: value))
            }
        }
        // Insertion sort, stable: a handful of fields, and a key given twice keeps its order.
        // On the buffer, reading the hashes where they are: comparing entries copied them,
        // a reference count for each key and value at each step.
        entries.withUnsafeMutableBufferPointer { entries in
            for index in entries.indices.dropFirst() {
                var slot = index
                while slot > 0 {
                    let (hash, before) = (entries[slot].hash, entries[slot - 1].hash)
                    guard hash < before || (hash == before && entries[slot].key < entries[slot - 1].key) else { break }
                    entries.swapAt(slot, slot - 1)
                    slot -= 1
                }
            }
        }
        // Of equal keys, now side by side in the order given, the last stays.
        var index = entries.count - 1
        while index > 0 {
            if entries[index - 1].hash == entries[index].hash && entries[index - 1].key == entries[index].key {
                entries.remove(at: index - 1)
            }
            index -= 1
        }
        self.entries = entries
    }
}

/// A field name with its hash, computed once when a template is parsed.
struct TemplateKey: Sendable, Equatable {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        self.hash = Self.hash(name)
    }

    /// FNV-1a over the UTF-8 bytes: cheap for short names, and the same in every process.
    /// Pages' data sets fields by name at run time (hundreds of thousands of them in a large
    /// site), so the bytes are read where they are stored, not through the UTF-8 view's
    /// iterator.
    static func hash(_ name: String) -> UInt64 {
        if let hash = name.utf8.withContiguousStorageIfAvailable(hash(bytes:)) { return hash }
        return Array(name.utf8).withUnsafeBufferPointer(hash(bytes:))  // a bridged string
    }

    private static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
