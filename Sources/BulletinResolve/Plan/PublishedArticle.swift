public import BulletinContent

/// An article that is built, with its URL and its resolved terms.
public struct PublishedArticle: Sendable {
    public package(set) var article: Article
    /// `articles/<slug>/`, under `<lang>/` in a language other than the default.
    public let path: String
    /// For each taxonomy (in `Site.taxonomies` order), the indices of this article's terms.
    public let terms: [[Int]]
    /// The index of its dialogue series in `Site.dialogues.terms`.
    public let dialogue: Int?
    /// Its translations: the index of the article in each other language that shares its
    /// `translationKey`.
    public let translations: [String: Int]
    /// For each of its chairs, the index of the chair's agency among the terms of the
    /// `agencies` taxonomy, when it is registered there.
    public let chairAgencies: [Int?]
}
