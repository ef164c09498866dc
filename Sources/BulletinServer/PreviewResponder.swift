import BulletinCore
import BulletinBuild
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
///   A page's ETag changes only when its file's bytes change: what is injected into it
///   depends on those bytes alone, never on the site's version.
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
            return events(page: nil, head: head)
        }
        // `/__bulletin/events/articles/x/`: the stream of the page at `/articles/x/`.
        let pageEvents = ReloadScript.eventsPath.dropFirst() + "/"
        if path.hasPrefix(pageEvents) {
            return events(page: String(path.dropFirst(pageEvents.count)), head: head)
        }

        let snapshot = state.snapshot
        guard snapshot.version > 0 else { return notBuiltYet(snapshot, head: head) }
        if let (key, bytes) = shown(path, in: snapshot) {
            return file(served(bytes, path: key), type: MediaType.of(key), request: request, head: head)
        }
        if !path.isEmpty && !path.hasSuffix("/") && snapshot.files[path + "/index.html"] != nil {
            // As static hosts do: the page's links are relative to its folder.
            let (rawPath, query) = Self.split(target)
            return Response(status: .movedPermanently, headers: [
                .location: rawPath + "/" + (query.map { "?" + $0 } ?? ""), .contentLength: "0", .cacheControl: "no-cache",
            ])
        }
        let page = notFoundPage(in: snapshot).map { served($0, path: "404.html", always: true) }
        var response = file(page ?? Self.notFoundText, type: MediaType.of(page == nil ? "x.txt" : "404.html"),
                            request: nil, head: head)
        response.status = .notFound
        return response
    }

    // MARK: - Bodies

    /// The file at a request's path (a folder's `index.html`), with its key, if there is one.
    private func shown(_ path: String, in snapshot: SiteSnapshot) -> (key: String, bytes: [UInt8])? {
        let key = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        guard let contents = snapshot.files[key], let bytes = read(contents) else { return nil }
        return (key, bytes)
    }

    private func notFoundPage(in snapshot: SiteSnapshot) -> [UInt8]? {
        snapshot.files["404.html"].flatMap(read)
    }

    private static let notFoundText = Array("Not found.\n".utf8)

    /// What the page at `path` shows now, as the reload script's `data-tag` names it: the
    /// tag of its file's bytes, or of the 404 page's when it has none; nil before the first
    /// good build. (A path that redirects counts as missing: no page is shown there.)
    func pageTag(_ path: String, in snapshot: SiteSnapshot) -> String? {
        guard snapshot.version > 0 else { return nil }
        return Self.hash(shown(path, in: snapshot)?.bytes ?? notFoundPage(in: snapshot) ?? Self.notFoundText)
    }

    /// A file's bytes as served: HTML pages carry the reload script, which names the tag of
    /// the file's own bytes, so the bytes served (and their ETag) change exactly when the
    /// file's do.
    private func served(_ bytes: [UInt8], path: String, always: Bool = false) -> [UInt8] {
        guard path.hasSuffix(".html") else { return bytes }
        return ReloadScript.inject(into: bytes, tag: Self.hash(bytes), always: always)
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
        var response = file(ReloadScript.inject(into: Array(html.utf8), tag: nil, always: true),
                            type: MediaType.of("x.html"), request: nil, head: head)
        response.status = .serviceUnavailable
        response.headers[.retryAfter] = "1"
        return response
    }

    /// The event stream: the current state at once, then every new one; for the page at
    /// `page` (a request path, as for files), each event also says what that page shows now.
    private func events(page: String?, head: Bool) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        if head { return Response(status: .ok, headers: headers) }
        let updates = state.updates()
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // Tells the browser to retry soon if the server restarts.
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            for await update in updates {
                switch update {
                case .state(let snapshot):
                    let tag = page.flatMap { pageTag($0, in: snapshot) }
                    try await writer.write(ByteBuffer(string: snapshot.event(tag: tag, at: .now)))
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

    /// A strong validator: the hash of the bytes served, quoted.
    static func entityTag(_ bytes: [UInt8]) -> String {
        "\"" + hash(bytes) + "\""
    }

    /// FNV-1a (64 bits) of the bytes, as 16 hexadecimal digits.
    static func hash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
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
