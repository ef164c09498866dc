public import BulletinContent

/// A standalone page that is built.
public struct PublishedPage: Sendable {
    public package(set) var page: Page
    /// `<slug>/`, under `<lang>/` in a language other than the default.
    public let path: String
    /// Its translations: the index of the page in each other language that shares its
    /// `translationKey`.
    public let translations: [String: Int]
}
