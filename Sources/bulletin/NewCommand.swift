import ArgumentParser
import BulletinCore
import BulletinContent
import BulletinBuild
import BulletinOutput

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `bulletin new`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an article or a registry entry with its front matter filled in.",
        discussion: """
            bulletin new article "Korea and the EU resume their dialogue" --dialogue "ROK–EU Cyber Policy Consultation"
            bulletin new agency "Korea Internet & Security Agency" --id kisa
            bulletin new framework|threat|dialogue "Name"
            bulletin new article --lang ko --translation-of Content/articles/2025/x.md

            A new article is a draft (draft: true) in Content/articles/<year>/<slug>.md; remove \
            the line when it is ready. A registry entry is Content/<taxonomy>/<id>.md. Nothing \
            is ever overwritten. The path of the new file is printed.

            A translation (--translation-of) is Content/articles/<lang>/<year>/<slug>.md, a \
            draft with the original's date, dialogue, session, location, terms, chairs and \
            documents, its translationKey, and the original's title marked TRANSLATE: to be \
            replaced. An original without a translationKey gets one (its slug), in one line \
            added to its front matter.
            """)

    @Argument(help: "article, agency, framework, threat, dialogue (or a taxonomy of site.yaml).")
    var kind: String

    @Argument(help: "The article's title, or the term's name (a translation's comes from its original).")
    var title: String?

    @Option(name: .customLong("content"), help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "Content"

    @Option(help: ArgumentHelp("The article's date (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: ArgumentHelp("The dialogue series the article reports on.", valueName: "ref"))
    var dialogue: String?

    @Option(help: ArgumentHelp("The article's slug (default: from the title).", valueName: "slug"))
    var slug: String?

    @Option(help: ArgumentHelp("The term's id and file name (default: from the name).", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("The article's language, one of site.yaml's `languages` (default: the site's language).", valueName: "lang"))
    var lang: String?

    @Option(
        name: .customLong("translation-of"),
        help: ArgumentHelp("Make a translation of this article (its .md file), in --lang.", valueName: "file"))
    var translationOf: String?

    func run() throws {
        let options = BuildOptions(contentPath: content, now: try BuildClock.now())
        if let problem = options.misuse(checkingOutput: false), problem.hasPrefix("--content") {
            throw ValidationError(problem)
        }
        let (tree, _) = SiteLoader.load(contentPath: content, templatesPath: nil)
        let (parsed, _) = ContentParser.parse(tree, baseURLOverride: nil)
        guard let kind = NewFile.kind(self.kind, config: parsed.config) else {
            throw ValidationError("unknown kind '\(self.kind)': use article, \(parsed.config.taxonomies.map(NewFile.singular).joined(separator: ", ")) or dialogue")
        }
        if kind != "article" && (date != nil || dialogue != nil || slug != nil) {
            throw ValidationError("--date, --dialogue and --slug are for articles")
        }
        if kind == "article" && id != nil {
            throw ValidationError("--id is for registry entries")
        }
        if kind != "article" && (lang != nil || translationOf != nil) {
            throw ValidationError("--lang and --translation-of are for articles")
        }
        if let translationOf {
            if date != nil || dialogue != nil {
                throw ValidationError("--date and --dialogue come from the original of a translation; leave them out")
            }
            if title != nil {
                throw ValidationError("a translation's title comes from its original, to be translated in the new file; leave it out")
            }
            try translate(translationOf, tree: tree, content: parsed)
            return
        }
        guard let title else {
            throw ValidationError("give the \(kind == "article" ? "article's title" : "name"), such as bulletin new \(self.kind) \"\(kind == "article" ? "Talks resume in Seoul" : "Korea Internet & Security Agency")\"")
        }
        let request: NewFile.Request = kind == "article"
            ? .article(title: title, date: date ?? ContentDate(secondsSinceEpoch: options.now).isoDate, dialogue: dialogue, slug: slug, lang: lang)
            : .term(taxonomy: kind, name: title, id: id)
        let draft: NewFile.Draft
        do {
            draft = try NewFile.draft(request, content: parsed, existing: Set(tree.content.map(\.path)))
        } catch where error.isMisuse {
            // An empty title, a date that is no day, an unknown dialogue: exit status 2.
            throw ValidationError(error.description)
        } catch {
            // A slug or name the site already has: nothing wrong with the command as such.
            FileHandleLite.standardError.write("error: \(error.description)\n")
            throw ExitCode.failure
        }
        let path = SiteLoader.displayRoot(content) + "/" + draft.path
        do {
            try NewFileWriter.create(path, text: draft.text)
        } catch {
            FileHandleLite.standardError.write("error: \(error.description)\n")
            throw ExitCode.failure
        }
        print(path)
    }

    /// `--translation-of`: writes the original's new `translationKey` (when it had none) first,
    /// then the translation, so that a failure leaves no translation that its original
    /// does not know.
    private func translate(_ original: String, tree: SourceTree, content parsed: ParsedContent) throws {
        let root = SiteLoader.displayRoot(content)
        // The path as given from here (Content/articles/x.md), or under the content folder.
        var relative = original
        if let folder = Self.realPath(content), let file = Self.realPath(original), file.hasPrefix(folder + "/") {
            relative = String(file.dropFirst(folder.count + 1))  // an absolute path, or through a link
        } else {
            while relative.hasPrefix("./") { relative.removeFirst(2) }
            let prefix = root.hasPrefix("./") ? String(root.dropFirst(2)) + "/" : root + "/"
            if relative.hasPrefix(prefix) { relative.removeFirst(prefix.count) }
        }
        let languages = parsed.config.languages
        guard let lang = lang ?? (languages.count == 2 ? languages.first { $0 != parsed.articles.first { $0.path == relative }?.lang } : nil) else {
            throw ValidationError("give the translation's language with --lang, one of \(languages.joined(separator: ", "))")
        }
        let translation: NewFile.Translation
        do {
            translation = try NewFile.translation(of: relative, lang: lang, slug: slug, content: parsed, files: tree.content)
        } catch where error.isMisuse {
            throw ValidationError(error.description)
        } catch {
            FileHandleLite.standardError.write("error: \(error.description)\n")
            throw ExitCode.failure
        }
        let path = root + "/" + translation.draft.path
        do {
            if let updated = translation.original {
                try NewFileWriter.replace(updated.path, bytes: updated.bytes)
            }
            try NewFileWriter.create(path, text: translation.draft.text)
        } catch {
            FileHandleLite.standardError.write("error: \(error.description)\n")
            throw ExitCode.failure
        }
        print(path)
    }

    /// The path with every link and `..` resolved; nil when nothing is there.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Creates a new file, refusing to replace one.
enum NewFileWriter {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func create(_ path: String, text: String) throws(Failure) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !folder.isEmpty { makeFolders(folder) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(description: errno == EEXIST
                ? "\(path) already exists; Bulletin never overwrites a file"
                : "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var text = text
        let written = text.withUTF8 { write(descriptor, $0.baseAddress, $0.count) }
        guard written == text.utf8.count else { throw Failure(description: "cannot write \(path)") }
    }

    /// Replaces the file at `path` with `bytes` in one step (a new file renamed over it, with
    /// the permissions an editor's new file gets), so that it is never seen half-written.
    static func replace(_ path: String, bytes: [UInt8]) throws(Failure) {
        let temporary = path + ".bulletin-new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Failure(description: "cannot write \(path)")
        }
    }

    private static func makeFolders(_ folder: String) {
        var current = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o755)
        }
    }
}
