public import BulletinContent

/// One term of a taxonomy, or one dialogue series.
public struct Term: Sendable {
    /// The URL segment: the registry id, or the slug of the reference. The same in every
    /// language.
    public let id: String
    /// The name in the default language: the registry's `name`, or the first spelling.
    public let name: String
    public let short: String?
    /// The registry entry, when the term is registered.
    public package(set) var entry: RegistryEntry?
    /// The entry's translations (`<id>.<lang>.md`), by language.
    public package(set) var translations: [String: RegistryTranslation]
    /// `<taxonomy>/<id>/` (under `<lang>/` in other languages: `Routes.localized`).
    public let path: String
    /// Indices into `Site.articles` of the articles of every language using it, newest first.
    public let articles: [Int]
    /// The same, by language.
    public let articlesByLanguage: [String: [Int]]
    /// The languages it has a page in, in menu order: those of its articles; with one
    /// language, also a registered term no article uses (so that the registry can be browsed).
    public let languages: [String]

    /// The name in `lang`: that of `<id>.<lang>.md`, else `names.<lang>`, else `name`.
    public func name(in lang: String) -> String {
        translations[lang]?.name ?? entry?.names[lang] ?? name
    }

    /// Its names in other languages, by language: `names`, each overridden by the `name` of
    /// `<id>.<lang>.md` where one gives it (what `name(in:)` says for those languages).
    public var otherNames: [String: String] {
        var names = entry?.names ?? [:]
        for (lang, translation) in translations { if let name = translation.name { names[lang] = name } }
        return names
    }

    /// Every name it is known by, in every language: its name, short name, aliases, names
    /// and translations' names (a reader may search for 한국인터넷진흥원).
    public var searchNames: [String] {
        [name] + (short.map { [$0] } ?? []) + (entry?.aliases ?? []) + (entry?.names.values.sorted() ?? [])
            + translations.values.compactMap(\.name).sorted()
    }

    /// The articles of `lang` using it, newest first.
    public func articles(in lang: String) -> [Int] {
        articlesByLanguage[lang] ?? []
    }

    /// Whether it has a page in `lang`.
    public func exists(in lang: String) -> Bool {
        languages.contains(lang)
    }
}
