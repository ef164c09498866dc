@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinResolve
@testable import BulletinBuild
import Testing

/// What the preview's resolver remembers of the last plan free of collisions: a plan is
/// spared the full check only when it has that plan's files, or those with a few pages more
/// or fewer that collide with nothing. Each answer here is the full check's.
@Suite struct CollisionFreeFilesTests {
    /// Pages at `paths`, files copied from an editor's folder at `copies`, and files Bulletin
    /// makes at `generated`.
    static func entries(_ paths: [String], copies: [String] = [], generated: [String] = []) -> [SitePlanner.Entry] {
        paths.map { SitePlanner.Entry(page: PlannedPage(subject: .search, lang: "en", path: $0, dependencies: []), file: $0, origin: .generated($0)) }
            + copies.map { SitePlanner.Entry(page: nil, file: $0, origin: .file(SourceLocation(file: $0))) }
            + generated.map { SitePlanner.Entry(page: nil, file: $0, origin: .generated($0)) }
    }

    static let site = ["index.html", "articles/a/index.html", "articles/b/index.html", "archive/2025/index.html"]
    static let copies = ["images/map.svg"]

    /// The last plan's memory, checked in full.
    static func remembered(planner: SitePlanner) throws -> CollisionFreeFiles {
        let last = entries(site, copies: copies)
        let (diagnostics, free) = planner.checkCollisions(in: last, remembering: last.map(SitePlanner.FileKey.init))
        #expect(diagnostics.isEmpty)
        return try #require(free)
    }

    /// Whether the memory admits `paths` (with the same copies), and whether the full check
    /// finds collisions there: never admitted with collisions.
    static func verdict(_ paths: [String], copies: [String] = copies, generated: [String] = []) throws -> (admitted: Bool, collides: Bool) {
        let planner = planner()
        let next = entries(paths, copies: copies, generated: generated)
        let admitted = try remembered(planner: planner).admitting(next.map(SitePlanner.FileKey.init)) != nil
        return (admitted, !planner.collisions(in: next).isEmpty)
    }

    static func planner() -> SitePlanner {
        var clock = PhaseClock()
        let config = PreparedBuild(TestSite.standard().tree(), options: BuildOptions(now: TestSite.now), clock: &clock).site.config
        return SitePlanner(
            config: config, routes: Routes(baseURL: config.baseURL, defaultLanguage: config.language), articles: [],
            articlesByLanguage: [:], pages: [], taxonomies: [], dialogues: Taxonomy(name: "dialogues", path: "dialogues/", hasRegistry: false, terms: []),
            staticFiles: [], assets: [])
    }

    @Test func theSameFilesInAnyOrderAreAdmitted() throws {
        #expect(try Self.verdict(Self.site) == (true, false))
        #expect(try Self.verdict(Self.site.reversed()) == (true, false))
    }

    @Test func aFewNewPagesThatCollideWithNothingAreAdmitted() throws {
        // A new series with its feeds, a new year in the archive, a page gone, a page renamed.
        #expect(try Self.verdict(Self.site + ["dialogues/x/index.html"], generated: ["dialogues/x/feed.xml", "dialogues/x/feed.json"]) == (true, false))
        #expect(try Self.verdict(Self.site + ["archive/2014/index.html"]) == (true, false))
        #expect(try Self.verdict(Self.site.filter { $0 != "articles/b/index.html" }) == (true, false))
        #expect(try Self.verdict(Self.site.map { $0 == "articles/b/index.html" ? "articles/B/index.html" : $0 }) == (true, false))
    }

    @Test func anythingThatMayCollideIsCheckedInFull() throws {
        // One page twice (a kept one, a new one), another letter case of one kept, a page
        // under another's file.
        #expect(try Self.verdict(Self.site + ["articles/a/index.html"]) == (false, true))
        #expect(try Self.verdict(Self.site + ["new/index.html", "new/index.html"]) == (false, true))
        #expect(try Self.verdict(Self.site + ["Articles/A/index.html"]) == (false, true))
        #expect(try Self.verdict(Self.site + ["index.html/x/index.html"]) == (false, true))
        // A page where a file needs a folder, and two new pages one inside the other.
        #expect(try Self.verdict(Self.site + ["images"]) == (false, true))
        #expect(try Self.verdict(Self.site + ["x", "x/index.html"]) == (false, true))
        // A copied file more: copies may be claimed by a search index's folder; and a
        // search index more, which claims its folder.
        #expect(try Self.verdict(Self.site, copies: Self.copies + ["images/b.svg"]).admitted == false)
        #expect(try Self.verdict(Self.site, generated: ["ko/search/meta.json"]).admitted == false)
    }
}
