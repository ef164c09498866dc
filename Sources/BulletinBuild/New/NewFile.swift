import BulletinCore
public import BulletinContent
import BulletinResolve
import BulletinOutput

internal import Foundation

/// `bulletin new`: a new article or registry entry, correctly named, with its front matter
/// filled in, that `bulletin check` accepts as it is.
public enum NewFile {
    /// What to create.
    public enum Request: Sendable {
        /// An article titled `title`, dated `date` (`YYYY-MM-DD`), optionally about a dialogue;
        /// in `lang` when given (nil: the site's default language).
        case article(title: String, date: String, dialogue: String?, slug: String?, lang: String? = nil)
        /// A registry entry of `taxonomy` (a taxonomy's name or `dialogues`).
        case term(taxonomy: String, name: String, id: String?)
    }

    /// A file to write: its path under the content folder and its text.
    public struct Draft: Sendable, Equatable {
        public let path: String
        public let text: String
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
        /// A value on the command line that can never work (an empty title, a date that is no
        /// day), as opposed to one that clashes with what the site has: exit status 2, not 1.
        public var isMisuse = true
    }

    /// The kind named on the command line (`article`, `agency`, `threats`, `dialogue`...) as
    /// a taxonomy name, or `article`; nil when the site has no such kind.
    public static func kind(_ word: String, config: SiteConfig) -> String? {
        let lower = word.lowercased()
        if lower == "article" || lower == "articles" { return "article" }
        if lower == "dialogue" || lower == "dialogues" { return "dialogues" }
        for taxonomy in config.taxonomies {
            if lower == taxonomy || Self.singular(taxonomy) == lower { return taxonomy }
        }
        return nil
    }

    /// "agencies" -> "agency", "threats" -> "threat".
    public static func singular(_ plural: String) -> String {
        if plural.hasSuffix("ies") { return String(plural.dropLast(3)) + "y" }
        if plural.hasSuffix("s") { return String(plural.dropLast()) }
        return plural
    }

    /// The file for `request`, checked against the site's content.
    /// `existing`: the paths of every file under the content folder (`agencies/kisa.md`), so
    /// that no suggested name is one a file already has.
    public static func draft(_ request: Request, content: ParsedContent, existing: Set<String> = []) throws(Failure) -> Draft {
        switch request {
        case .article(let title, let date, let dialogue, let slug, let lang):
            return try article(title: title, date: date, dialogue: dialogue, slug: slug, lang: lang, content: content)
        case .term(let taxonomy, let name, let id):
            return try term(taxonomy: taxonomy, name: name, id: id, content: content, existing: existing)
        }
    }

    // MARK: - Articles

    package static func article(
        title: String, date: String, dialogue: String?, slug explicit: String?, lang: String? = nil, content: ParsedContent
    ) throws(Failure) -> Draft {
        let title = title.trimmingWhitespace
        guard !title.isEmpty else { throw Failure(description: "the title is empty") }
        let config = content.config
        if let lang, !config.languages.contains(lang) {
            throw Failure(description: "'\(lang)' is not one of the site's languages (\(config.languages.joined(separator: ", "))); "
                + "add it to `languages` in site.yaml first")
        }
        // Another language's articles live in a folder of their own, as their URLs do.
        let otherLanguage = lang.flatMap { $0 == config.language ? nil : $0 }
        let parsedDate: ContentDate
        do {
            parsedDate = try ContentDate.parse(date)
        } catch {
            throw Failure(description: "--date must be a day such as 2025-05-20, not \"\(date)\"")
        }
        guard !parsedDate.hasTime else { throw Failure(description: "--date must be a day such as 2025-05-20, not \"\(date)\"") }

        let slug = explicit ?? Slug.make(from: title)
        // The file is `<slug>.md`, a name of at most 255 bytes.
        if slug.utf8.count + 3 > Slug.maximumBytes {
            let wide = slug.unicodeScalars.contains { $0.value >= 0x800 } ? " (a Hangul or CJK character takes 3)" : ""
            throw Failure(description: (explicit == nil ? "the title makes a slug of" : "the slug is")
                + " \(slug.utf8.count) bytes\(wide), too long for a file name (<slug>.md can have at most \(Slug.maximumBytes)); "
                + "give a shorter one with --slug, such as --slug \(Slug.shortened(slug))")
        }
        if let problem = Slug.problem(with: slug, reserved: content.config.reservedSlugs) {
            throw Failure(description: "\(problem.message); give another with --slug")
        }
        // A slug is an article's URL within its language: translations may share one.
        if let existing = content.articles.first(where: { $0.slug == slug && $0.lang == (lang ?? config.language) }) {
            throw Failure(description: "\(existing.path) already has the slug '\(slug)'; give another with --slug", isMisuse: false)
        }

        var lines = ["---", "title: \(yamlQuoted(title))", "date: \(parsedDate.isoDate)", "draft: true"]
        if let otherLanguage { lines.append("lang: \(otherLanguage)") }
        if let dialogue {
            lines.append("dialogue: \(yamlQuoted(try resolve(dialogue, in: "dialogues", content: content)))")
            lines.append("# session: 1")
        }
        lines.append("# location: Seoul")
        lines.append("# summary: One or two sentences for lists, feeds and search engines.")
        for taxonomy in content.config.taxonomies { lines.append("\(taxonomy): []") }
        lines += ["---", "", ""]
        let folder = otherLanguage.map { "articles/\($0)/" } ?? "articles/"
        return Draft(path: "\(folder)\(parsedDate.year)/\(slug).md", text: lines.joined(separator: "\n"))
    }

