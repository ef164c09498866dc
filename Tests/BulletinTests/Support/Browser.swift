import Foundation
import Testing

/// Headless Chromium driven through chromedriver's WebDriver protocol (W3C), with the built
/// site served over HTTP on loopback, for tests that need a real browser.
final class Browser: @unchecked Sendable {
    /// Debian's packages (scripts/test installs them).
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"

    private let driver: Process
    /// A static server for a built site; nil when the site is served by someone else.
    private let server: Process?
    private let driverPort: Int
    private let sitePort: Int
    private var session = ""
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
        let browser = try Browser(site: site, port: port)
        try await browser.waitUntilUp()
        try await browser.openSession()
        return browser
    }

    private init(site: String?, port: Int?) throws {
        driverPort = Int.random(in: 20_000..<30_000)
        sitePort = port ?? Int.random(in: 30_000..<40_000)
        origin = "http://127.0.0.1:\(sitePort)"
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: Self.chromedriver)
        driver.arguments = ["--port=\(driverPort)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        if let site {
            let server = Process()
            server.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            server.arguments = ["-m", "http.server", String(sitePort), "--bind", "127.0.0.1", "--directory", site]
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            self.server = server
        } else {
            server = nil
        }
        try driver.run()
    }

    func quit() async {
        if !session.isEmpty { _ = try? await request("DELETE", "/session/\(session)") }
        // SIGKILL: the test process's children may not see SIGTERM.
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
        if let server {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
    }

    private func waitUntilUp() async throws {
        var last: (any Error)?
        for _ in 0..<100 {
            do {
                _ = try await request("GET", "/status")
                _ = try LoopbackHTTP.send(method: "GET", port: sitePort, path: "/")
                return
            } catch {
                last = error
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(message: "chromedriver or the site server did not start: \(String(describing: last))")
    }

    private func openSession() async throws {
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": Self.chromium, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1024,900"]],
        ]]]
        let value = try await request("POST", "/session", capabilities)
        guard let id = (value as? [String: Any])?["sessionId"] as? String else { throw Failure(message: "no session: \(String(describing: value))") }
        session = id
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

    /// Waits until `condition` holds, for at most `seconds`.
    func wait(seconds: Double = 5, until condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }

    // MARK: - HTTP

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    private func request(_ method: String, _ path: String, _ body: Any? = nil) async throws -> Any? {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let response = try LoopbackHTTP.send(method: method, port: driverPort, path: path, body: data)
        let object = try JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed]) as? [String: Any]
        if let value = object?["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(message: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return object?["value"]
    }
}
