import BulletinCore

/// Text for XML: escaped for element content and attribute values, without
/// `ForbiddenCodePoints` (which include every character XML 1.0 forbids).
package enum XMLText {
    package static func escape(_ text: String) -> String {
        var text = ForbiddenCodePoints.removed(from: text)
        func needsEscape(_ byte: UInt8) -> Bool {
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
        }
        // On the string's own bytes, copying runs that need nothing at once: every article's
        // HTML goes through here for the Atom feeds.
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: needsEscape) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 64)
            var index = 0
            while index < bytes.count {
                guard needsEscape(bytes[index]) else {
                    var end = index + 1
                    while end < bytes.count, !needsEscape(bytes[end]) { end += 1 }
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    continue
                }
                switch bytes[index] {
                case 0x26: result += "&amp;".utf8
                case 0x3C: result += "&lt;".utf8
                case 0x3E: result += "&gt;".utf8
                case 0x22: result += "&quot;".utf8
                default: result += "&apos;".utf8
                }
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }
}
