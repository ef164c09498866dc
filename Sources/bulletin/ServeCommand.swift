import ArgumentParser
import BulletinCore
import BulletinBuild
import BulletinOutput
import BulletinServer

/// `bulletin serve`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site while you write: it rebuilds on every save and open pages reload.",
        discussion: """
            The site is built in memory and served at http://127.0.0.1:1313/ (links point at \
            that address, whatever site.yaml's baseURL says). Every change under the content \
            and templates folders rebuilds it: an article's text, title or summary in \
            milliseconds, templates by the pages that use them, anything else in full. A \
            change that does not build shows its errors here and over the page in the \
            browser, and the last good version stays served until it is fixed. Nothing is \
            written to disk: Public/ is not touched. Ctrl-C stops. See docs/serve.md.
            """)

    @Option(name: .customLong("content"), help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "Content"

    @Option(name: .customLong("templates"), help: ArgumentHelp("The templates folder.", valueName: "dir"))
    var templates = "Templates"

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port = 1313

    @Option(help: ArgumentHelp("The address to listen on. Only this computer can connect unless you name another (0.0.0.0: everyone on the network).", valueName: "address"))
    var host = "127.0.0.1"

    @Flag(help: "Also show articles and pages marked `draft: true`.")
    var drafts = false

    @Flag(help: "Also show articles dated after now.")
    var future = false

    @Flag(help: "Print how long each phase of each update took.")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must name an address, such as 127.0.0.1") }
    }

    func run() async throws {
        let build = BuildOptions(
            contentPath: content, templatesPath: templates, drafts: drafts, future: future, now: try BuildClock.now())
        if let problem = build.misuse(checkingOutput: false) {
            throw ValidationError(problem)
        }
        do {
            try await PreviewServer.run(PreviewServer.Options(build: build, host: host, port: port), console: PreviewConsole(timings: timings))
        } catch let failure as PreviewServer.Failure {
            FileHandleLite.standardError.write("error: \(failure.description)\nhint: \(failure.hint)\n")
            throw ExitCode.failure
        }
    }
}
