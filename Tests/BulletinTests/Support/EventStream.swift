import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
