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

            A new article is a draft (draft: true) in Content/articles/<year>/<slug>.md; remove \
            the line when it is ready. A registry entry is Content/<taxonomy>/<id>.md. Nothing \
            is ever overwritten. The path of the new file is printed.
            """)

    @Argument(help: "article, agency, framework, threat, dialogue (or a taxonomy of site.yaml).")
    var kind: String

    @Argument(help: "The article's title, or the term's name.")
    var title: String

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

    func run() throws {
        let options = BuildOptions(contentPath: content, now: BuildClock.now())
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
        let request: NewFile.Request = kind == "article"
            ? .article(title: title, date: date ?? ContentDate(secondsSinceEpoch: BuildClock.now()).isoDate, dialogue: dialogue, slug: slug)
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

    private static func makeFolders(_ folder: String) {
        var current = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o755)
        }
    }
}
