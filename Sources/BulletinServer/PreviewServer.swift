import BulletinCore
import BulletinContent
public import BulletinBuild
import BulletinOutput
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
import Glibc
#endif

/// `bulletin serve`: the site built in memory and served over HTTP, rebuilt as its files
/// change, with open pages reloading themselves. Nothing is written to disk.
public enum PreviewServer {
    public struct Options: Sendable {
        /// The content and templates folders, drafts and future articles; the base URL is
        /// replaced by the server's own address, and the output folder is not used.
        public var build: BuildOptions
        public var host: String
        /// 0 picks a free port.
        public var port: Int

        public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 1313) {
            self.build = build
            self.host = host
            self.port = port
        }
    }

    /// The server could not start: what happened, and what to do about it.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public var hint: String
    }

    /// Serves until SIGINT (Ctrl-C) or SIGTERM, then stops cleanly: the watcher stops, the
    /// builder finishes the update in progress and ends the event streams, and the HTTP
    /// server closes its connections.
    public static func run(_ options: Options, console: PreviewConsole = PreviewConsole()) async throws {
        let state = SiteState()
        let copiedRoots = [options.build.contentPath + "/static", options.build.templatesPath + "/assets"]
        var logger = Logger(label: "bulletin.serve")
        logger.logLevel = .critical  // the console says what matters
        let (serverURL, serverURLContinuation) = AsyncStream.makeStream(of: String.self)
        let application = Application(
            responder: PreviewResponder(state: state, copiedRoots: copiedRoots),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                // Only now is the port known (with --port 0), and with it the base URL.
                let port = channel.localAddress?.port ?? options.port
                let url = "http://\(Self.urlHost(options.host)):\(port)/"
                console.line("Serving at \(url) (press Ctrl-C to stop)")
                serverURLContinuation.yield(url)
                serverURLContinuation.finish()
            },
            logger: logger)
        // A shell starts background jobs with Ctrl-C ignored; a preview should stop on it anyway.
        signal(SIGINT, SIG_DFL)
        // Stopped in the reverse order: the watcher, then the builder (which ends the event
        // streams that would keep the server's graceful shutdown waiting forever), then the
        // server.
        let services = [application] + Self.services(
            building: options.build, into: state, console: console, serverURL: serverURL)
        let group = ServiceGroup(configuration: .init(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch let error as IOError {
            throw Failure.listening(host: options.host, port: options.port, errno: error.errnoCode, detail: error.description)
        } catch let error as SocketAddressError.UnknownHost {
            throw Failure.unknownHost(error.host)
        }
    }

    /// The builder, then the watcher (without one if the folders cannot be watched), in the
    /// order a service group starts them; it stops them in the reverse order, which is what
    /// makes the shutdown clean (see `PreviewBuilder`). Watching starts at once, before
    /// anything is built, so that no save is missed.
    static func services(
        building options: BuildOptions, into state: SiteState, console: PreviewConsole, serverURL: AsyncStream<String>
    ) -> [any Service] {
        let watching = Result { () throws(FileWatcher.Failure) in
            try FileWatcher(
                content: CopiedFile.realFolder(options.contentPath) ?? options.contentPath,
                templates: CopiedFile.realFolder(options.templatesPath) ?? options.templatesPath)
        }
        let builder = PreviewBuilder(options: options, state: state, console: console, watching: watching, serverURL: serverURL)
        guard case .success(let watcher) = watching else { return [builder] }
        return [builder, watcher]
    }

    /// A host as it goes in a URL (IPv6 in brackets; the any-address as localhost).
    static func urlHost(_ host: String) -> String {
        if host == "0.0.0.0" || host == "::" { return "localhost" }
        return host.contains(":") ? "[\(host)]" : host
    }
}
