import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client for loopback servers in tests (chromedriver, the site server).
/// Foundation's URLSession on Linux fails on chromedriver's responses ("Failed writing
/// header"), and a test needs no more than this.
enum LoopbackHTTP {
    struct Response {
        let status: Int
        /// By lowercased name.
        var headers: [String: String] = [:]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A socket connected to `port` on 127.0.0.1; the caller closes it.
    static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let failure = Failure(description: "connect to port \(port): \(errno)")
            close(descriptor)
            throw failure
        }
        return descriptor
    }

    /// `path` is sent exactly as given (percent-encoding, dots and all).
    static func send(
        method: String, port: Int, path: String, headers: [String: String] = [:], body: Data? = nil
    ) throws -> Response {
        let descriptor = try connect(port: port)
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        if let body { request += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n" }
        var bytes = Data((request + "\r\n").utf8)
        if let body { bytes.append(body) }
        try bytes.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let count = Glibc.send(descriptor, buffer.baseAddress! + sent, buffer.count - sent, 0)
                guard count > 0 else { throw Failure(description: "send: \(errno)") }
                sent += count
            }
        }
        // Read the head, then as many bytes as Content-Length says: chromedriver announces
        // `Connection: close` but keeps the socket open.
        var response = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        func receive() -> Bool {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count <= 0 { return false }
            response.append(contentsOf: chunk[0..<count])
            return true
        }
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            guard receive() else { throw Failure(description: "no HTTP response from port \(port)") }
            headEnd = response.range(of: Data("\r\n\r\n".utf8))
        }
        let headerEnd = headEnd!
        let head = String(decoding: response[..<headerEnd.lowerBound], as: UTF8.self)
        let length = head.split(separator: "\r\n").compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first
        if method == "HEAD" || head.hasPrefix("HTTP/1.1 304") {
            // No body is due, whatever Content-Length says: read until the server closes, so
            // that a body sent anyway shows.
            while receive() {}
        } else if let length {
            while response.count - headerEnd.upperBound < length, receive() {}
        } else if head.lowercased().contains("transfer-encoding: chunked") {
            while !response.suffix(5).elementsEqual(Data("0\r\n\r\n".utf8)), receive() {}
        } else {
            while receive() {}
        }
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        var payload = Data(response[headerEnd.upperBound...])
        if head.lowercased().contains("transfer-encoding: chunked") { payload = dechunk(payload) }
        var fields: [String: String] = [:]
        for line in head.split(separator: "\r\n").dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { fields[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return Response(status: status, headers: fields, body: payload)
    }

    private static func dechunk(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            if size == 0 { break }
            let start = lineEnd.upperBound
            result.append(rest[start..<(start + size)])
            rest = rest[(start + size + 2)...]
        }
        return result
    }
}
