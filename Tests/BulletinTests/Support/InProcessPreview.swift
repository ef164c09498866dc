@testable import BulletinCore
@testable import BulletinBuild
@testable import BulletinServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ServiceLifecycle
import Testing

/// `bulletin serve` in this process, over a site written to a temporary folder: the same
/// services (`PreviewServer.services`: builder and watcher, in the same order), the same
/// responder, asked through HummingbirdTesting's router client. No process, no port. What
/// the services publish and print is `Observed`, so a test waits for the event it expects.
struct InProcessPreview: Sendable {
    /// The base URL the site is built with (nothing listens there: requests go in process).
    static let address = "http://preview.test/"

    /// The site's folder (`Content/`, `Templates/`).
    let folder: String
    let client: any TestClientProtocol
    /// Every state published, in order; the first is the one before the first build.
    let states: Observed<[SiteSnapshot]>
    /// What the console printed: status lines, and problems.
    let output: Observed<String>
    let errors: Observed<String>

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes `site`, starts the services, waits for the first build to end, runs `body`,
    /// then stops the services as Ctrl-C does and waits for them: it returns only once the
    /// watcher, the builder and every event stream have ended.
    static func run(_ site: TestSite, _ body: @escaping @Sendable (InProcessPreview) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try site.write(to: folder.path)
        let state = SiteState()
        let (output, errors) = (Observed(""), Observed(""))
        let console = PreviewConsole { stream, text in
            (stream == .output ? output : errors).update { $0 += text }
        }
        let (serverURL, address) = AsyncStream.makeStream(of: String.self)
        address.yield(Self.address)
        address.finish()
        let options = BuildOptions(
            contentPath: folder.path + "/Content", templatesPath: folder.path + "/Templates", now: TestSite.now)
        let group = ServiceGroup(configuration: .init(
            services: PreviewServer.services(building: options, into: state, console: console, serverURL: serverURL),
            logger: Logger(label: "bulletin.tests")))
        let application = Application(responder: PreviewResponder(
            state: state, copiedRoots: [options.contentPath + "/static", options.templatesPath + "/assets"]))
        let states = Observed<[SiteSnapshot]>([])
        let updates = state.updates()

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            // Ends only when the builder ends the streams.
            tasks.addTask {
                for await update in updates {
                    if case .state(let snapshot) = update { states.update { $0.append(snapshot) } }
                }
            }
            do {
                try await application.test(.router) { client in
                    let preview = InProcessPreview(folder: folder.path, client: client, states: states, output: output, errors: errors)
                    guard await output.wait(until: { $0.contains("Built ") || $0.contains("Not rebuilt") }) else {
                        throw Failure(description: "the first build did not end: \(output.value) \(errors.value)")
                    }
                    try await body(preview)
                }
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    // MARK: - Events

    /// How many states were published so far: `state(after:)` waits for a later one.
    var mark: Int { states.value.count }

    /// The first state published after the first `mark` for which `condition` holds (waits
    /// for it; fails at the deadline).
    func state(
        after mark: Int, where condition: @escaping @Sendable (SiteSnapshot) -> Bool = { _ in true }
    ) async throws -> SiteSnapshot {
        _ = await states.wait { $0.dropFirst(mark).contains(where: condition) }
        guard let snapshot = states.value.dropFirst(mark).first(where: condition) else {
            let published = states.value.map { "version \($0.version), ok \($0.ok), changed \($0.changed), report \($0.report)" }
            throw Failure(description: "no such state was published after the first \(mark) of: \(published); "
                + "the console: \(output.value) \(errors.value)")
        }
        return snapshot
    }

    /// Whether the console prints `text` on its standard output (waits for it): the builder
    /// publishes an update before it prints the update's line.
    func printed(_ text: String) async -> Bool {
        await output.wait { $0.contains(text) }
    }

    // MARK: - Files

    /// Writes a file of the site, as an editor's save does (in place).
    func write(_ relativePath: String, _ text: String) throws {
        try TestSite.write([relativePath: text], to: folder)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: folder + "/" + relativePath, encoding: .utf8)
    }

    // MARK: - Requests

    func get(_ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get)
    }

    func text(_ path: String) async throws -> String {
        String(buffer: try await get(path).body)
    }
}

extension SiteSnapshot {
    /// The text of a file built into memory (not of a copied file); "" when there is none.
    /// Tests wait for the state whose page shows the edit: one save can come as more than one
    /// batch of events on a busy machine (a file created, then written), and only the last
    /// state has it all.
    func text(_ path: String) -> String {
        guard case .bytes(let bytes) = files[path] else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }
}
