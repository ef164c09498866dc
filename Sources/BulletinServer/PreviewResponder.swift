import BulletinKit
import Hummingbird

#if canImport(Glibc)
import Glibc
#endif

/// Answers requests from the site in memory, as a static host would serve `Public/`, plus
/// the reload script and its event stream.
///
/// - `GET` and `HEAD` only (405 otherwise); a folder's `index.html`; `/x` → 301 → `/x/` when
///   `/x/` is a page; the site's `404.html` with status 404.
/// - Content-Type by name; an ETag on every file and 304 for a matching If-None-Match;
///   `Cache-Control: no-cache`, so a browser always asks again and a reload shows the edit.
/// - Every HTML page gets the reload script before `</body>`; nothing else is changed.
/// - A path with `.`/`..` segments in any encoding, backslashes or NUL is refused (400).
///   Files are served from memory, and copied files (`static/`, `assets/`) are read only
///   when they resolve inside their folder, so no request reaches any other file.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: SiteState
    /// The folders copied files may be read from (real paths).
    let copiedRoots: [String]

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        let head = request.method == .head
        let target = request.head.path ?? "/"
        guard case .site(let path) = RequestPath(target) else {
            return plain(.badRequest, "This path is not one Bulletin serves.\n")
        }
        if "/" + path == ReloadScript.path {
            return file(Array(ReloadScript.source.utf8), type: MediaType.of("x.js"), request: request, head: head)
        }
        if "/" + path == ReloadScript.eventsPath {
            return events(head: head)
        }

        let snapshot = state.snapshot
        guard snapshot.version > 0 else { return notBuiltYet(snapshot, head: head) }
        let key = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        if let contents = snapshot.files[key], let bytes = read(contents) {
            return file(served(bytes, path: key, snapshot: snapshot), type: MediaType.of(key), request: request, head: head)
        }
        if !path.isEmpty && !path.hasSuffix("/") && snapshot.files[path + "/index.html"] != nil {
            // As static hosts do: the page's links are relative to its folder.
            let (rawPath, query) = Self.split(target)
            return Response(status: .movedPermanently, headers: [
                .location: rawPath + "/" + (query.map { "?" + $0 } ?? ""), .contentLength: "0", .cacheControl: "no-cache",
            ])
        }
        let page = snapshot.files["404.html"].flatMap(read).map { served($0, path: "404.html", snapshot: snapshot, always: true) }
        var response = file(page ?? Array("Not found.\n".utf8), type: MediaType.of(page == nil ? "x.txt" : "404.html"),
                            request: nil, head: head)
        response.status = .notFound
        return response
    }

    // MARK: - Bodies

    /// A file's bytes as served: HTML pages carry the reload script.
    private func served(_ bytes: [UInt8], path: String, snapshot: SiteSnapshot, always: Bool = false) -> [UInt8] {
        guard path.hasSuffix(".html") else { return bytes }
        return ReloadScript.inject(into: bytes, version: snapshot.version, always: always)
    }

    private func file(_ bytes: [UInt8], type: String, request: Request?, head: Bool) -> Response {
        let tag = Self.entityTag(bytes)
        var headers: HTTPFields = [
            .contentType: type, .cacheControl: "no-cache", .eTag: tag, .init("X-Content-Type-Options")!: "nosniff",
        ]
        if let request, let condition = request.headers[.ifNoneMatch], Self.matches(condition, tag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(bytes.count)
        if head { return Response(status: .ok, headers: headers) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Before the first good build: the errors, with the script that loads the site once it
    /// builds.
    private func notBuiltYet(_ snapshot: SiteSnapshot, head: Bool) -> Response {
        let message = snapshot.ok || snapshot.report.isEmpty ? "The site is being built." : "The site does not build yet."
        let html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(message)</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><main><h1>\(message)</h1><pre>\(Self.escaped(snapshot.report))</pre></main></body></html>

            """
        var response = file(ReloadScript.inject(into: Array(html.utf8), version: 0, always: true),
                            type: MediaType.of("x.html"), request: nil, head: head)
        response.status = .serviceUnavailable
        response.headers[.retryAfter] = "1"
        return response
    }

    /// The event stream: the current state at once, then every new one.
    private func events(head: Bool) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        if head { return Response(status: .ok, headers: headers) }
        let updates = state.updates()
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // Tells the browser to retry soon if the server restarts.
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            for await update in updates {
                switch update {
                case .state(let snapshot): try await writer.write(ByteBuffer(string: snapshot.event))
                case .keepAlive: try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                }
            }
            try await writer.finish(nil)
        })
    }

    // MARK: - Files

    private func read(_ contents: FileContents) -> [UInt8]? {
        switch contents {
        case .bytes(let bytes): bytes
        case .file(let path): CopiedFile.read(path, within: copiedRoots)
        }
    }

    // MARK: - Helpers

    /// A strong validator: FNV-1a over the bytes served.
    static func entityTag(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    /// If-None-Match: `*`, or a list of tags, weak or strong (weak comparison, RFC 9110 13.1.2).
    static func matches(_ condition: String, _ tag: String) -> Bool {
        condition.split(separator: ",").contains { candidate in
            var candidate = candidate.trimmingCharacters(in: " \t")
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate.removeFirst(2) }
            return candidate == tag
        }
    }

    /// A request target's path and query, as sent.
    static func split(_ target: String) -> (path: String, query: String?) {
        guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = self
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
