import Foundation
import Testing

/// `bulletin serve` as an editor runs it: the real binary on the port it picked
/// (`--port 0`), for what only the whole program shows: the real HTTP parser in front of
/// the responder, Ctrl-C, and the command line. The HTTP behaviour itself is tested in
/// process (`PreviewResponderTests`), and so are the watcher and the builder
/// (`PreviewBuilderTests`).
@Suite(.serialized, .timeLimit(.minutes(5))) struct ServeTests {
    /// The site of `PreviewBuilderTests`, written to a folder and served.
    static func start(_ edit: (inout TestSite) -> Void = { _ in }) async throws -> (PreviewProcess, TemporaryFolder) {
        let folder = try TemporaryFolder()
        do {
            try TestSite.write(PreviewBuilderTests.site(edit).allFiles, to: folder.path)
            return (try await PreviewProcess.start(in: folder.path), folder)
        } catch {
            folder.remove()
            throw error
        }
    }

    static let firstArticle = PreviewBuilderTests.firstArticle

    /// Through the real server's HTTP parser, every encoding of a way out of the site is
    /// refused; the site itself is served at the address the server printed.
    @Test func theRealServerServesTheSiteAndNothingOutsideIt() async throws {
        let (server, folder) = try await Self.start()
        defer { server.kill(); folder.remove() }
        let home = try server.get("/")
        #expect(home.status == 200)
        #expect(home.text.contains("http://127.0.0.1:\(server.port)/"), "links point at the server")
        #expect(!home.text.contains("https://bulletin.test/"))
        #expect(try server.get("/articles/first").headers["location"] == "/articles/first/")
        for path in PreviewResponderTests.traversals {
            let response = try server.get(path)
            #expect(response.status == 400, "\(path) → \(response.status)")
            #expect(!response.text.contains("root:"))
            #expect(!response.text.contains("baseURL"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Public"), "nothing is written")
    }

    @Test func ctrlCStopsCleanlyWithBrowsersConnected() async throws {
        let (server, folder) = try await Self.start()
        defer { server.kill(); folder.remove() }
        let events = try EventStream(port: server.port)
        #expect(events.next() != nil)
        #expect(try await server.interrupt() == 0)
        #expect(events.next(seconds: 10) == nil, "the event stream ended")
    }

    @Test func aPortInUseIsAClearError() async throws {
        let (server, folder) = try await Self.start()
        defer { server.kill(); folder.remove() }
        let second = try BulletinProcess.run(["serve", "--port", String(server.port)], in: folder.path)
        #expect(second.status == 1)
        #expect(second.standardError.hasPrefix("error: port \(server.port) on 127.0.0.1 is already in use\n"))
        #expect(second.standardError.contains(
            "hint: another program (perhaps another bulletin serve) is using it; choose another with --port, such as --port "))
        #expect(!second.standardError.contains("bind("))
        #expect(!second.standardError.contains("errno"))
        // The port it suggests is not the one in use.
        let suggested = second.standardError.split(separator: "--port ").last.flatMap { Int($0.prefix { $0.isNumber }) }
        #expect(suggested != nil && suggested != server.port)
    }

    /// An address this computer does not have (192.0.2.1 is reserved for documentation).
    @Test func anAddressNotOfThisComputerIsAClearError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.write(TestSite.standard().allFiles, to: folder.path)
        let elsewhere = try BulletinProcess.run(["serve", "--port", "0", "--host", "192.0.2.1"], in: folder.path)
        #expect(elsewhere.status == 1)
        #expect(elsewhere.standardError.hasPrefix("error: 192.0.2.1 is not an address of this computer"))
        #expect(elsewhere.standardError.contains("hint: --host takes one of this computer's addresses"))
    }

    @Test func misuseIsExitStatusTwo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = try BulletinProcess.run(["serve", "--port", "0"], in: folder.path)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("--content: there is no folder Content"))
        let badPort = try BulletinProcess.run(["serve", "--port", "70000"], in: folder.path)
        #expect(badPort.status == 2)
    }
}
