import BulletinCore

/// Text for XML: escaped for element content and attribute values, without
/// `ForbiddenCodePoints` (which include every character XML 1.0 forbids).
package enum XMLText {
    package static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text, apostrophe: "&apos;")
    }

    /// The same, of valid UTF-8, appended to `output`.
    package static func append(escaping bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        HTMLEscaping.append(escaping: bytes, apostrophe: "&apos;", to: &output)
    }
}
