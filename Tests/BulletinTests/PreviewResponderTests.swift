@testable import BulletinCore
@testable import BulletinServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The preview's HTTP behaviour, in process: the responder over a `SiteState` filled here,
/// asked through HummingbirdTesting's router client. No process, no port, no build.
@Suite struct PreviewResponderTests {
    /// A small site as a build would leave it in memory.
    static let pages: [String: String] = [
        "index.html": "<!DOCTYPE html>\n<html><body><h1>Home</h1><a href=\"/articles/first/\">First</a></body></html>\n",
        "404.html": "<!DOCTYPE html>\n<html><body><h1>Page not found</h1></body></html>\n",
        "articles/first/index.html": "<!DOCTYPE html>\n<html><body><p>The first paragraph of the first meeting.</p></body></html>\n",
        "articles/second/index.html": "<!DOCTYPE html>\n<html><body><p>The second meeting.</p></body></html>\n",
        "articles/한국-사이버-대화/index.html": "<!DOCTYPE html>\n<html><body><p>한국어 본문입니다.</p></body></html>\n",
        "agencies/kisa/index.html": "<!DOCTYPE html>\n<html><body><h1>KISA</h1></body></html>\n",
        "feed.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>\n",
        "feed.json": "{\"version\":\"https://jsonfeed.org/version/1.1\"}\n",
        "sitemap.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset></urlset>\n",
        "robots.txt": "User-agent: *\n",
        "assets/style.css": "body { margin: 0; }\n",
        "search/t-1.json": "[]\n",
    ]

    static func site(_ pages: [String: String] = pages, version: Int = 1) -> SiteSnapshot {
        SiteSnapshot(files: pages.mapValues { .bytes(Array($0.utf8)) }, version: version, ok: true)
    }

    /// The responder over a state holding `snapshot`, asked by `test`.
    static func serve(
        _ snapshot: SiteSnapshot = site(), copiedRoots: [String] = [],
        _ test: @escaping @Sendable (any TestClientProtocol, SiteState) async throws -> Void
    ) async throws {
        let state = SiteState()
        state.publish(snapshot)
        let application = Application(responder: PreviewResponder(state: state, copiedRoots: copiedRoots))
        try await application.test(.router) { client in try await test(client, state) }
    }

    static let firstArticle = "/articles/first/"

    // MARK: - Files

