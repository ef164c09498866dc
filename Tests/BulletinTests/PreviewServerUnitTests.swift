@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinRender
@testable import BulletinOutput
@testable import BulletinBuild
@testable import BulletinServer
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The parts of `bulletin serve` that decide without a network: request paths, validators,
/// the injected script, and which file events are edits.
@Suite struct PreviewServerUnitTests {
    @Test(arguments: [
        ("/", "") as (String, String),
        ("/articles/x/", "articles/x/"),
        ("/articles/x", "articles/x"),
        ("/feed.xml?utm=1", "feed.xml"),
        ("/articles/%ED%95%9C%EA%B5%AD/", "articles/한국/"),
        ("/a%20b.txt", "a b.txt"),
        ("/..hidden/x", "..hidden/x"),
        ("/x..y", "x..y"),
    ])
    func pathsInsideTheSite(raw: String, key: String) {
        #expect(RequestPath(raw) == .site(key))
    }

    @Test(arguments: [
        "", "x", "/..", "/../x", "/a/../b", "/.", "/a/./b", "/%2e", "/%2E%2e/x", "/%252e%252e/x", "/a%2fb", "/a%252fb",
        "/a\\b", "/a%5cb", "/a%255cb", "/a%00b", "/a%2500b", "/%", "/%e", "/%zz", "/%c3%28", "//x", "/a//b",
    ])
    func pathsRefused(raw: String) {
        #expect(RequestPath(raw) == .refused, "\(raw)")
    }

    @Test func entityTagsAndConditions() {
        let tag = PreviewResponder.entityTag(Array("hello".utf8))
        #expect(tag == "\"a430d84680aabd0b\"")  // FNV-1a 64 of "hello"
        #expect(PreviewResponder.entityTag([]) != tag)
        #expect(PreviewResponder.matches(tag, tag))
        #expect(PreviewResponder.matches("W/" + tag, tag))
        #expect(PreviewResponder.matches("\"a\" , \(tag)", tag))
        #expect(PreviewResponder.matches("*", tag))
        #expect(!PreviewResponder.matches("\"a\", \"b\"", tag))
        #expect(!PreviewResponder.matches("", tag))
    }

