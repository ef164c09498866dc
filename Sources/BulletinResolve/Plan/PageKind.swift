/// The kinds of page, each rendered by the template of its name (`Templates/<name>.mustache`),
/// counted under its own heading in the build's closing line, and marking its section in the
/// navigation.
public enum PageKind: String, Sendable, Hashable, CaseIterable {
    case home
    case articles
    case article
    case taxonomy
    case term
    case dialogues
    case dialogue
    case page
    case search
    /// `/archive/`: the years, with their article counts.
    case archive
    /// `/archive/<year>/`: one year's articles under a heading per month.
    case archiveYear = "archive-year"
    case notFound = "404"

    /// The template that renders it: `article` for `article.mustache`.
    public var templateName: String { rawValue }

    /// The page templates every theme must have (the contract's ten); the others Bulletin
    /// carries itself, so that a theme made before them still builds.
    public static var requiredTemplates: [PageKind] {
        allCases.filter { ![.search, .archive, .archiveYear].contains($0) }
    }
}
