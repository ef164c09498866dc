import CByteScan

/// A JSON value with a deterministic, fast serialisation: object keys sorted by code point,
/// `<` written as `\u003c` so that the text can sit inside an HTML `<script>` element, and
/// `ForbiddenCodePoints` left out. Foundation's JSONSerialization was a sixth of the
/// build's time on 10,000 articles.
package enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case integer(Int)
    case bool(Bool)
    /// A value that is absent on purpose (a session without a number in the open data).
    case null
    case array([JSONValue])
    case object(JSONObject)
    /// A value already written by `write(to:)`, copied as it is: a part many documents
    /// share (a term as every article about it lists it), written once.
    case written([UInt8])

    package init(stringLiteral value: String) { self = .string(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(fields: elements))
    }

    package var encoded: String {
        var output: [UInt8] = []
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The value's JSON appended to `output`, as UTF-8.
    package func write(to output: inout [UInt8]) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .integer(let number): output += String(number).utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .null: output += "null".utf8
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let fields):
            Self.writeObject(fields, to: &output)
        case .written(let bytes):
            output += bytes
        }
    }

    /// An object of `fields`, and `extra` when given (replacing a field of its name), keys
    /// sorted: the same as `.object` of the fields with `extra` set, without copying them
    /// into another object first (every page's JSON-LD adds its `@context` so).
    package static func writeObject(_ fields: JSONObject, adding extra: (key: String, value: JSONValue)? = nil, to output: inout [UInt8]) {
        let replaced = extra.flatMap { extra in fields.entries.firstIndex { $0.key == extra.key } }
        fields.entries.withUnsafeBufferPointer { stored in
            // The fields' places in key order, sorted by insertion: a handful of fields, and
            // only their places move. Each key's first eight bytes are read once, as a number
            // that orders as they do; keys are compared whole only where those are the same.
            // (Comparing the keys themselves at each step read them again each time: most
            // are small strings, copied out of the value to be read.)
            let count = stored.count
            withUnsafeTemporaryAllocation(of: (prefix: UInt64, place: Int).self, capacity: count + 1) { order in
                var sorted = 0
                func key(_ place: Int) -> String { place == count ? extra!.key : stored[place].key }
                func precedes(_ a: (prefix: UInt64, place: Int), _ b: (prefix: UInt64, place: Int)) -> Bool {
                    a.prefix != b.prefix ? a.prefix < b.prefix : key(a.place).codePointPrecedes(key(b.place))
                }
                for place in 0...count where place < count ? place != replaced : extra != nil {
                    let entry = (prefix: Self.orderingPrefix(key(place)), place: place)
                    var slot = sorted
                    while slot > 0, precedes(entry, order[slot - 1]) {
                        order[slot] = order[slot - 1]
                        slot -= 1
                    }
                    order[slot] = entry
                    sorted += 1
                }
                output.append(UInt8(ascii: "{"))
                for index in 0..<sorted {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    let place = order[index].place
                    writeString(key(place), to: &output)
                    output.append(UInt8(ascii: ":"))
                    if place == count { extra!.value.write(to: &output) } else { stored[place].value.write(to: &output) }
                }
                output.append(UInt8(ascii: "}"))
            }
        }
    }

    /// The first eight UTF-8 bytes of `key`, big-endian, zeros after a shorter key: two keys
    /// whose numbers differ are in code-point order as their numbers are (a key that ends
    /// sooner has a zero where the other has a byte, and precedes it; only a key with a NUL
    /// ties with a shorter one, and ties are compared whole).
    @inline(__always)
    static func orderingPrefix(_ key: String) -> UInt64 {
        func prefix(_ bytes: some Sequence<UInt8>) -> UInt64 {
            var value: UInt64 = 0
            var taken = 0
            for byte in bytes {
                guard taken < 8 else { break }
                value |= UInt64(byte) << (56 - 8 * taken)
                taken += 1
            }
            return value
        }
        return key.utf8.withContiguousStorageIfAvailable { prefix($0) } ?? prefix(key.utf8)
    }

    package static func writeString(_ text: String, to output: inout String) {
        var bytes: [UInt8] = []
        writeString(text, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string literal of `text`, appended to `output` as UTF-8.
    package static func writeString(_ text: String, to output: inout [UInt8]) {
        // JSON-LD sits in HTML: the same code points are left out as everywhere else. Most
        // texts have none, and are escaped from where they are stored (a page's JSON-LD has
        // dozens of strings; a copy of each without them was made first).
        let written = text.utf8.withContiguousStorageIfAvailable { bytes in
            // Most strings (keys, names, URLs) have nothing to escape or leave out: copied
            // between their quotes after one scan, without a buffer for the worst case (with
            // it, a string of a few bytes cost 500 instructions).
            if let base = bytes.baseAddress, bulletin_json_plain(base, bytes.count) != 0 {
                output.append(UInt8(ascii: "\""))
                output.append(contentsOf: bytes)
                output.append(UInt8(ascii: "\""))
                return true
            }
            guard !ForbiddenCodePoints.mayContain(bytes) else { return false }
            writeEscaped(bytes, to: &output)
            return true
        }
        guard written != true else { return }
        var text = ForbiddenCodePoints.removed(from: text)
        text.withUTF8 { writeEscaped($0, to: &output) }
    }

    /// The same, of valid UTF-8 (a feed's content, made as bytes from Strings).
    package static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard !ForbiddenCodePoints.mayContain(bytes) else {
            // Rare (a body holding a C1 control or a noncharacter): left out as for a String.
            writeString(String(decoding: bytes, as: UTF8.self), to: &output)
            return
        }
        writeEscaped(bytes, to: &output)
    }

    /// A JSON string literal of bytes with no forbidden code points. Every character escaped
    /// here is ASCII (the only controls left are tab, line feed and carriage return), or
    /// U+2028/2029 (E2 80 A8/A9), recognised by its encoding.
    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        ByteEscaper.append(bytes, to: &output, maximumGrowth: 6, nextSpecial: bulletin_next_json_special) { bytes, index, out in
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""): out.write("\\\"")
            case UInt8(ascii: "\\"): out.write("\\\\")
            case UInt8(ascii: "\n"): out.write("\\n")
            case UInt8(ascii: "\r"): out.write("\\r")
            case UInt8(ascii: "\t"): out.write("\\t")
            case UInt8(ascii: "<"): out.write("\\u003c")
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out.write(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                return 3
            default:
                out.write(byte)
            }
            return 1
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// A JSON object's fields, in the order they were first set, written with their keys sorted
/// by code point (`JSONValue.write(to:)`). An object has a handful of fields: kept in an
/// array, not a hash table. Every page's JSON-LD, feed entry and open-data record made
/// dictionaries, hashing each key once to store it and again to copy it out, only to sort
/// the keys when written.
package struct JSONObject: Sendable, ExpressibleByDictionaryLiteral {
    fileprivate var entries: [(key: String, value: JSONValue)] = []

    package init() {}

    /// The fields of `dictionary`.
    package init(_ dictionary: [String: JSONValue]) {
        entries = dictionary.map { ($0.key, $0.value) }
    }

    /// An object with the literal's fields. A key given twice is a mistake in the code (a
    /// Dictionary literal stopped the program on it): caught in debug builds; the last value
    /// stays.
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        assert(Set(elements.map(\.0)).count == elements.count, "a key is given twice in \(elements.map(\.0))")
        self.init(fields: elements)
    }

    /// An object of `fields`, in their order; of a key given twice, the last value (in the
    /// first one's place).
    package init(fields: [(String, JSONValue)]) {
        entries.reserveCapacity(fields.count)
        for (key, value) in fields { self[key] = value }
    }

    /// The field's value, or nil; setting a value replaces the field's (in its place), setting
    /// nil removes it.
    package subscript(key: String) -> JSONValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            let place = entries.firstIndex { $0.key == key }
            switch (place, newValue) {
            case (let place?, let value?): entries[place].value = value
            case (let place?, nil): entries.remove(at: place)
            case (nil, let value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    package var isEmpty: Bool { entries.isEmpty }
    package var count: Int { entries.count }
}
