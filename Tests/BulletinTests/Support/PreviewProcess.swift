import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `bulletin serve` running on a free port over a site folder, as an editor runs it.
final class PreviewProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let folder: String
    private let output = LockedText()
    private let errors = LockedText()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `bulletin serve --port 0` in `folder` and waits until it has built (or failed to).
    init(in folder: String, arguments: [String] = []) throws {
        self.folder = folder
        process.executableURL = URL(fileURLWithPath: BulletinProcess.executable)
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        for (pipe, text) in [(outputPipe, output), (errorPipe, errors)] {
            pipe.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                if !data.isEmpty { text.append(String(decoding: data, as: UTF8.self)) }
            }
        }
        try process.run()
        guard let line = try Self.wait(seconds: 60, for: { [output] in
            output.get().split(separator: "\n").first { $0.hasPrefix("Serving at ") }.map(String.init)
        }), let port = Int(line.split(separator: ":").last?.split(separator: "/").first ?? "") else {
            process.terminate()
            throw Failure(description: "serve did not start: \(output.get()) \(errors.get())")
        }
        self.port = port
        // The first build ends with "Built …" or "Not rebuilt: …".
        _ = try Self.wait(seconds: 60) { [output] in
            output.get().contains("Built ") || output.get().contains("Not rebuilt") ? true : nil
        }
    }

    var standardOutput: String { output.get() }
    var standardError: String { errors.get() }

    func get(_ path: String, headers: [String: String] = [:]) throws -> LoopbackHTTP.Response {
        try LoopbackHTTP.send(method: "GET", port: port, path: path, headers: headers)
    }

    func request(_ method: String, _ path: String, headers: [String: String] = [:]) throws -> LoopbackHTTP.Response {
        try LoopbackHTTP.send(method: method, port: port, path: path, headers: headers)
    }

    /// Writes a file of the site, as an editor's save does (in place).
    func write(_ relativePath: String, _ text: String) throws {
        let path = folder + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: folder + "/" + relativePath, encoding: .utf8)
    }

    /// Ctrl-C; the exit status.
    func interrupt(seconds: Double = 10) throws -> Int32 {
        process.interrupt()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        guard !process.isRunning else {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw Failure(description: "serve did not stop within \(seconds) s of Ctrl-C")
        }
        return process.terminationStatus
    }

    /// Stops it whatever state it is in (SIGKILL: the test process's children may not see
    /// SIGTERM).
    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Whether the server prints `text` on standard output within `seconds`: it sends an
    /// update's event before it prints the update's line.
    func printed(_ text: String, within seconds: Double = 5) throws -> Bool {
        try Self.wait(seconds: seconds) { standardOutput.contains(text) ? true : nil } == true
    }

    static func wait<T>(seconds: Double, for value: () throws -> T?) throws -> T? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let value = try value() { return value }
            usleep(20_000)
        }
        return try value()
    }
}

/// The server's event stream, read as a browser's EventSource reads it.
final class EventStream {
    struct Event {
        let name: String
        let data: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:] }
        var version: Int { json["version"] as? Int ?? -1 }
        var ok: Bool { json["ok"] as? Bool ?? false }
        var changed: [String] { json["changed"] as? [String] ?? [] }
        var diagnostics: String { json["diagnostics"] as? String ?? "" }
        /// What the stream's page shows now (a stream opened for a page); nil otherwise.
        var tag: String? { json["tag"] as? String }
    }

    private let descriptor: Int32
    /// Bytes of the body not yet parsed into events (after de-chunking).
    private var body = Data()
    private var raw = Data()
    private var headersRead = false

    /// The stream as the page at `page` opens it (`/__bulletin/events/articles/x/`), or the
    /// site's alone.
    init(port: Int, page: String? = nil) throws {
        descriptor = try LoopbackHTTP.connect(port: port)
        let path = "/__bulletin/events" + (page ?? "")
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { send(descriptor, $0, strlen($0), 0) }
    }

    deinit { close(descriptor) }

    /// The next `state` event, within `seconds`; nil on timeout or end of stream.
    func next(seconds: Double = 20) -> Event? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let event = takeEvent() {
                if event.name == "state" { return event }
                continue
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(left * 1000)) > 0 else { return nil }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = recv(descriptor, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            raw.append(contentsOf: chunk[0..<count])
            dechunk()
        }
    }

    /// The next state event for which `condition` holds, skipping others.
    func next(seconds: Double = 20, where condition: (Event) -> Bool) -> Event? {
        let deadline = Date().addingTimeInterval(seconds)
        while deadline.timeIntervalSinceNow > 0 {
            guard let event = next(seconds: deadline.timeIntervalSinceNow) else { return nil }
            if condition(event) { return event }
        }
        return nil
    }

    /// Moves complete chunks of the chunked body from `raw` to `body`.
    private func dechunk() {
        if !headersRead {
            guard let end = raw.range(of: Data("\r\n\r\n".utf8)) else { return }
            raw = Data(raw[end.upperBound...])
            headersRead = true
        }
        while let lineEnd = raw.range(of: Data("\r\n".utf8)) {
            guard let size = Int(String(decoding: raw[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) else { return }
            let start = lineEnd.upperBound
            guard raw.count - (start - raw.startIndex) >= size + 2 else { return }
            body.append(raw[start..<(start + size)])
            raw = Data(raw[(start + size + 2)...])
        }
    }

    private func takeEvent() -> Event? {
        guard let end = body.range(of: Data("\n\n".utf8)) else { return nil }
        let block = String(decoding: body[..<end.lowerBound], as: UTF8.self)
        body = Data(body[end.upperBound...])
        var name = "message"
        var data: [String] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
        }
        if data.isEmpty { return Event(name: "comment", data: "") }  // `retry:` or a keep-alive
        return Event(name: name, data: data.joined(separator: "\n"))
    }
}

/// Text appended by a reading thread and read by the test.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func append(_ more: String) { lock.withLock { text += more } }
    func get() -> String { lock.withLock { text } }
}