    @Test func servesPagesAsAStaticHostWould() async throws {
        try await Self.serve { client, _ in
            let home = try await client.execute(uri: "/", method: .get)
            let text = String(buffer: home.body)
            #expect(home.status == .ok)
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.headers[.cacheControl] == "no-cache")
            #expect(home.headers[.init("X-Content-Type-Options")!] == "nosniff")
            #expect(home.headers[.contentLength] == String(home.body.readableBytes))
            #expect(text.contains("<script src=\"/__bulletin/reload.js\" data-tag=\""))
            let tag = try #require(Self.dataTag(text))
            #expect(text.contains("data-tag=\"\(tag)\"></script></body>"))
            #expect(!text.contains("data-version"), "nothing in a page changes when other files do")
            #expect(text.hasPrefix("<!DOCTYPE html>\n<html><body><h1>Home</h1>"), "the page is otherwise as built")

            let article = try await client.execute(uri: Self.firstArticle, method: .get)
            #expect(article.status == .ok)
            #expect(String(buffer: article.body).contains("The first paragraph of the first meeting."))
            #expect(try await client.execute(uri: "/articles/first/index.html", method: .get).body == article.body)
            #expect(try await client.execute(uri: "/articles/first/?utm=1", method: .get).body == article.body)
        }
    }

    @Test(arguments: [
        ("/feed.xml", "application/atom+xml; charset=utf-8"),
        ("/feed.json", "application/feed+json; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/search/t-1.json", "application/json; charset=utf-8"),
        ("/__bulletin/reload.js", "text/javascript; charset=utf-8"),
    ])
    func otherFilesAreServedAsTheyAreWithTheirType(path: String, type: String) async throws {
        try await Self.serve { client, _ in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == type)
            #expect(response.headers[.eTag] != nil)
            let text = String(buffer: response.body)
            if path == "/__bulletin/reload.js" {
                #expect(text.contains("EventSource"))
            } else {
                #expect(text == Self.pages[String(path.dropFirst())], "only HTML pages get the script")
            }
        }
    }

    @Test func headAndConditionalRequests() async throws {
        try await Self.serve { client, _ in
            let page = try await client.execute(uri: Self.firstArticle, method: .get)
            let tag = try #require(page.headers[.eTag])
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))

            let head = try await client.execute(uri: Self.firstArticle, method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(page.body.readableBytes))
            #expect(head.headers[.eTag] == tag)
            #expect(head.headers[.contentType] == "text/html; charset=utf-8")

            for condition in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
                let cached = try await client.execute(uri: Self.firstArticle, method: .get, headers: [.ifNoneMatch: condition])
                #expect(cached.status == .notModified, "If-None-Match: \(condition)")
                #expect(cached.body.readableBytes == 0)
                #expect(cached.headers[.eTag] == tag)
                #expect(cached.headers[.cacheControl] == "no-cache")
            }
            let stale = try await client.execute(uri: Self.firstArticle, method: .get, headers: [.ifNoneMatch: "\"stale\""])
            #expect(stale.status == .ok)
            #expect(stale.body == page.body)
            // Another file has another tag.
            #expect(try await client.execute(uri: "/", method: .get).headers[.eTag] != tag)
        }
    }

    @Test(arguments: [HTTPRequest.Method.post, .put, .delete, .patch, .options])
    func onlyGetAndHeadAreServed(method: HTTPRequest.Method) async throws {
        try await Self.serve { client, _ in
            let response = try await client.execute(uri: Self.firstArticle, method: method)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, HEAD")
        }
    }

    /// An update renews the ETag of the pages it changed and of no other, so a browser keeps
    /// its copy of the others (304); and the event stream of each page says what the page
    /// shows now, as its script's `data-tag` says what it showed when it was served.
    @Test func aPageKeepsItsETagUntilItsBytesChange() async throws {
        try await Self.serve { client, state in
            let second = "/articles/second/"
            let firstBefore = try await client.execute(uri: Self.firstArticle, method: .get)
            let secondBefore = try await client.execute(uri: second, method: .get)
            let firstTag = try #require(firstBefore.headers[.eTag])
            let secondTag = try #require(secondBefore.headers[.eTag])
            let firstShown = try #require(Self.dataTag(String(buffer: firstBefore.body)))

            var pages = Self.pages
            pages["articles/first/index.html"] = "<!DOCTYPE html>\n<html><body><p>A rewritten first paragraph.</p></body></html>\n"
            var update = Self.site(pages, version: 2)
            update.changed = ["articles/first/index.html"]
            state.publish(update)

            let secondAfter = try await client.execute(uri: second, method: .get)
            #expect(secondAfter.headers[.eTag] == secondTag)
            #expect(secondAfter.body == secondBefore.body)
            let revalidated = try await client.execute(uri: second, method: .get, headers: [.ifNoneMatch: secondTag])
            #expect(revalidated.status == .notModified)

            let firstAfter = try await client.execute(uri: Self.firstArticle, method: .get)
            #expect(String(buffer: firstAfter.body).contains("A rewritten first paragraph."))
            #expect(firstAfter.headers[.eTag] != firstTag)
            #expect(try await client.execute(uri: Self.firstArticle, method: .get, headers: [.ifNoneMatch: firstTag]).status == .ok)

            // The streams say so: the edited page's tag is its new bytes', the other's is as it was.
            state.close()
            let firstEvent = try #require(try await Self.firstEvent(client, page: Self.firstArticle))
            #expect(firstEvent["version"] as? Int == 2)
            #expect(firstEvent["changed"] as? [String] == ["articles/first/index.html"])
            #expect(firstEvent["tag"] as? String != firstShown)
            #expect(firstEvent["tag"] as? String == Self.dataTag(String(buffer: firstAfter.body)))
            #expect(try await Self.firstEvent(client, page: second)?["tag"] as? String
                == Self.dataTag(String(buffer: secondBefore.body)))
        }
    }

    // MARK: - Paths

    @Test func foldersRedirectsAndTheNotFoundPage() async throws {
        try await Self.serve { client, _ in
            let redirect = try await client.execute(uri: "/articles/first", method: .get)
            #expect(redirect.status == .movedPermanently)
            #expect(redirect.headers[.location] == "/articles/first/")
            #expect(redirect.headers[.contentLength] == "0")
            #expect(try await client.execute(uri: "/agencies/kisa?page=2", method: .get).headers[.location] == "/agencies/kisa/?page=2")

            let missing = try await client.execute(uri: "/articles/no-such-article/", method: .get)
            let text = String(buffer: missing.body)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            #expect(text.contains("<h1>Page not found</h1>"), "the site's own 404 page")
            #expect(text.contains("data-always"), "a missing page reloads when the site changes")
            #expect(try await client.execute(uri: "/nope", method: .head).status == .notFound)
            #expect(try await client.execute(uri: "/articles/first/missing.png", method: .get).status == .notFound)
        }
        // A site without a 404 page: plain text.
        var pages = Self.pages
        pages["404.html"] = nil
        try await Self.serve(Self.site(pages)) { client, _ in
            let missing = try await client.execute(uri: "/nope", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(String(buffer: missing.body) == "Not found.\n")
        }
    }

    @Test func percentEncodedHangulPaths() async throws {
        try await Self.serve { client, _ in
            let encoded = "/articles/" + "한국-사이버-대화".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! + "/"
            #expect(encoded.contains("%ED%95%9C"))
            let page = try await client.execute(uri: encoded, method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("한국어 본문입니다."))
            // Lowercase escapes are the same path.
            #expect(try await client.execute(uri: encoded.lowercased(), method: .get).status == .ok)
            // Without the slash: redirected, still encoded.
            let redirect = try await client.execute(uri: String(encoded.dropLast()), method: .get)
            #expect(redirect.status == .movedPermanently)
            #expect(redirect.headers[.location] == encoded)
        }
    }

    /// Each a request that would reach outside the site if it were taken as a file path.
    static let traversals = [
        "/../Content/site.yaml",
        "/articles/../../Content/site.yaml",
        "/%2e%2e/Content/site.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/.%2e/Content/site.yaml",
        "/%252e%252e/Content/site.yaml",
        "/articles/%252E%252E/%252E%252E/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/..%252f..%252fetc/passwd",
        "/articles/..\\..\\Content\\site.yaml",
        "/%5c..%5c..%5cetc/passwd",
        "/%255c..%255cetc/passwd",
        "/index.html%00.txt",
        "/%2500",
        "/./index.html",
        "//etc/passwd",
        "/%ZZ",
        "/%e9",
        "http://127.0.0.1/../etc/passwd",
    ]

    @Test(arguments: traversals)
    func traversalIsRefused(path: String) async throws {
        try await Self.serve { client, _ in
            for method in [HTTPRequest.Method.get, .head] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .badRequest, "\(method) \(path) → \(response.status)")
                #expect(!String(buffer: response.body).contains("Home"))
            }
        }
    }

    // MARK: - Copied files

    /// Copied files (`static/`, `assets/`) are read when served, and only from inside their
    /// folder: never through a link planted in it, never through the folder itself replaced
    /// by a link out of the site; a folder made while serving counts.
    @Test func copiedFilesAreReadOnlyInsideTheirFolder() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = folder.path
        let manager = FileManager.default
        try TestSite.write([
            "Content/static/notes/hello.txt": "hello from static\n", "Content/.shared/notes/shared.txt": "shared within the site\n",
            "secret.txt": "the secret outside the site\n", "secret/notes/hello.txt": "the secret\n",
        ], to: root)
        try manager.createSymbolicLink(atPath: root + "/Content/static/escape.txt", withDestinationPath: root + "/secret.txt")
        var snapshot = Self.site()
        for path in ["notes/hello.txt", "escape.txt", "notes/shared.txt"] {
            snapshot.files[path] = .file(absolutePath: root + "/Content/static/" + path)
        }
        try await Self.serve(snapshot, copiedRoots: [root + "/Content/static", root + "/Templates/assets"]) { client, _ in
            func get(_ path: String) async throws -> (HTTPResponse.Status, String) {
                let response = try await client.execute(uri: path, method: .get)
                return (response.status, String(buffer: response.body))
            }
            #expect(try await get("/notes/hello.txt") == (.ok, "hello from static\n"))
            #expect(try await get("/escape.txt").0 == .notFound, "a link planted in static/ is not followed")

            // The file turned into a link out of the site after the build.
            try manager.removeItem(atPath: root + "/Content/static/notes/hello.txt")
            try manager.createSymbolicLink(atPath: root + "/Content/static/notes/hello.txt", withDestinationPath: root + "/secret.txt")
            #expect(try await get("/notes/hello.txt").0 == .notFound)

            // The folder replaced by a link out of the content folder: nothing is read through it.
            try manager.removeItem(atPath: root + "/Content/static")
            try manager.createSymbolicLink(atPath: root + "/Content/static", withDestinationPath: root + "/secret")
            let (status, text) = try await get("/notes/hello.txt")
            #expect(status == .notFound && !text.contains("secret"))

            // A link within the content folder is what a build allows: served.
            try manager.removeItem(atPath: root + "/Content/static")
            try manager.createSymbolicLink(atPath: root + "/Content/static", withDestinationPath: ".shared")
            #expect(try await get("/notes/shared.txt") == (.ok, "shared within the site\n"))
        }
    }

    // MARK: - Before the first build, and the event stream

    @Test func theSiteBeforeItsFirstBuildSaysWhy() async throws {
        let report = "Content/site.yaml:1:8: error: malformed YAML <here> & there [BUL004]"
        try await Self.serve(SiteSnapshot(ok: false, report: report)) { client, state in
            for path in ["/", Self.firstArticle, "/feed.xml"] {
                let waiting = try await client.execute(uri: path, method: .get)
                let text = String(buffer: waiting.body)
                #expect(waiting.status == .serviceUnavailable)
                #expect(waiting.headers[.retryAfter] == "1")
                #expect(waiting.headers[.contentType] == "text/html; charset=utf-8")
                #expect(text.contains("<title>The site does not build yet.</title>"))
                #expect(text.contains("Content/site.yaml:1:8: error: malformed YAML &lt;here&gt; &amp; there [BUL004]"))
                #expect(text.contains("<script src=\"/__bulletin/reload.js\" data-always></script>"), "any change reloads it")
            }
            state.close()
            let event = try #require(try await Self.firstEvent(client, page: "/"))
            #expect(event["ok"] as? Bool == false && event["version"] as? Int == 0)
            #expect(event["diagnostics"] as? String == report)
            #expect(event["tag"] is NSNull)
        }
        // Still building: no errors to show.
        try await Self.serve(SiteSnapshot(ok: true)) { client, _ in
            let building = try await client.execute(uri: "/", method: .get)
            #expect(building.status == .serviceUnavailable)
            #expect(String(buffer: building.body).contains("<h1>The site is being built.</h1>"))
        }
    }

    /// A stream begins with the retry delay and the current state. (Closed first, the state
    /// ends each stream after that event, so the router client's response is complete.)
    @Test func theEventStreamBeginsWithTheCurrentState() async throws {
        try await Self.serve { client, state in
            state.close()
            let stream = try await client.execute(uri: "/__bulletin/events/articles/first/", method: .get)
            #expect(stream.status == .ok)
            #expect(stream.headers[.contentType] == "text/event-stream; charset=utf-8")
            #expect(stream.headers[.cacheControl] == "no-cache")
            let text = String(buffer: stream.body)
            #expect(text.hasPrefix("retry: 500\n\nevent: state\ndata: {\"version\":1,\"ok\":true,\"changed\":[],"))
            #expect(text.hasSuffix("}\n\n"))
            let page = String(buffer: try await client.execute(uri: Self.firstArticle, method: .get).body)
            #expect(try await Self.firstEvent(client, page: Self.firstArticle)?["tag"] as? String == Self.dataTag(page))
            // The site's stream (no page) names none; a missing page's names the 404 page it shows.
            #expect(try await Self.firstEvent(client, page: nil)?["tag"] is NSNull)
            let missing = String(buffer: try await client.execute(uri: "/articles/no-such-article/", method: .get).body)
            #expect(try await Self.firstEvent(client, page: "/articles/no-such-article/")?["tag"] as? String == Self.dataTag(missing))
            // HEAD: the head alone, no stream.
            let head = try await client.execute(uri: "/__bulletin/events", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
        }
    }

    // MARK: - Helpers

    /// The `data-tag` of a served page's reload script.
    static func dataTag(_ page: String) -> String? {
        guard let start = page.range(of: "data-tag=\"")?.upperBound, let end = page[start...].firstIndex(of: "\"") else {
            return nil
        }
        return String(page[start..<end])
    }

    /// The data of the first `state` event of the stream of `page` (the site's with nil),
    /// whose state must be closed: the stream then ends after it.
    static func firstEvent(_ client: any TestClientProtocol, page: String?) async throws -> [String: Any]? {
        let stream = try await client.execute(uri: "/__bulletin/events" + (page ?? ""), method: .get)
        let text = String(buffer: stream.body)
        guard let start = text.range(of: "event: state\ndata: ")?.upperBound,
              let end = text[start...].range(of: "\n\n")?.lowerBound
        else { return nil }
        return try JSONSerialization.jsonObject(with: Data(text[start..<end].utf8)) as? [String: Any]
    }
}
