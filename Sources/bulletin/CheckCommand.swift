import ArgumentParser
import BulletinCore
import BulletinContent
import BulletinBuild

/// `bulletin check`.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without writing anything, and report every problem.",
        discussion: """
            Runs every phase of a build except writing: front matter, registries, links and \
            their #fragments, templates. Problems are sorted by file and line. With \
            --format github they appear as annotations on a pull request; --format json \
            prints the report described in docs/diagnostics.md.

            Exit status: 0 when there are no errors, 1 when there are (or warnings, with \
            --strict), 2 when the command line is wrong.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, github, json
    }

    @Option(name: .customLong("content"), help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "Content"

    @Option(name: .customLong("templates"), help: ArgumentHelp("The templates folder.", valueName: "dir"))
    var templates = "Templates"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Check as if published at this URL.", valueName: "url"))
    var baseURL: String?

    @Option(help: "How to print the problems: human, github (workflow commands) or json.")
    var format: Format = .human

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Also check drafts.")
    var drafts = false

    @Flag(help: "Also check articles dated after now.")
    var future = false

    @Flag(help: "Also check links to other sites (over the network; failures are warnings).")
    var external = false

    @Option(help: ArgumentHelp("Seconds before an external link is given up.", valueName: "seconds"))
    var timeout: Double = 10

    func validate() throws {
        if let baseURL, let problem = BaseURL.problem(with: baseURL) {
            throw ValidationError("--base-url must be an absolute http or https URL, such as https://bulletin.example.org/: \(problem)")
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
    }

    func run() async throws {
        let options = BuildOptions(
            contentPath: content, templatesPath: templates, baseURL: baseURL.flatMap(BaseURL.init), drafts: drafts,
            future: future, strict: strict, now: try BuildClock.now())
        if let problem = options.misuse(checkingOutput: false) {
            throw ValidationError(problem)
        }
        let diagnostics = await Checker.run(options, external: external ? ExternalLinkChecker(timeout: timeout) : nil)
        let report = DiagnosticReport(diagnostics)
        switch format {
        case .human:
            for diagnostic in diagnostics { print(diagnostic.formatted() + "\n") }
            print(diagnostics.isEmpty ? "No problems found." : report.countLine)
        case .github:
            for diagnostic in diagnostics { print(diagnostic.githubCommand()) }
            print(report.countLine)
        case .json:
            print(DiagnosticJSONReport(diagnostics).encoded())
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}
