@testable import BulletinCore
import Testing

/// Finding a byte in a string's UTF-8: the same offset as reading the bytes one by one, for
/// small strings (kept inside the value) and large ones, within a limit or not.
@Suite struct ByteSearchTests {
    @Test func aByteIsFoundWhereTheUTF8HasIt() {
        let pieces = ["a", "#", "?", "한", "é", "/", "%"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            for byte in [UInt8(ascii: "#"), UInt8(ascii: "?"), 0xED, UInt8(ascii: "z")] {
                #expect(text.utf8Offset(of: byte) == bytes.firstIndex(of: byte), "\(text.debugDescription)")
                let end = Int.random(in: 0...bytes.count, using: &generator)
                #expect(text.utf8Offset(of: byte, before: end) == bytes[..<end].firstIndex(of: byte), "\(text.debugDescription) before \(end)")
            }
        }
    }
}
