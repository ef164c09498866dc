public import BulletinCore
public import BulletinContent

/// `bulletin new article --lang ko --translation-of Content/articles/2025/x.md`: the
/// translation of an article, in the file a translator would make by hand
/// (`articles/ko/2025/x.md`, the original's slug), with the original's facts copied line for
/// line, so that the two cannot disagree from the start.
extension NewFile {
    /// A translation to create, and the original with `translationKey` added when it had none.
    public struct Translation: Sendable, Equatable {
        /// The new file.
        public let draft: Draft
        /// The original's whole new bytes, when it needs a `translationKey`; nil when it has one.
        public let original: (path: String, bytes: [UInt8])?

        public static func == (lhs: Translation, rhs: Translation) -> Bool {
            lhs.draft == rhs.draft && lhs.original?.path == rhs.original?.path && lhs.original?.bytes == rhs.original?.bytes
        }
    }

    /// What the translator must replace: the title stays the original's, behind this mark,
    /// until it is translated. The new file is a draft, and publishing it with the mark still
    /// there is a warning (BUL038).
    public static var untranslatedMark: String { Article.untranslatedMark }

    /// The front-matter keys a translation shares with its original: the facts of the meeting
    /// (`bulletin check` warns when translations disagree on them), besides each taxonomy.
    static let factKeys = ["date", "dialogue", "session", "location", "chairs", "documents"]

    /// The translation into `lang` of the article at `originalPath` (under the content folder,
    /// `articles/2025/x.md`). `files`: every file under the content folder, as loaded.
    public static func translation(
        of originalPath: String, lang: String, slug explicit: String?, content: ParsedContent, files: [SourceFile]
    ) throws(Failure) -> Translation {
        let config = content.config
        guard config.languages.contains(lang) else {
            throw Failure(description: "'\(lang)' is not one of the site's languages (\(config.languages.joined(separator: ", "))); "
                + "add it to `languages` in site.yaml first, or use --lang " + (config.languages.last ?? config.language))
        }
        guard originalPath.hasPrefix("articles/"), originalPath.hasSuffix(".md") else {
            throw Failure(description: "--translation-of takes an article's file, under the content folder's articles/ (such as Content/articles/2025/x.md), not \(originalPath)")
        }
        guard let file = files.first(where: { $0.path == originalPath }) else {
            throw Failure(description: "there is no article \(originalPath) to translate; give the path of its .md file, such as Content/articles/2025/x.md")
        }
        guard let original = content.articles.first(where: { $0.path == originalPath }) else {
            throw Failure(description: "\(file.displayPath) has errors, so its facts cannot be copied; fix them first (`bulletin check`)", isMisuse: false)
        }
        guard original.lang != lang else {
            throw Failure(description: "\(file.displayPath) is already in \(lang); translate it into another language, such as --lang "
                + (config.languages.first { $0 != lang } ?? config.language))
        }
        if let key = original.translationKey,
           let existing = content.articles.first(where: { $0.translationKey == key && $0.lang == lang }) {
            throw Failure(description: "\(existing.source.file) is already its translation in \(lang) (translationKey: \(key))", isMisuse: false)
        }

        let slug = explicit ?? original.slug
        if let problem = Slug.problem(with: slug, reserved: config.reservedSlugs) {
            throw Failure(description: "\(problem.message); give another with --slug")
        }
        if let clash = content.articles.first(where: { $0.slug == slug && $0.lang == lang }) {
            throw Failure(description: "\(clash.source.file) already has the slug '\(slug)' in \(lang); give another with --slug", isMisuse: false)
        }
        let path = "articles/\(lang)/\(original.date.year)/\(slug).md"
        if files.contains(where: { $0.path == path }) {
            throw Failure(description: "\(path) already exists; Bulletin never overwrites a file", isMisuse: false)
        }

        // The original's key, or a new one: its slug, unless another article has that already.
        var key = original.translationKey ?? original.slug
        var updatedOriginal: (path: String, bytes: [UInt8])?
        if original.translationKey == nil {
            let taken = Set(content.articles.compactMap(\.translationKey))
            var number = 2
            while taken.contains(key) {
                key = "\(original.slug)-\(number)"
                number += 1
            }
            guard let bytes = FrontMatterEdit.adding(line: "translationKey: \(plainOrQuoted(key))", to: file.bytes) else {
                throw Failure(description: "\(file.displayPath) has no front matter to add `translationKey` to", isMisuse: false)
            }
            updatedOriginal = (file.displayPath, bytes)
        }

        var lines = [
            "---",
            "title: \(yamlQuoted(untranslatedMark + original.title))",
            "# Translate the title into \(lang), and the body below; the facts under `translationKey` are the original's.",
            "draft: true",
            "lang: \(lang)",
            "translationKey: \(plainOrQuoted(key))",
        ]
        let blocks = FrontMatterEdit.blocks(of: original.frontMatter)
        let shared = Set(factKeys + config.taxonomies)
        for block in blocks where shared.contains(block.key) { lines += block.lines }
        lines += ["---", "", ""]
        return Translation(draft: Draft(path: path, text: lines.joined(separator: "\n")), original: updatedOriginal)
    }

    /// A key as a plain YAML scalar when it is a slug that YAML reads as text, else quoted.
    static func plainOrQuoted(_ text: String) -> String {
        let isPlainSlug = text.first?.isLetter == true
            && text.unicodeScalars.allSatisfy { $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        let yamlWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"]
        return isPlainSlug && !yamlWords.contains(text.lowercased()) ? text : yamlQuoted(text)
    }
}
