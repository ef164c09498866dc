import BulletinCore
import BulletinContent
public import BulletinBuild
import BulletinOutput
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals
import Synchronization

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

    /// Serves until SIGINT (Ctrl-C) or SIGTERM, then stops cleanly: event streams are ended,
    /// connections closed, the watcher stopped.
    public static func run(_ options: Options, console: PreviewConsole = PreviewConsole()) async throws {
        let state = SiteState()
        let copiedRoots = [options.build.contentPath + "/static", options.build.templatesPath + "/assets"]
        var logger = Logger(label: "bulletin.serve")
        logger.logLevel = .critical  // the console says what matters
        let builder = Box<PreviewBuilder>()
        let application = Application(
            responder: PreviewResponder(state: state, copiedRoots: copiedRoots),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                // Only now is the port known (with --port 0), and with it the base URL.
                let port = channel.localAddress?.port ?? options.port
                var build = options.build
                let url = "http://\(Self.urlHost(options.host)):\(port)/"
                build.baseURL = BaseURL(url)
                let started = PreviewBuilder(options: build, state: state, console: console)
                builder.value = started
                console.line("Serving at \(url) (press Ctrl-C to stop)")
                started.start()
            },
            logger: logger)
        let shutdown = PreviewShutdown { [state] in
            builder.value?.stop()
            state.close()
        }
        // Stopped in reverse order: first the event streams (which would keep the server's
        // graceful shutdown waiting forever), then the server.
        // A shell starts background jobs with Ctrl-C ignored; a preview should stop on it anyway.
        signal(SIGINT, SIG_DFL)
        let group = ServiceGroup(configuration: .init(
            services: [application, shutdown], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch let error as IOError {
            throw Failure.listening(host: options.host, port: options.port, errno: error.errnoCode, detail: error.description)
        } catch let error as SocketAddressError.UnknownHost {
            throw Failure.unknownHost(error.host)
        }
    }

    /// A host as it goes in a URL (IPv6 in brackets; the any-address as localhost).
    static func urlHost(_ host: String) -> String {
        if host == "0.0.0.0" || host == "::" { return "localhost" }
        return host.contains(":") ? "[\(host)]" : host
    }
}

/// A service that does nothing until the server stops, then runs `stop`.
private struct PreviewShutdown: Service {
    let stop: @Sendable () -> Void

    func run() async throws {
        try? await gracefulShutdown()
        stop()
    }
}

/// A value set once from the server's start-up callback and read at shutdown.
private final class Box<Value: Sendable>: Sendable {
    private let stored = Mutex<Value?>(nil)

    var value: Value? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
