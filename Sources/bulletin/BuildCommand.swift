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

/// `bulletin build`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            Every problem is reported as file:line:column with the line, a caret and a hint. \
            When there is an error nothing is written: the output folder stays exactly as it was. \
            A successful build replaces the output folder as a whole, so nothing stale remains.
            """)

    @Option(name: .customLong("content"), help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "Content"

    @Option(name: .customLong("templates"), help: ArgumentHelp("The templates folder.", valueName: "dir"))
    var templates = "Templates"

    @Option(name: .customLong("output"), help: ArgumentHelp("The output folder, replaced by the build.", valueName: "dir"))
    var output = "Public"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Publish at this URL instead of site.yaml's baseURL.", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Also build articles and pages marked `draft: true`.")
    var drafts = false

    @Flag(help: "Also build articles dated after now.")
    var future = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: [.short, .long], help: "Print only problems, not the closing summary.")
    var quiet = false

    @Flag(help: "Print how long each phase took.")
    var timings = false

    func validate() throws {
        if let baseURL, let problem = BaseURL.problem(with: baseURL) {
            throw ValidationError("--base-url must be an absolute http or https URL, such as https://bulletin.example.org/: \(problem)")
        }
    }

    func run() throws {
        var options = BuildOptions(
            contentPath: content, templatesPath: templates, outputPath: output, baseURL: baseURL.flatMap(BaseURL.init),
            drafts: drafts, future: future, strict: strict, now: try BuildClock.now())
        options.processEndsAfter = true
        if let problem = options.misuse() {
            throw ValidationError(problem)
        }
        let start = BuildClock.monotonic()
        // The output folder is checked by the build, before it starts (`OutputGuard`) and
        // again at the swap (a file may appear in it meanwhile): either refusal ends here.
        let result = Builder.run(options)
        if let refusal = result.refusal {
            throw OutputRefused(refusal)
        }
        let report = DiagnosticReport(result.diagnostics)
        report.print()
        if timings {
            for (phase, seconds) in result.timings {
                FileHandleLite.standardError.write("  \(phase): \(String(format3: seconds)) s\n")
            }
        }
        guard result.succeeded else {
            FileHandleLite.standardError.write("error: the build failed: \(report.countLine); \(output)/ was not changed\n")
            throw ExitCode.failure
        }
        if !quiet {
            let seconds = BuildClock.monotonic() - start
            print("Wrote \(result.counts.summary) to \(output)/ in \(String(format3: seconds)) s"
                + (report.warnings > 0 ? " (\(report.countLine))" : ""))
        }
    }
}

/// An output folder a build may not replace: its message and hint, exit status 2 (the
/// command named a folder it must not use), without the usage text of other misuses.
struct OutputRefused: Error {
    let refusal: OutputGuard.Refusal

    init(_ refusal: OutputGuard.Refusal) {
        self.refusal = refusal
    }
}
