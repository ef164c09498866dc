/// Identifiers that depend only on what they identify: the same on every build, on every
/// machine, wherever the site is published (RFC 9562 name-based UUIDs, version 5).
package enum StableID {
    /// `urn:uuid:…` for `name`, in Bulletin's namespace.
    package static func urn(_ name: String) -> String {
        "urn:uuid:" + uuid(name)
    }

    /// A version-5 UUID of `name` in Bulletin's namespace (itself the version-5 UUID of
    /// "bulletin" in the URL namespace).
    package static func uuid(_ name: String) -> String {
        format(uuid5(namespace: namespace, name: name))
    }

    private static let urlNamespace: [UInt8] = [
        0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8,
    ]
    private static let namespace: [UInt8] = uuid5(namespace: urlNamespace, name: "https://bulletin/")

    package static func uuid5(namespace: [UInt8], name: String) -> [UInt8] {
        var bytes = Array(SHA1.digest(namespace + Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return bytes
    }

    package static func format(_ bytes: [UInt8]) -> String {
        // Hex digits by table, dashes after bytes 4, 6, 8 and 10: every feed entry of a
        // large site has one, and a String per byte joined was most of its cost.
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 2 * bytes.count + 4) { out in
            var length = 0
            digits.withUTF8Buffer { digits in
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[length] = UInt8(ascii: "-")
                        length += 1
                    }
                    out[length] = digits[Int(byte >> 4)]
                    out[length + 1] = digits[Int(byte & 0x0F)]
                    length += 2
                }
            }
            return length
        }
    }
}

/// SHA-1 (FIPS 180-4), for name-based UUIDs only: not for anything secret.
package enum SHA1 {
    package static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        var data = message
        let bitLength = UInt64(message.count) * 8
        data.append(0x80)
        data += [UInt8](repeating: 0, count: (56 - data.count % 64 + 64) % 64)
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8((bitLength >> UInt64(shift)) & 0xFF)) }
        // The schedule on the stack, the blocks read through a pointer: names of feed
        // entries are hashed by the thousand.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            data.withUnsafeBufferPointer { data in
                for chunk in stride(from: 0, to: data.count, by: 64) {
                    for i in 0..<16 {
                        let j = chunk + i * 4
                        w[i] = UInt32(data[j]) << 24 | UInt32(data[j + 1]) << 16 | UInt32(data[j + 2]) << 8 | UInt32(data[j + 3])
                    }
                    for i in 16..<80 {
                        let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                        w[i] = (x << 1) | (x >> 31)
                    }
                    var (a, b, c, d, e) = h
                    for i in 0..<80 {
                        let (f, k): (UInt32, UInt32) = switch i {
                        case 0..<20: ((b & c) | (~b & d), 0x5A82_7999)
                        case 20..<40: (b ^ c ^ d, 0x6ED9_EBA1)
                        case 40..<60: ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                        default: (b ^ c ^ d, 0xCA62_C1D6)
                        }
                        let temp = ((a << 5) | (a >> 27)) &+ f &+ e &+ k &+ w[i]
                        e = d
                        d = c
                        c = (b << 30) | (b >> 2)
                        b = a
                        a = temp
                    }
                    h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
                }
            }
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(20)
        for value in [h.0, h.1, h.2, h.3, h.4] {
            digest += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
        }
        return digest
    }
}
