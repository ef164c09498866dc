import BulletinCore
import Testing

/// The quick look for code points no output may carry reads sixteen bytes at a time; it must
/// never miss one, wherever it sits in the word, and the text must come out without them.
@Suite struct ForbiddenCodePointsTests {
    /// One of each kind: C0 controls, DEL, C1 controls, noncharacters in the BMP and beyond.
    /// (By number: Swift refuses some noncharacters in literals.)
    static let forbidden: [Unicode.Scalar] = [
        0x0, 0x1, 0x8, 0xB, 0xC, 0x1F, 0x7F, 0x80, 0x9F, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF,
    ].map { Unicode.Scalar(UInt32($0))! }

    private func mayContain(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer(ForbiddenCodePoints.mayContain)
    }

    @Test func everyForbiddenCodePointIsFoundAtEveryPositionOfAWord() {
        for scalar in Self.forbidden {
            for before in 0..<40 {
                for after in [0, 1, 7, 8, 13, 16, 17] {
                    let text = String(repeating: "a", count: before) + String(scalar) + String(repeating: "b", count: after)
                    #expect(mayContain(text), "U+\(String(scalar.value, radix: 16)) after \(before) bytes")
                    // Beside allowed white space, which the vector test sets aside exactly.
                    for space in ["\n", "\t", "\r"] {
                        let spaced = String(repeating: space, count: before) + String(scalar) + String(repeating: space, count: after)
                        #expect(mayContain(spaced), "U+\(String(scalar.value, radix: 16)) after \(before) of \(space.debugDescription)")
                    }
                    #expect(
                        ForbiddenCodePoints.removed(from: text)
                            == String(repeating: "a", count: before) + String(repeating: "b", count: after))
                }
            }
        }
    }

    @Test func allowedTextIsLeftAsItIs() {
        let texts = [
            "", "plain ASCII text, long enough for several words of eight bytes.",
            "tab\there, line\nfeed and carriage\r\nreturn",
            "제7차 한-EU 사이버정책대화 — “quotes” – dashes, 中文, émigré",
            "near misses: \u{A0}nbsp, \u{FDCF}, \u{FDF0}, \u{FFFD}, \u{FF01}, 😀 \u{1F600}, \u{10FFFD}",
        ]
        for text in texts {
            #expect(ForbiddenCodePoints.removed(from: text) == text)
        }
        #expect(!mayContain(texts[0]) && !mayContain(texts[1]) && !mayContain(texts[2]) && !mayContain(texts[3]))
    }

    /// Sixteen bytes at a time and byte at a time agree on seeded random bytes of every kind.
    @Test func theVectorTestAgreesWithTheByteTest() {
        var generator = SplitMix64(seed: 0x5EED)
        // 0x0B and 0x0C beside 0x0A: a control one above an allowed line feed, where a
        // borrowing comparison would take the one for the other.
        let pool: [UInt8] = [
            0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0xA0, 0xC1, 0xC2, 0xC3, 0xE2, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 70)
            // Mostly harmless letters, so that a word with one suspect is common.
            let bytes = (0..<count).map { _ in
                generator.next() % 6 == 0 ? pool[Int(generator.next() % UInt64(pool.count))] : UInt8(0x61 + generator.next() % 26)
            }
            let byByte = bytes.contains(where: ForbiddenCodePoints.mayStart)
            #expect(bytes.withUnsafeBufferPointer(ForbiddenCodePoints.mayContain) == byByte, "\(bytes)")
        }
    }
}