    /// The registry id a reference names, when the registry exists; the reference as given
    /// when it does not.
    package static func resolve(_ reference: String, in taxonomy: String, content: ParsedContent) throws(Failure) -> String {
        guard let entries = content.registries[taxonomy] else { return reference }
        let registry = TermRegistry(taxonomy: taxonomy, entries: entries, translations: content.registryTranslations[taxonomy] ?? [])
        if let index = registry.lookup(TermKey(reference)) { return registry.entries[index].id }
        let suggestions = registry.suggestions(for: TermKey(reference))
        throw Failure(description: "'\(reference)' is not in the \(taxonomy) registry"
            + (suggestions.isEmpty ? "; register it first with `bulletin new \(singular(taxonomy)) \"…\"`" : "; did you mean \(suggestions.joined(separator: " or "))?"))
    }

    // MARK: - Registry entries

    package static func term(
        taxonomy: String, name: String, id explicit: String?, content: ParsedContent, existing: Set<String>
    ) throws(Failure) -> Draft {
        let name = name.trimmingWhitespace
        guard !name.isEmpty else { throw Failure(description: "the name is empty") }
        let registry = TermRegistry(
            taxonomy: taxonomy, entries: content.registries[taxonomy] ?? [], translations: content.registryTranslations[taxonomy] ?? [])
        // Ids of entries, and of files that are there but did not parse: a suggestion is free.
        let taken = Set(registry.entries.map(\.id)).union(existing.compactMap { path in
            path.removingPrefix(taxonomy + "/").flatMap { $0.hasSuffix(".md") ? String($0.dropLast(3)) : nil }
        })
        let id: String
        if let explicit {
            guard RegistryEntry.isValidID(explicit) else {
                let suggestion = TermID.suggestion(for: explicit, taken: taken)
                throw Failure(description: "'\(explicit)' cannot be an id: ids are lowercase ASCII letters, digits and hyphens"
                    + (suggestion.map { ", such as --id \($0.id)" } ?? ""))
            }
            id = explicit
        } else {
            let ascii = TermID.ascii(from: name)
            if RegistryEntry.isValidID(ascii) {
                id = ascii
            } else if let (suggested, romanised) = TermID.suggestion(for: name, taken: taken) {
                throw Failure(description: "'\(name)' has no ASCII letters to make an id of; give one with --id, such as --id \(suggested)"
                    + (romanised ? " (romanised from the Hangul: check it, or use the English short name or acronym as the id)" : ""))
            } else {
                throw Failure(description: "'\(name)' has no ASCII letters to make an id of; give one with --id: lowercase ASCII letters, digits and hyphens, such as --id \(TermID.free("kisa", taken: taken))")
            }
        }
        if let index = registry.lookup(TermKey(name)) {
            throw Failure(description: "'\(name)' is already registered as \(taxonomy)/\(registry.entries[index].id).md", isMisuse: false)
        }
        if let index = registry.lookup(TermKey(id)) {
            let entry = registry.entries[index]
            throw Failure(
                description: entry.id == id
                    ? "the id '\(id)' is taken: \(taxonomy)/\(id).md is '\(entry.name)'; give '\(name)' another with --id, such as --id \(TermID.free(id, taken: taken))"
                    : "'\(id)', the id '\(name)' would get, already names \(taxonomy)/\(entry.id).md ('\(entry.name)'); give another with --id",
                isMisuse: false)
        }
        let lines = [
            "---", "name: \(yamlQuoted(name))", "# short: ABBR", "aliases: []", "# names:", "#   ko: 한국어 이름", "---", "", "",
        ]
        return Draft(path: "\(taxonomy)/\(id).md", text: lines.joined(separator: "\n"))
    }

    /// A double-quoted YAML string: any text, safely.
    package static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension String {
    package func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
