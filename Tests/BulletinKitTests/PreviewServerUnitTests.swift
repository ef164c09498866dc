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
        let served = String(decoding: ReloadScript.inject(into: page, version: 7, always: false), as: UTF8.self)
        #expect(served == "<html><body><pre>&lt;/body&gt; </body></pre>"
            + "<script src=\"/__bulletin/reload.js\" data-version=\"7\"></script></body>\n</html>\n")
        let bare = String(decoding: ReloadScript.inject(into: Array("<p>x".utf8), version: 1, always: true), as: UTF8.self)
        #expect(bare == "<p>x<script src=\"/__bulletin/reload.js\" data-version=\"1\" data-always></script>")
    }

    @Test func theEventIsOneLineOfJSON() {
        let snapshot = SiteSnapshot(version: 3, ok: false, report: "a.md:1:1: error: \"x\"\n\tline\u{2028}", changed: ["a/index.html"])
        #expect(snapshot.event == "event: state\ndata: {\"version\":3,\"ok\":false,\"changed\":[\"a/index.html\"],"
            + "\"diagnostics\":\"a.md:1:1: error: \\\"x\\\"\\n\\tline\\u2028\"}\n\n")
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
