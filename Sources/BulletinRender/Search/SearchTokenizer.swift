import BulletinCore

internal import Foundation

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
        var tokens: [String] = []
        var ascii: [UInt8] = []
        var other = String.UnicodeScalarView()
        // Words are found on the text as written; only a word with characters outside ASCII
        // goes through NFKC and lowercasing (ASCII needs neither, and bodies are mostly ASCII).
        func flush() {
            if !other.isEmpty {
                other.insert(contentsOf: String(decoding: ascii, as: UTF8.self).unicodeScalars, at: other.startIndex)
                add(String(other).precomposedStringWithCompatibilityMapping.lowercased(), to: &tokens)
                other.removeAll()
            } else if !ascii.isEmpty {
                tokens.append(String(decoding: ascii, as: UTF8.self))
            }
            ascii.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII && other.isEmpty {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): ascii.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): ascii.append(byte + 32)
                default: flush()
                }
            } else if isWordScalar(scalar) {
                other.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
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
        String(String.UnicodeScalarView(token.unicodeScalars.prefix(2))).utf8
            .map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
