internal import Foundation

/// A taxonomy (or the dialogue series) with all of its terms.
public struct Taxonomy: Sendable {
    public let name: String
    /// `<name>/` (under `<lang>/` in other languages: `Routes.localized`).
    public let path: String
    /// Whether `Content/<name>/` exists.
    public let hasRegistry: Bool
    /// Every term: the registered ones and those only referenced; by name, then id.
    public package(set) var terms: [Term]
}

extension Taxonomy {
    /// "agencies" -> "Agencies", "counter-terrorism" -> "Counter terrorism": a heading for a
    /// taxonomy that the theme's language strings do not name.
    public var title: String {
        let words = name.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
