@testable import BulletinCore
@testable import BulletinResolve
import Testing

/// What the preview's resolver remembers of the last plan free of collisions: a plan is
/// spared the check only when it has exactly that plan's files.
@Suite struct ResolverMemoryTests {
    /// Files Bulletin makes (or copies of editors' files) at `paths`.
    static func files(_ paths: [String], editorsFiles: Bool = false) -> [SitePlanner.FileKey] {
        paths.map { SitePlanner.FileKey(SitePlanner.Entry(page: nil, file: $0, origin: editorsFiles ? .file(SourceLocation(file: $0)) : .generated($0))) }
    }

    @Test func theSameFilesInAnotherOrderAreKnownFree() {
        var memory = ResolverMemory()
        let checked = Self.files(["index.html", "articles/a/index.html", "articles/b/index.html", "feed.xml"])
        #expect(!memory.isCollisionFree(checked), "nothing is known before a plan was checked")
        memory.remember(checked, collisionFree: true)
        #expect(memory.isCollisionFree(checked))
        // A date move: the article pages change places.
        #expect(memory.isCollisionFree(Self.files(["index.html", "articles/b/index.html", "articles/a/index.html", "feed.xml"])))
    }

    @Test func anyOtherFilesAreCheckedAgain() {
        var memory = ResolverMemory()
        memory.remember(Self.files(["index.html", "articles/a/index.html", "articles/b/index.html"]), collisionFree: true)
        // One file twice in place of another: as many files, all known, but not the same.
        #expect(!memory.isCollisionFree(Self.files(["index.html", "articles/a/index.html", "articles/a/index.html"])))
        // Another letter case, one file more or fewer.
        #expect(!memory.isCollisionFree(Self.files(["index.html", "articles/A/index.html", "articles/b/index.html"])))
        #expect(!memory.isCollisionFree(Self.files(["index.html", "articles/a/index.html"])))
        #expect(!memory.isCollisionFree(Self.files(["index.html", "articles/a/index.html", "articles/b/index.html", "x.css"])))
        // The same path copied from an editor's file, not made: the search folders' claim
        // tells the two apart.
        #expect(!memory.isCollisionFree(Self.files(["index.html", "articles/a/index.html", "articles/b/index.html"], editorsFiles: true)))
    }

    @Test func aPlanWithCollisionsIsForgotten() {
        var memory = ResolverMemory()
        let files = Self.files(["index.html", "a.html"])
        memory.remember(files, collisionFree: true)
        memory.remember(files, collisionFree: false)
        #expect(!memory.isCollisionFree(files))
    }
}
