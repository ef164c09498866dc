import Foundation
import Testing

/// `bulletin serve` as an editor uses it: the real binary on a free port over a site folder,
/// spoken to over HTTP and through its event stream while files are edited.
@Suite(.serialized) struct ServeTests {
    /// The standard test site plus a Hangul article and a static file, written to a folder.
    static func start(_ edit: (inout TestSite) -> Void = { _ in }) throws -> (PreviewProcess, TemporaryFolder) {
        var site = TestSite.standard()
        site["Content/articles/한국-사이버-대화.md"] = """
            ---
            title: 한국 사이버 대화
            date: 2024-05-01
            agencies: [KISA]
            ---

            한국어 본문입니다.

            """
        site["Content/static/notes/hello.txt"] = "hello from static\n"
        edit(&site)
        let folder = try TemporaryFolder()
        try TestSite.write(site.allFiles, to: folder.path)
        do {
            return (try PreviewProcess(in: folder.path), folder)
        } catch {
            folder.remove()
            throw error
        }
    }

    static let firstArticle = "/articles/first/"

    @Test func servesPagesAsAStaticHostWould() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }

        let home = try server.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-cache")
        #expect(home.text.contains("<script src=\"/__bulletin/reload.js\" data-tag=\""))
        #expect(Self.dataTag(home.text).map { home.text.contains("data-tag=\"\($0)\"></script></body>") } == true)
        #expect(!home.text.contains("data-version"), "nothing in a page changes when other files do")
        #expect(home.headers["content-length"] == String(home.body.count))
        // Links point at the server, not at site.yaml's baseURL.
        #expect(home.text.contains("http://127.0.0.1:\(server.port)/"))
        #expect(!home.text.contains("https://bulletin.test/"))

        let article = try server.get(Self.firstArticle)
        #expect(article.status == 200)
        #expect(article.text.contains("The first paragraph of the first meeting."))
        #expect(try server.get("/articles/first/index.html").body == article.body)

        let feed = try server.get("/feed.xml")
        #expect(feed.status == 200)
        #expect(feed.headers["content-type"] == "application/atom+xml; charset=utf-8")
        #expect(!feed.text.contains("reload.js"), "only HTML pages get the script")
        #expect(try server.get("/feed.json").headers["content-type"] == "application/feed+json; charset=utf-8")
        #expect(try server.get("/sitemap.xml").headers["content-type"] == "application/xml; charset=utf-8")
        #expect(try server.get("/robots.txt").headers["content-type"] == "text/plain; charset=utf-8")
        let css = try server.get("/assets/style.css")
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
        let copied = try server.get("/notes/hello.txt")
        #expect(copied.status == 200 && copied.text == "hello from static\n")
        let script = try server.get("/__bulletin/reload.js")
        #expect(script.status == 200 && script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.text.contains("EventSource"))

        // Nothing is written: no Public/ appears.
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Public"))
        #expect(try server.interrupt() == 0)
    }

    @Test func headAndConditionalRequests() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let page = try server.get(Self.firstArticle)
        let tag = try #require(page.headers["etag"])
        #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))

        let head = try server.request("HEAD", Self.firstArticle)
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(page.body.count))
        #expect(head.headers["etag"] == tag)
        #expect(head.headers["content-type"] == "text/html; charset=utf-8")

        for condition in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
            let cached = try server.get(Self.firstArticle, headers: ["If-None-Match": condition])
            #expect(cached.status == 304, "If-None-Match: \(condition)")
            #expect(cached.body.isEmpty)
            #expect(cached.headers["etag"] == tag)
        }
        #expect(try server.get(Self.firstArticle, headers: ["If-None-Match": "\"stale\""]).status == 200)
        // Another file has another tag.
        #expect(try server.get("/").headers["etag"] != tag)

        let post = try server.request("POST", Self.firstArticle)
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
    }

    /// A rebuild renews the ETag of the pages it changed and of no other, so a browser keeps
    /// its copy of the others (304); and the event stream of each page says what the page
    /// shows now, as its script's `data-tag` says what it showed when it was served.
    @Test func aPageKeepsItsETagUntilItsBytesChange() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let second = "/articles/second/"
        let (firstBefore, secondBefore) = (try server.get(Self.firstArticle), try server.get(second))
        let firstTag = try #require(firstBefore.headers["etag"])
        let secondTag = try #require(secondBefore.headers["etag"])
        let firstShown = try #require(Self.dataTag(firstBefore.text))
        let firstEvents = try EventStream(port: server.port, page: Self.firstArticle)
        let secondEvents = try EventStream(port: server.port, page: second)
        #expect(firstEvents.next()?.tag == firstShown)
        let secondShown = try #require(secondEvents.next()?.tag)
        #expect(secondBefore.text.contains("data-tag=\"\(secondShown)\""))

        let path = "Content/articles/first.md"
        try server.write(path, try server.read(path).replacingOccurrences(
            of: "The first paragraph of the first meeting.", with: "A rewritten first paragraph."))
        let update = try #require(firstEvents.next())
        #expect(update.version == 2)
        #expect(update.changed.contains("articles/first/index.html"))
        #expect(!update.changed.contains("articles/second/index.html"))
        #expect(update.tag != firstShown, "the edited page's stream says it changed")
        #expect(secondEvents.next()?.tag == secondShown, "the other page's stream says it did not")

        let secondAfter = try server.get(second)
        #expect(secondAfter.headers["etag"] == secondTag)
        #expect(secondAfter.body == secondBefore.body)
        let revalidated = try server.get(second, headers: ["If-None-Match": secondTag])
        #expect(revalidated.status == 304)
        #expect(revalidated.body.isEmpty)

        let firstAfter = try server.get(Self.firstArticle)
        #expect(firstAfter.text.contains("A rewritten first paragraph."))
        #expect(firstAfter.headers["etag"] != firstTag)
        #expect(Self.dataTag(firstAfter.text) == update.tag)
        #expect(try server.get(Self.firstArticle, headers: ["If-None-Match": firstTag]).status == 200)

        // The site's stream (no page) names none.
        let site = try EventStream(port: server.port)
        #expect(try #require(site.next()).json["tag"] is NSNull)
        // A missing page's stream names the 404 page it shows, as that page's script does.
        let missing = try server.get("/articles/no-such-article/")
        let notFound = try EventStream(port: server.port, page: "/articles/no-such-article/")
        #expect(Self.dataTag(missing.text) == notFound.next()?.tag)
    }

    /// The `data-tag` of a served page's reload script.
    static func dataTag(_ page: String) -> String? {
        guard let start = page.range(of: "data-tag=\"")?.upperBound, let end = page[start...].firstIndex(of: "\"") else {
            return nil
        }
        return String(page[start..<end])
    }

    @Test func foldersRedirectsAndTheNotFoundPage() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let redirect = try server.get("/articles/first")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/articles/first/")
        #expect(try server.get("/agencies/kisa?page=2").headers["location"] == "/agencies/kisa/?page=2")

        let missing = try server.get("/articles/no-such-article/")
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        #expect(missing.text.contains("<h1>Page not found</h1>"), "the site's own 404 page")
        #expect(missing.text.contains("data-always"), "a missing page reloads when the site changes")
        #expect(try server.request("HEAD", "/nope").status == 404)
        #expect(try server.get("/articles/first/missing.png").status == 404)
    }

    @Test func percentEncodedHangulPaths() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let encoded = "/articles/" + "한국-사이버-대화".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! + "/"
        #expect(encoded.contains("%ED%95%9C"))
        let page = try server.get(encoded)
        #expect(page.status == 200)
        #expect(page.text.contains("한국어 본문입니다."))
        // Lowercase escapes are the same path.
        #expect(try server.get(encoded.lowercased()).status == 200)
        // Without the slash: redirected, still encoded.
        let redirect = try server.get(String(encoded.dropLast()))
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == encoded)
    }

    /// Each a request that would reach outside the site if it were taken as a file path.
    @Test(arguments: [
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
    ])
    func traversalIsRefused(path: String) throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let response = try server.get(path)
        #expect(response.status == 400, "\(path) → \(response.status)")
        #expect(!response.text.contains("root:"))
        #expect(!response.text.contains("baseURL"))
    }

    /// A copied file turned into a link to a file outside the site after the site was built
    /// is not followed (the rebuild fails on it, and the last good site does not read it).
    @Test func symbolicLinksOutOfTheSiteAreNotFollowed() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let secret = folder.path + "/secret.txt"
        try Data("the secret outside the site\n".utf8).write(to: URL(fileURLWithPath: secret))
        let events = try EventStream(port: server.port)
        _ = events.next()
        let copied = folder.path + "/Content/static/notes/hello.txt"
        try FileManager.default.removeItem(atPath: copied)
        try FileManager.default.createSymbolicLink(atPath: copied, withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/static/escape.txt", withDestinationPath: secret)
        let failed = try #require(events.next { !$0.ok })
        #expect(failed.diagnostics.contains("leads outside"))
        for path in ["/notes/hello.txt", "/escape.txt"] {
            let response = try server.get(path)
            #expect(!response.text.contains("secret"), "\(path) served the linked file")
            #expect(response.status == 404)
        }
    }

    @Test func removingTheOffendingLinkRecovers() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let events = try EventStream(port: server.port)
        _ = events.next()
        let link = folder.path + "/Content/articles/passwd.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/etc/passwd")
        #expect(try #require(events.next()).ok == false)
        // The loader refused the link, so the tree never knew it: its removal must still count.
        try FileManager.default.removeItem(atPath: link)
        let recovered = try #require(events.next())
        #expect(recovered.ok, "\(recovered.diagnostics)")
    }

    @Test func aStaticFolderMadeWhileServingIsServed() throws {
        let (server, folder) = try Self.start { $0["Content/static/notes/hello.txt"] = nil }
        defer { server.kill(); folder.remove() }
        let events = try EventStream(port: server.port)
        _ = events.next()
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Content/static"))
        try server.write("Content/static/new/hello.txt", "made while serving\n")
        let update = try #require(events.next())
        #expect(update.changed.contains("new/hello.txt"))
        let response = try server.get("/new/hello.txt")
        #expect(response.status == 200)
        #expect(response.text == "made while serving\n")

        // The folder replaced by a link out of the site: nothing is read through it.
        let secret = folder.path + "/secret"
        try FileManager.default.createDirectory(atPath: secret + "/new", withIntermediateDirectories: true)
        try Data("the secret\n".utf8).write(to: URL(fileURLWithPath: secret + "/new/hello.txt"))
        try FileManager.default.removeItem(atPath: folder.path + "/Content/static")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/static", withDestinationPath: secret)
        _ = events.next()
        #expect(try !server.get("/new/hello.txt").text.contains("secret"))
    }

    @Test func aStaticFolderLinkedWithinTheContentFolderIsServedAsBuilt() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let events = try EventStream(port: server.port)
        _ = events.next()
        try server.write("Content/.shared/notes/hello.txt", "shared within the site\n")  // hidden: no rebuild
        try FileManager.default.removeItem(atPath: folder.path + "/Content/static")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/static", withDestinationPath: ".shared")
        let update = try #require(events.next())
        #expect(update.ok, "\(update.diagnostics)")
        let response = try server.get("/notes/hello.txt")
        #expect(response.status == 200)
        #expect(response.text == "shared within the site\n")
    }

    @Test func anEditSendsAReloadEventAndTheNewPage() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let events = try EventStream(port: server.port)
        let first = try #require(events.next())
        #expect(first.ok && first.version == 1)

        let path = "Content/articles/first.md"
        try server.write(path, try server.read(path).replacingOccurrences(
            of: "The first paragraph of the first meeting.", with: "A rewritten first paragraph."))
        let update = try #require(events.next())
        #expect(update.ok)
        #expect(update.version == 2)
        #expect(update.changed.contains("articles/first/index.html"))
        #expect(!update.changed.contains("articles/second/index.html"))
        let page = try server.get(Self.firstArticle)
        #expect(page.text.contains("A rewritten first paragraph."))
        #expect(try server.printed("Rebuilt in "))
        #expect(try server.printed("(incremental)"))

        // A template: the pages using it change.
        let template = "Templates/article.mustache"
        try server.write(template, try server.read(template).replacingOccurrences(of: "</article>", with: "<p>Template edit.</p></article>"))
        let templated = try #require(events.next())
        #expect(templated.version == 3)
        #expect(templated.changed.contains("articles/first/index.html"))
        #expect(try server.get(Self.firstArticle).text.contains("Template edit."))

        // A new article: a full rebuild, and its page exists.
        try server.write("Content/articles/third.md", "---\ntitle: Third meeting\ndate: 2024-06-01\n---\n\nThe third.\n")
        let added = try #require(events.next())
        #expect(added.changed.contains("articles/third/index.html"))
        #expect(try server.get("/articles/third/").status == 200)

        // Removed again: its page is gone.
        try FileManager.default.removeItem(atPath: folder.path + "/Content/articles/third.md")
        let removed = try #require(events.next())
        #expect(removed.changed.contains("articles/third/index.html"))
        #expect(try server.get("/articles/third/").status == 404)
    }

    /// An editor's atomic save (write a temporary file, rename it over the article) and Vim's
    /// dance (rename to a backup, write anew, delete the backup) are edits of the article.
    @Test func editorsSavesAreSeenAsEdits() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let events = try EventStream(port: server.port)
        _ = events.next()
        let article = folder.path + "/Content/articles/first.md"
        let original = try server.read("Content/articles/first.md")

        try Data(original.replacingOccurrences(of: "first meeting.", with: "first meeting, saved atomically.").utf8)
            .write(to: URL(fileURLWithPath: folder.path + "/Content/articles/.first.md.tmp"))
        #expect(rename(folder.path + "/Content/articles/.first.md.tmp", article) == 0)
        let atomic = try #require(events.next())
        #expect(atomic.changed.contains("articles/first/index.html"))
        #expect(try server.get(Self.firstArticle).text.contains("saved atomically"))
        #expect(try server.printed("(incremental)"), "an atomic save is not a full rebuild")

        #expect(rename(article, article + "~") == 0)
        try Data(original.replacingOccurrences(of: "first meeting.", with: "first meeting, saved by Vim.").utf8)
            .write(to: URL(fileURLWithPath: folder.path + "/Content/articles/.first.md.swp"))
        try Data(original.replacingOccurrences(of: "first meeting.", with: "first meeting, saved by Vim.").utf8)
            .write(to: URL(fileURLWithPath: article))
        try FileManager.default.removeItem(atPath: article + "~")
        let vim = try #require(events.next { $0.changed.contains("articles/first/index.html") })
        #expect(vim.ok)
        #expect(try server.get(Self.firstArticle).text.contains("saved by Vim"))
    }

    @Test func aBrokenSaveShowsItsErrorsAndKeepsTheLastGoodSite() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let events = try EventStream(port: server.port)
        _ = events.next()
        let path = "Content/articles/first.md"
        let original = try server.read(path)
        let good = try server.get(Self.firstArticle)

        try server.write(path, "---\ntitle: [unclosed\ndate: 2024-03-01\n---\n\nBroken.\n")
        let failed = try #require(events.next())
        #expect(!failed.ok)
        #expect(failed.version == 1, "the last good site is still version 1")
        #expect(failed.diagnostics.contains("Content/articles/first.md:3:"))
        #expect(failed.diagnostics.contains("[BUL"))
        #expect(try PreviewProcess.wait(seconds: 5) { server.standardError.contains("Content/articles/first.md:3:") ? true : nil } == true)
        #expect(try server.printed("Still serving the last good version."))
        let during = try server.get(Self.firstArticle)
        #expect(during.status == 200)
        #expect(during.body == good.body, "the last good page is served unchanged")

        try server.write(path, original + "\nFixed and extended.\n")
        let recovered = try #require(events.next())
        #expect(recovered.ok)
        #expect(recovered.version == 2)
        #expect(recovered.diagnostics.isEmpty)
        #expect(try server.get(Self.firstArticle).text.contains("Fixed and extended."))
    }

    @Test func aSiteThatDoesNotBuildYetIsServedOnceFixed() throws {
        let (server, folder) = try Self.start { $0["Content/site.yaml"] = "title: [\n" }
        defer { server.kill(); folder.remove() }
        let waiting = try server.get("/")
        #expect(waiting.status == 503)
        #expect(waiting.text.contains("Content/site.yaml:"))
        #expect(waiting.text.contains("data-always"))
        #expect(try server.printed("Waiting for a fix."))

        let events = try EventStream(port: server.port)
        #expect(events.next()?.ok == false)
        try server.write("Content/site.yaml", TestSite.standard()["Content/site.yaml"]!)
        let built = try #require(events.next())
        #expect(built.ok && built.version == 1)
        #expect(try server.get("/").status == 200)
    }

    @Test func ctrlCStopsCleanlyWithBrowsersConnected() throws {
        let (server, folder) = try Self.start()
        defer { server.kill(); folder.remove() }
        let events = try EventStream(port: server.port)
        #expect(events.next() != nil)
        let started = Date()
        #expect(try server.interrupt() == 0)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(events.next(seconds: 2) == nil, "the event stream ended")
    }

    @Test func aPortInUseIsAClearError() throws {
        let (server, folder) = try Self.start()
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
