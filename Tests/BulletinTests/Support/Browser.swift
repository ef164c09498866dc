import Foundation
import Testing

/// Headless Chromium driven through chromedriver's WebDriver protocol (W3C), with the built
/// site served over HTTP on loopback, for tests that need a real browser. Every program
/// listens on a port the system picked and said (`LoopbackServer`).
final class Browser: Sendable {
    /// Debian's packages (scripts/test installs them).
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"

    private let driver: LoopbackServer
    /// A static server for a built site; nil when the site is served by someone else.
    private let server: LoopbackServer?
    private let session: String
    /// `http://127.0.0.1:PORT` serving the site.
    let origin: String

    /// Serves `site` and starts a browser, or records why it cannot (and returns nil).
    static func start(serving site: String) async throws -> Browser? {
        try await start(site: site, port: nil)
    }

    /// A browser for a site already served on loopback at `port` (`bulletin serve`).
    static func start(servedAt port: Int) async throws -> Browser? {
        try await start(site: nil, port: port)
    }

    private static func start(site: String?, port: Int?) async throws -> Browser? {
        for program in [chromium, chromedriver] where !FileManager.default.isExecutableFile(atPath: program) {
            Issue.record("\(program) is missing: run ./scripts/test, which installs chromium and chromium-driver")
            return nil
        }
        let server = try await site.asyncMap { site in
            try await LoopbackServer.start(
                "/usr/bin/python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site],
                portAfter: "Serving HTTP on 127.0.0.1 port ")
        }
        let driver: LoopbackServer
        do {
            driver = try await LoopbackServer.start(Self.chromedriver, ["--port=0"], portAfter: "started successfully on port ")
        } catch {
            server?.stop()
            throw error
        }
        do {
            let session = try await openSession(driverPort: driver.port)
            return Browser(driver: driver, server: server, session: session, sitePort: server?.port ?? port ?? 0)
        } catch {
            driver.stop()
            server?.stop()
            throw error
        }
    }

    private init(driver: LoopbackServer, server: LoopbackServer?, session: String, sitePort: Int) {
        self.driver = driver
        self.server = server
        self.session = session
        origin = "http://127.0.0.1:\(sitePort)"
    }

    func quit() async {
        _ = try? await request("DELETE", "/session/\(session)")
        driver.stop()
        server?.stop()
    }

    private static func openSession(driverPort: Int) async throws -> String {
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": Self.chromium, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1024,900"]],
        ]]]
        let value = try await request("POST", "/session", capabilities, driverPort: driverPort)
        guard let id = (value as? [String: Any])?["sessionId"] as? String else { throw Failure(message: "no session: \(String(describing: value))") }
        return id
    }

    // MARK: - Commands

    func open(_ path: String) async throws {
        _ = try await request("POST", "/session/\(session)/url", ["url": origin + path])
    }

    var currentURL: String {
        get async throws { try await request("GET", "/session/\(session)/url") as? String ?? "" }
    }

    /// The first element matching a CSS selector.
    func element(_ selector: String) async throws -> String {
        let value = try await request("POST", "/session/\(session)/element", ["using": "css selector", "value": selector])
        guard let id = (value as? [String: Any])?.values.first as? String else { throw Failure(message: "no element \(selector)") }
        return id
    }

    func elements(_ selector: String) async throws -> [String] {
        let value = try await request("POST", "/session/\(session)/elements", ["using": "css selector", "value": selector])
        return (value as? [[String: Any]] ?? []).compactMap { $0.values.first as? String }
    }

    func text(of element: String) async throws -> String {
        try await request("GET", "/session/\(session)/element/\(element)/text") as? String ?? ""
    }

    func texts(_ selector: String) async throws -> [String] {
        var result: [String] = []
        for element in try await elements(selector) { result.append(try await text(of: element)) }
        return result
    }

    /// Types into an element as a keyboard does; "\u{E007}" is Enter, " " on a checkbox toggles it.
    func type(_ text: String, into element: String) async throws {
        _ = try await request("POST", "/session/\(session)/element/\(element)/value", ["text": text])
    }

    func click(_ element: String) async throws {
        _ = try await request("POST", "/session/\(session)/element/\(element)/click", [String: Any]())
    }

    /// The element that has the keyboard focus.
    func activeElement() async throws -> String {
        let value = try await request("GET", "/session/\(session)/element/active")
        return (value as? [String: Any])?.values.first as? String ?? ""
    }

    /// Whether a checkbox is checked.
    func isSelected(_ element: String) async throws -> Bool {
        try await request("GET", "/session/\(session)/element/\(element)/selected") as? Bool ?? false
    }

    /// Runs JavaScript in the page and returns its result.
    func script(_ source: String) async throws -> Any? {
        try await request("POST", "/session/\(session)/execute/sync", ["script": source, "args": [Any]()])
    }

    func attribute(_ name: String, of element: String) async throws -> String? {
        try await request("GET", "/session/\(session)/element/\(element)/attribute/\(name)") as? String
    }

    /// Whether `condition` holds within `seconds`. What a page shows can only be asked, so
    /// it is asked again and again until it holds or the deadline passes; the pause between
    /// two askings spares the CPU, and no answer depends on its length.
    func wait(seconds: Double = 20, until condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    // MARK: - HTTP

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    private func request(_ method: String, _ path: String, _ body: Any? = nil) async throws -> Any? {
        try await Self.request(method, path, body, driverPort: driver.port)
    }

    private static func request(_ method: String, _ path: String, _ body: Any? = nil, driverPort: Int) async throws -> Any? {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let response = try LoopbackHTTP.send(method: method, port: driverPort, path: path, body: data)
        let object = try JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed]) as? [String: Any]
        if let value = object?["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(message: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return object?["value"]
    }
}

extension Optional {
    /// `map` with an asynchronous transform.
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
