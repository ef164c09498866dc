@testable import BulletinKit
@testable import BulletinServer
import Testing

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

    @Test func mediaTypes() {
        #expect(MediaType.of("feed.xml") == "application/atom+xml; charset=utf-8")
        #expect(MediaType.of("agencies/kisa/feed.json") == "application/feed+json; charset=utf-8")
        #expect(MediaType.of("search/t-1.json") == "application/json; charset=utf-8")
        #expect(MediaType.of("assets/logo.SVG") == "image/svg+xml")
        #expect(MediaType.of("CNAME") == "application/octet-stream")
    }
}
