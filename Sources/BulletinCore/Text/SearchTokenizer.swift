internal import Foundation

/// What takes the tokens of a text (`SearchTokenizer.forEachToken`), one at a time: the UTF-8
/// of each, valid during the call only.
package protocol TokenSink {
    mutating func take(_ token: UnsafeBufferPointer<UInt8>)
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
    /// during the call only). Words are found on the bytes as written; a word made of ASCII
    /// letters and digits alone (most words of most bodies) is lowercased in place, and only
    /// a word with characters outside ASCII goes through NFKC and lowercasing as a `String`.
    ///
    /// The tokens go to a sink, not a closure: the index's sink updates its word table for
    /// each of millions of tokens, and state a closure captured would be checked for
    /// exclusive access at run time on every one.
    package static func forEachToken<Sink: TokenSink>(in text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { bytes in
            var lowered = [UInt8](repeating: 0, count: 64)
            var runStart = -1
            var outsideASCII = false
            func endRun(at end: Int) {
                guard runStart >= 0 else { return }
                defer { runStart = -1; outsideASCII = false }
                if outsideASCII {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self)
                    var split: [String] = []
                    add(word.precomposedStringWithCompatibilityMapping.lowercased(), to: &split)
                    for var token in split { token.withUTF8 { sink.take($0) } }
                    return
                }
                let length = end - runStart
                if lowered.count < length { lowered = [UInt8](repeating: 0, count: length) }
                lowered.withUnsafeMutableBufferPointer { buffer in
                    for offset in 0..<length {
                        let byte = bytes[runStart + offset]
                        buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                    }
                    sink.take(UnsafeBufferPointer(rebasing: buffer[0..<length]))
                }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if isASCIIWordByte(byte) {
                        if runStart < 0 { runStart = index }
                    } else {
                        endRun(at: index)
                    }
                    index += 1
                    continue
                }
                // A scalar of two, three or four bytes (a String's UTF-8 is valid).
                let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                if isWordScalar(Unicode.Scalar(value)!) {
                    if runStart < 0 { runStart = index }
                    outsideASCII = true
                } else {
                    endRun(at: index)
                }
                index += length
            }
            endRun(at: bytes.count)
        }
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
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
