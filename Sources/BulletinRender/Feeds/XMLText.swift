import BulletinCore

/// Text for XML: escaped for element content and attribute values, without
/// `ForbiddenCodePoints` (which include every character XML 1.0 forbids).
package enum XMLText {
    package static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text, apostrophe: "&apos;")
    }
}