    @Test func theScriptGoesBeforeTheLastBodyEndTag() {
        let page = Array("<html><body><pre>&lt;/body&gt; </body></pre></body>\n</html>\n".utf8)
        let served = String(decoding: ReloadScript.inject(into: page, tag: "00ff", always: false), as: UTF8.self)
        #expect(served == "<html><body><pre>&lt;/body&gt; </body></pre>"
            + "<script src=\"/__bulletin/reload.js\" data-tag=\"00ff\"></script></body>\n</html>\n")
        let bare = String(decoding: ReloadScript.inject(into: Array("<p>x".utf8), tag: nil, always: true), as: UTF8.self)
        #expect(bare == "<p>x<script src=\"/__bulletin/reload.js\" data-always></script>")
    }

    @Test func theEventIsOneLineOfJSON() {
        let start = ContinuousClock.now
        var snapshot = SiteSnapshot(version: 3, ok: false, report: "a.md:1:1: error: \"x\"\n\tline\u{2028}", changed: ["a/index.html"])
        #expect(snapshot.event(tag: nil, at: start) == "event: state\ndata: {\"version\":3,\"ok\":false,\"changed\":[\"a/index.html\"],"
            + "\"diagnostics\":\"a.md:1:1: error: \\\"x\\\"\\n\\tline\\u2028\",\"tag\":null,\"changedAgo\":null,\"assetsChangedAgo\":null}\n\n")
        snapshot.changedAt = start
        snapshot.assetsChangedAt = start - .seconds(2)
        let later = snapshot.event(tag: "00ff\"", at: start + .microseconds(1500))
        #expect(later.hasSuffix(",\"tag\":\"00ff\\\"\",\"changedAgo\":1500,\"assetsChangedAgo\":2001500}\n\n"))
    }

    /// The times the reload script compares with its page's age: a change is stamped when a
    /// good build changed something, the files pages load when it changed one of them (or was
    /// the first), and a failed or empty build keeps the times it follows.
    @Test func changesAreStampedWhenTheyArePublished() {
        let times = (0..<6).map { ContinuousClock.now + .seconds($0) }
        let failing = SiteSnapshot(version: 0, ok: false, report: "error").stamped(after: SiteSnapshot(), at: times[0])
        #expect(failing.changedAt == nil && failing.assetsChangedAt == nil)
        let first = SiteSnapshot(version: 1, ok: true).stamped(after: failing, at: times[1])
        #expect(first.changedAt == times[1] && first.assetsChangedAt == times[1])
        let article = SiteSnapshot(version: 2, ok: true, changed: ["articles/x/index.html", "feed.xml", "search/t-1.json"])
            .stamped(after: first, at: times[2])
        #expect(article.changedAt == times[2] && article.assetsChangedAt == times[1])
        let broken = SiteSnapshot(version: 2, ok: false, report: "error").stamped(after: article, at: times[3])
        #expect(broken.changedAt == times[2] && broken.assetsChangedAt == times[1])
        let style = SiteSnapshot(version: 3, ok: true, changed: ["assets/style.css"]).stamped(after: broken, at: times[4])
        #expect(style.changedAt == times[4] && style.assetsChangedAt == times[4])
        let same = SiteSnapshot(version: 3, ok: true).stamped(after: style, at: times[5])
        #expect(same.changedAt == times[4] && same.assetsChangedAt == times[4])
    }

    /// Each reason `bind` gives, in an editor's words with a hint that works.
    @Test func listenFailuresSayWhatToDo() {
        let taken = PreviewServer.Failure.listening(host: "127.0.0.1", port: 18080, errno: EADDRINUSE, detail: "bind")
        #expect(taken.description == "port 18080 on 127.0.0.1 is already in use")
        #expect(taken.hint.hasPrefix("another program (perhaps another bulletin serve) is using it; choose another with --port, such as --port "))
        let reserved = PreviewServer.Failure.listening(host: "127.0.0.1", port: 80, errno: EACCES, detail: "bind")
        #expect(reserved.description.hasPrefix("port 80 on 127.0.0.1 may only be used by the system's administrator"))
        #expect(reserved.hint.contains("--port 1313"))
        let elsewhere = PreviewServer.Failure.listening(host: "192.0.2.1", port: 1313, errno: EADDRNOTAVAIL, detail: "bind")
        #expect(elsewhere.description == "192.0.2.1 is not an address of this computer, so nothing can listen on it")
        #expect(elsewhere.hint.contains("--host") && elsewhere.hint.contains("127.0.0.1"))
        let other = PreviewServer.Failure.listening(host: "::1", port: 1313, errno: EINVAL, detail: "bind(…): Invalid argument")
        #expect(other.description == "cannot listen on ::1:1313: bind(…): Invalid argument")
        let unknown = PreviewServer.Failure.unknownHost("nosuchhost.invalid")
        #expect(unknown.description.hasPrefix("there is no address named nosuchhost.invalid"))
        #expect(unknown.hint == elsewhere.hint)
        for failure in [taken, reserved, elsewhere, other, unknown] { #expect(!failure.description.contains("errno")) }
    }

    /// The port the hint suggests is one nothing listens on: the next one is skipped while
    /// a socket listens on it.
    @Test func theSuggestedPortIsFree() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 1) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        try #require(listening)
        let taken = Int(UInt16(bigEndian: address.sin_port))
        try #require(taken > 1)
        let suggested = try #require(PreviewServer.Failure.freePort(near: taken - 1, host: "127.0.0.1"))
        #expect(suggested != taken)
        #expect((taken + 1...taken + 9).contains(suggested))
        #expect(PreviewServer.Failure.freePort(near: 65535, host: "127.0.0.1") == nil)
    }

    @Test(arguments: [
        ("articles/.x.md.swp", true), ("articles/x.md~", true), ("articles/4913", true), ("articles/.#x.md", true),
        ("articles/.x.md.tmp", true), (".git/index", true), ("articles/x.md", false), ("static/.well-known/x", false),
    ])
    func editorFilesAreIgnored(path: String, ignored: Bool) {
        #expect(EditPlan.isIgnored(FileWatcher.Touch(root: .content, path: path, isFolder: false)) == ignored)
    }

    /// A path that is neither in the tree nor on disk came and went: an editor's temporary
    /// file (nothing to do), unless the last load refused it (its removal clears an error).
    @Test func aVanishedPathReloadsOnlyWhenTheLoadRefusedIt() {
        let tree = SourceTree(files: ["Content/site.yaml": "title: T\n"])
        let roots: [FileWatcher.Root: String] = [.content: "/nonexistent-bulletin-root", .templates: "/nonexistent-bulletin-root"]
        let batch = FileWatcher.Batch(touches: [FileWatcher.Touch(root: .content, path: "articles/x.md.tmp12", isFolder: false)])
        #expect(EditPlan(batch, tree: tree, roots: roots) == .nothing)
        let refused: [FileWatcher.Root: Set<String>] = [.content: ["articles/x.md.tmp12"]]
        #expect(EditPlan(batch, tree: tree, roots: roots, refused: refused) == .everything)
        #expect(EditPlan(batch, tree: tree, roots: roots, refused: [.templates: ["articles/x.md.tmp12"]]) == .nothing)
    }

    /// Saves made while the builder is busy come as one batch: what either touched.
    @Test func batchesMerge() {
        let a = FileWatcher.Touch(root: .content, path: "articles/a.md", isFolder: false)
        let b = FileWatcher.Touch(root: .templates, path: "partials", isFolder: true)
        let merged = FileWatcher.Batch(touches: [a]).merged(with: FileWatcher.Batch(touches: [a, b], overflowed: true))
        #expect(merged == FileWatcher.Batch(touches: [a, b], overflowed: true))
        #expect(FileWatcher.Batch(overflowed: true).merged(with: FileWatcher.Batch()).overflowed)
    }

    /// A stream starts with the current state and gets every one published after; `close()`
    /// ends it, and a stream asked for after that has the current state alone.
    @Test func eventStreamsStartWithTheCurrentStateAndEndWhenClosed() async {
        let state = SiteState()
        state.publish(SiteSnapshot(version: 1, ok: true))
        let open = state.updates()
        state.publish(SiteSnapshot(version: 2, ok: true, changed: ["a/index.html"]))
        state.close()
        let late = state.updates()
        state.publish(SiteSnapshot(version: 3, ok: true))  // after close: told to nobody
        func versions(_ stream: AsyncStream<SiteState.Update>) async -> [Int] {
            var versions: [Int] = []
            for await update in stream {
                if case .state(let snapshot) = update { versions.append(snapshot.version) }
            }
            return versions
        }
        #expect(await versions(open) == [1, 2])
        #expect(await versions(late) == [2])
    }

    @Test func mediaTypes() {
        #expect(MediaType.of("feed.xml") == "application/atom+xml; charset=utf-8")
        #expect(MediaType.of("agencies/kisa/feed.json") == "application/feed+json; charset=utf-8")
        #expect(MediaType.of("search/t-1.json") == "application/json; charset=utf-8")
        #expect(MediaType.of("assets/logo.SVG") == "image/svg+xml")
        #expect(MediaType.of("CNAME") == "application/octet-stream")
    }
}
