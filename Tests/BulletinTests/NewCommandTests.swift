@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinRender
@testable import BulletinBuild
import Foundation
import Testing

/// `bulletin new`: correctly named files that `check` accepts, never an overwrite.
@Suite struct NewCommandTests {
    func site() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try TestSite.standard().write(to: folder.path)
        return folder
    }

    @Test(arguments: [
        (["article", "Talks resume in Seoul", "--date", "2025-05-20"], "Content/articles/2025/talks-resume-in-seoul.md"),
        (["article", "한국과 EU, 사이버 대화 재개", "--date", "2026-01-05", "--dialogue", "Test Dialogue"], "Content/articles/2026/한국과-eu-사이버-대화-재개.md"),
        (["agency", "Bundesamt für Sicherheit in der Informationstechnik"], "Content/agencies/bundesamt-fur-sicherheit-in-der-informationstechnik.md"),
        (["framework", "Budapest Convention"], "Content/frameworks/budapest-convention.md"),
        (["threat", "북한 해킹", "--id", "dprk-hacking"], "Content/threats/dprk-hacking.md"),
        (["dialogue", "Korea–Japan Cyber Dialogue"], "Content/dialogues/korea-japan-cyber-dialogue.md"),
    ])
    func createsAFileThatPassesCheck(arguments: [String], path: String) throws {
        let folder = try site()
        defer { folder.remove() }
        let result = try BulletinProcess.run(["new"] + arguments, in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == path + "\n")
        let text = try String(contentsOfFile: folder.path + "/" + path, encoding: .utf8)
        #expect(text.hasPrefix("---\n"))
        #expect(text.contains(arguments[1]))
        for flags in [[], ["--drafts", "--future"]] {
            let check = try BulletinProcess.run(["check", "--format", "json"] + flags, in: folder.path)
            #expect(check.status == 0, "check \(flags) failed:\n\(check.standardOutput)")
            // Nothing at all about the new file but, for a new registry entry, that no
            // article uses it yet.
            let report = try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as! [String: Any]
            let aboutIt = (report["diagnostics"] as! [[String: Any]]).filter { $0["file"] as? String == path }
            #expect(aboutIt.allSatisfy { $0["code"] as? String == "BUL033" }, "\(aboutIt)")
        }
    }

    @Test func anArticleHasItsFrontMatterFilledIn() throws {
        let folder = try site()
        defer { folder.remove() }
        _ = try BulletinProcess.run(
            ["new", "article", "A \"quoted\" title: with colons", "--date", "2025-05-20", "--dialogue", "test-dialogue"], in: folder.path)
        let text = try String(contentsOfFile: folder.path + "/Content/articles/2025/a-quoted-title-with-colons.md", encoding: .utf8)
        #expect(text == """
            ---
            title: "A \\"quoted\\" title: with colons"
            date: 2025-05-20
            draft: true
            dialogue: "test-dialogue"
            # session: 1
            # location: Seoul
            # summary: One or two sentences for lists, feeds and search engines.
            agencies: []
            frameworks: []
            threats: []
            ---


            """)
        // The draft builds with --drafts, with its title.
        let result = Builder.run(BuildOptions(
            contentPath: folder.path + "/Content", templatesPath: folder.path + "/Templates", outputPath: folder.path + "/Public",
            drafts: true, now: TestSite.now))
        #expect(result.succeeded)
        let page = try String(contentsOfFile: folder.path + "/Public/articles/a-quoted-title-with-colons/index.html", encoding: .utf8)
        #expect(page.contains("<h1 dir=\"auto\">A &quot;quoted&quot; title: with colons</h1>"))
    }

    @Test func neverOverwrites() throws {
        let folder = try site()
        defer { folder.remove() }
        let first = try BulletinProcess.run(["new", "agency", "Harbour Police"], in: folder.path)
        #expect(first.status == 0)
        let path = folder.path + "/Content/agencies/harbour-police.md"
        try Data("---\nname: Harbour Police\n---\nEdited by hand.\n".utf8).write(to: URL(fileURLWithPath: path))
        // The same name is already registered; the same id with another name is a file that exists.
        let again = try BulletinProcess.run(["new", "agency", "Harbour Police"], in: folder.path)
        #expect(again.status == 1)
        #expect(again.standardError.contains("already registered as agencies/harbour-police.md"))
        let sameFile = try BulletinProcess.run(["new", "agency", "Harbour Patrol", "--id", "harbour-police"], in: folder.path)
        #expect(sameFile.status == 1)
        #expect(sameFile.standardError.contains("already registered") || sameFile.standardError.contains("already exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("Edited by hand.\n"))

        let article = ["new", "article", "Same title", "--date", "2025-01-01"]
        #expect(try BulletinProcess.run(article, in: folder.path).status == 0)
        let twice = try BulletinProcess.run(article, in: folder.path)
        #expect(twice.status == 1)
        #expect(twice.standardError.contains("already has the slug 'same-title'"))
    }

    @Test func aFileThatExistsIsNeverReplaced() throws {
        let folder = try site()
        defer { folder.remove() }
        let path = folder.path + "/Content/articles/2025/kept.md"
        try FileManager.default.createDirectory(atPath: folder.path + "/Content/articles/2025", withIntermediateDirectories: true)
        try Data("not front matter".utf8).write(to: URL(fileURLWithPath: path))  // not an article: its slug is unknown
        let result = try BulletinProcess.run(["new", "article", "Kept", "--date", "2025-02-02"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("already exists; Bulletin never overwrites a file"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not front matter")
    }

    @Test(arguments: [
        (["article", "X", "--dialogue", "Nonexistent talks"], "is not in the dialogues registry"),
        (["article", "X", "--date", "20 May"], "--date must be a day"),
        (["article", "Search", "--date", "2025-01-01"], "reserved"),
        (["threat", "북한"], "has no ASCII letters to make an id of; give one with --id, such as --id bukhan (romanised from the Hangul: check it"),
        (["article", "", "--date", "2025-01-01"], "the title is empty"),
        (["article", "X", "--date", "2025-02-30"], "--date must be a day"),
        (["article", String(repeating: "A very long title ", count: 15), "--date", "2025-01-01"],
         "the title makes a slug of 269 bytes, too long for a file name (<slug>.md can have at most 255); give a shorter one with --slug, such as --slug a-very-long-title-a-very-long-title-a-very-long-title-a-very"),
        (["article", "서울 " + String(repeating: "사이버 대화 ", count: 16), "--date", "2025-01-01"],
         "(a Hangul or CJK character takes 3)"),
    ])
    func refusalsSayWhy(arguments: [String], message: String) throws {
        let folder = try site()
        defer { folder.remove() }
        let result = try BulletinProcess.run(["new"] + arguments, in: folder.path)
        #expect(result.status == 2, "a value on the command line that cannot work is misuse")
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func misuseExitsTwo() throws {
        let folder = try site()
        defer { folder.remove() }
        #expect(try BulletinProcess.run(["new", "gadget", "X"], in: folder.path).status == 2)
        #expect(try BulletinProcess.run(["new", "agency", "X", "--date", "2025-01-01"], in: folder.path).status == 2)
    }

    @Test func kindsIncludeCustomTaxonomies() {
        var config = SiteConfig.fallback(baseURL: nil)
        config.taxonomies = ["regions", "agencies"]
        #expect(NewFile.kind("region", config: config) == "regions")
        #expect(NewFile.kind("Agency", config: config) == "agencies")
        #expect(NewFile.kind("dialogue", config: config) == "dialogues")
        #expect(NewFile.kind("threat", config: config) == nil)
        #expect(TermID.ascii(from: "Agence nationale de la sécurité (ANSSI)") == "agence-nationale-de-la-securite-anssi")
    }
}
