import BulletinCore

/// `text` escaped as a rule written plainly says: the forbidden code points left out, then
/// each scalar replaced by what `replacement` gives for it, or kept when it gives nil. The
/// escapers' tests (HTML, XML, JSON) compare their bytes with this.
func escapedPlainly(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var result = ""
    for scalar in ForbiddenCodePoints.removed(from: text).unicodeScalars {
        if let replaced = replacement(scalar) { result += replaced } else { result.unicodeScalars.append(scalar) }
    }
    return result
}
