internal import Foundation

/// What takes the tokens of a text (`SearchTokenizer.forEachToken`), one at a time: the UTF-8
/// of each, valid during the call only.
package protocol TokenSink {
    mutating func take(_ token: UnsafeBufferPointer<UInt8>)
    /// A token of one to seven ASCII letters and digits (most words), given also as one
    /// integer, its first byte lowest, zero past its end: a sink can hash and compare it
    /// without reading it again or asking how long it is. By default, `take(_:)`.
    mutating func take(short word: UInt64, _ token: UnsafeBufferPointer<UInt8>)
}

extension TokenSink {
    @inline(__always)
    package mutating func take(short word: UInt64, _ token: UnsafeBufferPointer<UInt8>) {
        take(token)
    }
}

/// The words of a text, as the search index stores them and as search.js splits a query:
/// the two must agree, so both follow these rules exactly.
///
/// 1. NFKC, then lowercase.
/// 2. Runs of letters, marks and digits (Unicode categories L, M, N) are words.
/// 3. A word with Hangul, Han, Hiragana or Katakana in it also gives every two-character
///    piece of it ("사이버정책" gives 사이, 이버, 버정, 정책), because Korean attaches
///    particles to words (한국과 = 한국 + 과) and a search for 한국 must find it.
package enum SearchTokenizer {
    package static func tokens(_ text: String) -> [String] {
        struct Collected: TokenSink {
            var tokens: [String] = []
            mutating func take(_ token: UnsafeBufferPointer<UInt8>) { tokens.append(String(decoding: token, as: UTF8.self)) }
        }
        var collected = Collected()
        forEachToken(in: text, into: &collected)
        return collected.tokens
    }

    /// Calls `body` with the UTF-8 of each token of `text`, in order (the buffer is valid
    /// during the call only). Words are found on the bytes as written. A word made of ASCII
    /// letters and digits and Hangul syllables alone (most words of most bodies, in either
    /// language) is lowercased as it is read: NFKC leaves both as they are, and lowercasing
    /// leaves Hangul. Only a word with other characters outside ASCII goes through NFKC and
    /// lowercasing as a `String`.
    ///
    /// The tokens go to a sink, not a closure: the index's sink updates its word table for
    /// each of millions of tokens, and state a closure captured would be checked for
    /// exclusive access at run time on every one.
    package static func forEachToken<Sink: TokenSink>(in text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { forEachToken(inUTF8: $0, into: &sink) }
    }

    /// The same, of text as UTF-8 (libcmark's text nodes, read where they are). A sequence
    /// cut short at the end is no word character.
    package static func forEachToken<Sink: TokenSink>(inUTF8 bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        // A word's lowercase is written here as it is read: no word is longer than the text.
        // Each byte read writes at most one (a Hangul syllable its own three, anything that
        // needs NFKC none), so a word's length never passes the index of the byte being
        // read, and an ASCII run's eight-byte store, made only where eight bytes of text are
        // left, stays within the text's length.
        // Eight bytes more than the text: a short word is stored as eight bytes at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 8) { lowered in
            let lowered = lowered.baseAddress!
            asciiWordBytes.withUnsafeBufferPointer { table in
                let table = table.baseAddress!
                var index = 0
                while index < count {
                    // Between words: one look-up a byte.
                    var kind = table[Int(base[index])]
                    if kind == 0 {
                        index += 1
                        continue
                    }
                    if kind == outsideASCII {
                        let (value, size) = scalar(at: index, in: base, count: count)
                        guard isWordScalar(value) else {
                            index += size
                            continue
                        }
                    }
                    // A word: up to the first byte, or scalar, that is not a letter, mark or digit.
                    let start = index
                    if kind != outsideASCII, index &+ 8 <= count {
                        // Most words: fewer than eight ASCII letters and digits, then a byte
                        // that ends the word (in the text: eight bytes are left), handed on as
                        // one integer, with no branch on their length.
                        let run = asciiRun(at: base + index)
                        if run.count < 8, table[Int(base[index &+ run.count])] == 0 {
                            let word = UInt64(littleEndian: run.lowered) & (UInt64.max >> (64 &- 8 &* UInt64(truncatingIfNeeded: run.count)))
                            UnsafeMutableRawPointer(lowered).storeBytes(of: word.littleEndian, as: UInt64.self)
                            index &+= run.count
                            sink.take(short: word, UnsafeBufferPointer(start: lowered, count: run.count))
                            continue
                        }
                    }
                    var length = 0
                    var syllables = 0
                    var needsNormalising = false
                    // One byte at a time, a few instructions each (most words are ASCII):
                    // counts cannot overflow (no word is longer than the text).
                    while true {
                        if kind == outsideASCII {
                            let (value, size) = scalar(at: index, in: base, count: count)
                            guard isWordScalar(value) else { break }
                            if isHangulSyllable(value) {
                                // Written as UTF-8 from its value (the same bytes, for valid text).
                                lowered[length] = 0xE0 | UInt8(truncatingIfNeeded: value >> 12)
                                lowered[length &+ 1] = 0x80 | UInt8(truncatingIfNeeded: value >> 6) & 0x3F
                                lowered[length &+ 2] = 0x80 | UInt8(truncatingIfNeeded: value) & 0x3F
                                length &+= 3
                                syllables &+= 1
                            } else {
                                needsNormalising = true
                            }
                            index &+= size
                        } else if index &+ 8 <= count {
                            // Eight bytes at a time: the ASCII letters and digits from here,
                            // lowercased, are stored at once, and the word goes on after them
                            // or stops at the first other byte (read again below).
                            let run = asciiRun(at: base + index)
                            UnsafeMutableRawPointer(lowered + length).storeBytes(of: run.lowered, as: UInt64.self)
                            length &+= run.count
                            index &+= run.count
                        } else {
                            lowered[length] = kind
                            length &+= 1
                            index &+= 1
                        }
                        guard index < count else { break }
                        kind = table[Int(base[index])]
                        if kind == 0 { break }
                    }
                    if needsNormalising {
                        let word = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
                        var split: [String] = []
                        add(word.precomposedStringWithCompatibilityMapping.lowercased(), to: &split)
                        for var token in split { token.withUTF8 { sink.take($0) } }
                    } else {
                        sink.take(UnsafeBufferPointer(start: lowered, count: length))
                        // Hangul is CJK: its two-character pieces follow (rule 3). The word
                        // holds ASCII bytes and three-byte syllables only.
                        // Each syllable is three bytes and one character.
                        let scalars = length - 2 * syllables
                        if syllables > 0, scalars > 2 {
                            var first = 0
                            var second = lowered[0] < 0x80 ? 1 : 3
                            for _ in 0..<(scalars - 1) {
                                let end = second + (lowered[second] < 0x80 ? 1 : 3)
                                sink.take(UnsafeBufferPointer(start: lowered + first, count: end - first))
                                first = second
                                second = end
                            }
                        }
                    }
                }
            }
        }
    }

    /// The ASCII letters and digits that begin the eight bytes at `bytes` (at least one: the
    /// first is one): how many, up to eight, and the eight bytes with those lowercased (in
    /// memory order; the bytes after the run are of no use).
    ///
    /// Each byte is classified on its own, with no carry from one byte into the next: a byte
    /// below 0x80 plus (0x80 - k) sets its high bit exactly when it is at least k.
    @inline(__always)
    static func asciiRun(at bytes: UnsafePointer<UInt8>) -> (count: Int, lowered: UInt64) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
        let low = word & ~highs
        /// The high bit of each byte of `x` (each below 0x80) that is at least `k`.
        @inline(__always) func atLeast(_ x: UInt64, _ k: UInt64) -> UInt64 {
            (x &+ ones &* (0x80 &- k)) & highs
        }
        // A letter is a byte that, with 0x20 set, is 'a' to 'z'; a digit is '0' to '9'.
        let folded = low | ones &* 0x20
        let letters = atLeast(folded, 0x61) & ~atLeast(folded, 0x7B)
        let digits = atLeast(low, 0x30) & ~atLeast(low, 0x3A)
        // Bytes outside ASCII end the run too: they are read a scalar at a time.
        let stops = ~(letters | digits) & highs | word & highs
        let count = stops == 0 ? 8 : stops.trailingZeroBitCount >> 3
        // 0x80 shifted right twice is 0x20, the bit that lowercases a letter.
        return (count, (word | letters >> 2).littleEndian)
    }

    /// Whether the scalar of this value is a word character: `isWordScalar(_:)`, answered
    /// without the Unicode tables for the Hangul syllables (all letters) and the General
    /// Punctuation block (dashes, quotes, spaces: none a letter, mark or digit), the commonest
    /// characters outside ASCII in the bulletin's text. A value that is no scalar (a
    /// surrogate, or too large) is none.
    @inline(__always)
    package static func isWordScalar(_ value: UInt32) -> Bool {
        if isHangulSyllable(value) { return true }
        if value >= 0x2000, value <= 0x206F { return false }
        return Unicode.Scalar(value).map(isWordScalar) ?? false
    }

    /// A precomposed Hangul syllable, U+AC00 가 to U+D7A3 힣: NFKC and lowercasing leave it
    /// as it is, and nothing before or after it in a word composes with it but a trailing
    /// jamo (U+11A8 and on), which takes the word through NFKC.
    @inline(__always)
    static func isHangulSyllable(_ value: UInt32) -> Bool {
        value >= 0xAC00 && value <= 0xD7A3
    }

    /// For each byte value: its lowercase when it is an ASCII letter or digit, `outsideASCII`
    /// when it begins or continues a scalar outside ASCII, 0 for anything else.
    private static let asciiWordBytes: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: UInt8(byte)
        case 0x41...0x5A: UInt8(byte + 0x20)
        case 0x80...: outsideASCII
        default: 0
        }
    }

    private static let outsideASCII: UInt8 = 0xFF

    /// The scalar whose UTF-8 begins at `index` (valid UTF-8: a String's, or libcmark's, which
    /// replaces what is not), and its length; a space for a sequence cut short by the end.
    @inline(__always)
    private static func scalar(at index: Int, in base: UnsafePointer<UInt8>, count: Int) -> (value: UInt32, length: Int) {
        let byte = base[index]
        let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        guard index + length <= count else { return (0x20, count - index) }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(base[index + offset] & 0x3F) }
        return (value, length)
    }

    /// The tokens of one normalised word (NFKC may split it).
    private static func add(_ word: String, to tokens: inout [String]) {
        var run: [Unicode.Scalar] = []
        func flush() {
            guard !run.isEmpty else { return }
            tokens.append(String(String.UnicodeScalarView(run)))
            if run.count > 2, run.contains(where: isCJK) {
                for start in 0..<(run.count - 1) {
                    tokens.append(String(String.UnicodeScalarView(run[start...(start + 1)])))
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in word.unicodeScalars {
            if isWordScalar(scalar) { run.append(scalar) } else { flush() }
        }
        flush()
    }

    package static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Hangul, Han, Hiragana and Katakana (the same ranges as search.js).
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3040...0x30FF, 0x3130...0x318F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F,
             0xAC00...0xD7AF, 0xF900...0xFAFF:
            true
        default:
            false
        }
    }

    /// The shard a token is stored in: its first two characters, as hex of their UTF-8.
    package static func shardKey(_ token: String) -> String {
        shardKey(Array(token.utf8)[...])
    }

    /// The same, of a token's UTF-8.
    package static func shardKey(_ token: ArraySlice<UInt8>) -> String {
        // The first two scalars: a scalar's first byte is any byte but a continuation byte.
        var end = token.startIndex
        var scalars = 0
        while end < token.endIndex {
            if token[end] & 0xC0 != 0x80 {
                if scalars == 2 { break }
                scalars += 1
            }
            end += 1
        }
        let digits = Array("0123456789abcdef".utf8)
        var key: [UInt8] = []
        key.reserveCapacity(2 * (end - token.startIndex))
        for byte in token[..<end] {
            key.append(digits[Int(byte >> 4)])
            key.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: key, as: UTF8.self)
    }
}
