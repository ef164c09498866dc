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

    /// A title that begins with `-` is a title, not options (its `h` once asked for help, and
    /// the command printed it and succeeded); an option that is not one is still misuse.
    @Test func aTitleBeginningWithADashIsATitle() throws {
        let folder = try site()
        defer { folder.remove() }
        let dashed = try BulletinProcess.run(["new", "article", "- Dash start", "--date", "2025-01-01"], in: folder.path)
        #expect(dashed.status == 0, "\(dashed.standardError)")
        #expect(dashed.standardOutput.contains("Content/articles/2025/dash-start.md"))
        let cold = try BulletinProcess.run(["new", "article", "--date", "2025-01-02", "-5 degrees in Seoul"], in: folder.path)
        #expect(cold.status == 0, "\(cold.standardError)")
        #expect(try String(contentsOfFile: folder.path + "/Content/articles/2025/5-degrees-in-seoul.md", encoding: .utf8)
            .contains("title: \"-5 degrees in Seoul\""))
        let unknown = try BulletinProcess.run(["new", "article", "-x"], in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("Unknown option '-x'"))
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
        // It is the id that is taken, not the name, and another is offered.
        #expect(sameFile.standardError.contains("the id 'harbour-police' is taken: agencies/harbour-police.md is 'Harbour Police'"))
        #expect(sameFile.standardError.contains("--id harbour-police-2"))
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

    // MARK: - Translations

    /// The standard site in English and Korean; its first article with chairs and documents.
    func bilingualSite() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        var site = TestSite.standard()
        site["Content/site.yaml"]! += "languages: [en, ko]\n"
        site["Content/articles/first.md"] = """
            ---
            title: First meeting
            date: 2024-03-01
            dialogue: Test Dialogue
            session: 1
            # where the delegations met
            location: Seoul
            agencies:
            - KISA
            threats: [ransomware]
            chairs:
              - name: Kim Min-su
                role: Ambassador
                agency: kisa
            documents:
              - title: Joint statement
                url: https://example.org/statement
            summary: What the first meeting did.
            ---

            The first paragraph of the first meeting.

            """
        try site.write(to: folder.path)
        return folder
    }

    @Test func aTranslationCopiesTheFactsAndLinksBothFiles() throws {
        let folder = try bilingualSite()
        defer { folder.remove() }
        let result = try BulletinProcess.run(
            ["new", "article", "--lang", "ko", "--translation-of", "Content/articles/first.md"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "Content/articles/ko/2024/first.md\n")
        let text = try String(contentsOfFile: folder.path + "/Content/articles/ko/2024/first.md", encoding: .utf8)
        #expect(text == """
            ---
            title: "TRANSLATE: First meeting"
            # Translate the title into ko, and the body below; the facts under `translationKey` are the original's.
            draft: true
            lang: ko
            translationKey: first
            date: 2024-03-01
            dialogue: Test Dialogue
            session: 1
            location: Seoul
            agencies:
            - KISA
            threats: [ransomware]
            chairs:
              - name: Kim Min-su
                role: Ambassador
                agency: kisa
            documents:
              - title: Joint statement
                url: https://example.org/statement
            ---


            """)
        // The original gets its key in one line, everything else as it was.
        let original = try String(contentsOfFile: folder.path + "/Content/articles/first.md", encoding: .utf8)
        #expect(original.contains("summary: What the first meeting did.\ntranslationKey: first\n---\n\nThe first paragraph"))
        #expect(original.contains("# where the delegations met\nlocation: Seoul\n"))
        // Both build as translations of each other once the draft is built.
        let build = Builder.run(BuildOptions(
            contentPath: folder.path + "/Content", templatesPath: folder.path + "/Templates", outputPath: folder.path + "/Public",
            drafts: true, now: TestSite.now))
        #expect(build.succeeded, "\(build.diagnostics.map(\.message))")
        let english = try String(contentsOfFile: folder.path + "/Public/articles/first/index.html", encoding: .utf8)
        #expect(english.contains(#"<link rel="alternate" hreflang="ko" href="https://bulletin.test/ko/articles/first/">"#))
        // And `check` finds nothing wrong with either (the translation is a draft, so facts
        // that disagree would show only with --drafts).
        let check = try BulletinProcess.run(["check", "--drafts"], in: folder.path)
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
    }

    @Test func anOriginalWithAKeyKeepsItAndCRLFLinesStay() throws {
        let folder = try bilingualSite()
        defer { folder.remove() }
        let path = folder.path + "/Content/articles/second.md"
        let crlf = "---\r\ntitle: Second meeting\r\ndate: 2024-04-01\r\ntranslationKey: second-talks\r\n---\r\n\r\nText.\r\n"
        try Data(crlf.utf8).write(to: URL(fileURLWithPath: path))
        let result = try BulletinProcess.run(["new", "article", "--lang", "ko", "--translation-of", "Content/articles/second.md"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == crlf, "an original with a key is not touched")
        let text = try String(contentsOfFile: folder.path + "/Content/articles/ko/2024/second.md", encoding: .utf8)
        #expect(text.contains("translationKey: second-talks\ndate: 2024-04-01\n---"))

        // Without a key, a CRLF file gets its line with CRLF.
        try Data(crlf.replacingOccurrences(of: "translationKey: second-talks\r\n", with: "").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.removeItem(atPath: folder.path + "/Content/articles/ko/2024/second.md")
        #expect(try BulletinProcess.run(["new", "article", "--lang", "ko", "--translation-of", path], in: folder.path).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == crlf.replacingOccurrences(of: "second-talks", with: "second"))
    }

    @Test(arguments: [
        (["--lang", "fr", "--translation-of", "Content/articles/first.md"], 2, "'fr' is not one of the site's languages (en, ko); add it to `languages` in site.yaml"),
        (["--lang", "ko", "--translation-of", "Content/articles/nowhere.md"], 2, "there is no article articles/nowhere.md to translate"),
        (["--lang", "en", "--translation-of", "Content/articles/first.md"], 2, "is already in en; translate it into another language, such as --lang ko"),
        (["--lang", "ko", "--translation-of", "Content/agencies/kisa.md"], 2, "--translation-of takes an article's file"),
        (["Title", "--lang", "ko", "--translation-of", "Content/articles/first.md"], 2, "a translation's title comes from its original"),
        (["--lang", "ko", "--translation-of", "Content/articles/first.md", "--date", "2025-01-01"], 2, "come from the original"),
    ])
    func translationRefusalsSayWhy(arguments: [String], status: Int32, message: String) throws {
        let folder = try bilingualSite()
        defer { folder.remove() }
        let before = TemporaryFolder.snapshot(folder.path)
        let result = try BulletinProcess.run(["new", "article"] + arguments, in: folder.path)
        #expect(result.status == status)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(TemporaryFolder.snapshot(folder.path) == before, "nothing is written")
    }

    @Test func aSecondTranslationIntoOneLanguageIsRefused() throws {
        let folder = try bilingualSite()
        defer { folder.remove() }
        let command = ["new", "article", "--lang", "ko", "--translation-of", "Content/articles/first.md"]
        #expect(try BulletinProcess.run(command, in: folder.path).status == 0)
        let before = TemporaryFolder.snapshot(folder.path)
        let again = try BulletinProcess.run(command, in: folder.path)
        #expect(again.status == 1)
        #expect(again.standardError.contains("Content/articles/ko/2024/first.md is already its translation in ko (translationKey: first)"),
                "\(again.standardError)")
        #expect(TemporaryFolder.snapshot(folder.path) == before)
    }

    /// The placeholder title cannot go out unnoticed: harmless in the draft, a warning (an
    /// error with --strict) once the draft line is removed.
    @Test func publishingTheUntranslatedTitleIsAWarning() throws {
        let folder = try bilingualSite()
        defer { folder.remove() }
        // In a site of two languages --lang may be left out: the other one.
        let made = try BulletinProcess.run(["new", "article", "--translation-of", "Content/articles/first.md"], in: folder.path)
        #expect(made.status == 0, "\(made.standardError)")
        let path = folder.path + "/Content/articles/ko/2024/first.md"
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("lang: ko\n"))
        let draft = try BulletinProcess.run(["check", "--strict", "--drafts"], in: folder.path)
        #expect(!draft.standardOutput.contains("BUL038") && !draft.standardError.contains("BUL038"))

        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "draft: true\n", with: "").utf8).write(to: URL(fileURLWithPath: path))
        let published = try BulletinProcess.run(["check", "--strict"], in: folder.path)
        #expect(published.status == 1)
        #expect((published.standardOutput + published.standardError).contains(
            "Content/articles/ko/2024/first.md:2:8: error: the title is still the original's, marked 'TRANSLATE:' to be translated [BUL038]"),
            "\(published.standardOutput)\(published.standardError)")
        try Data(text.replacingOccurrences(of: "draft: true\n", with: "").replacingOccurrences(of: "TRANSLATE: First meeting", with: "제1차 회의").utf8)
            .write(to: URL(fileURLWithPath: path))
        let translated = try BulletinProcess.run(["check"], in: folder.path)
        #expect(translated.status == 0)
        #expect(!(translated.standardOutput + translated.standardError).contains("BUL038"))
    }

    @Test func aNewArticleInAnotherLanguageHasItsFolderAndLang() throws {
        let folder = try bilingualSite()
        defer { folder.remove() }
        let result = try BulletinProcess.run(["new", "article", "서울 회의", "--lang", "ko", "--date", "2025-05-20"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "Content/articles/ko/2025/서울-회의.md\n")
        let text = try String(contentsOfFile: folder.path + "/Content/articles/ko/2025/서울-회의.md", encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"서울 회의\"\ndate: 2025-05-20\ndraft: true\nlang: ko\n"))
    }

    @Test func frontMatterBlocksKeepTheirLines() {
        let blocks = FrontMatterEdit.blocks(of: "title: A\n# a comment\nagencies:\n- kisa\n- eeas\n\nchairs:\n  - name: X\n    # inner\n    role: Y\n\"quoted\": 1\n")
        #expect(blocks.map(\.key) == ["title", "agencies", "chairs", "quoted"])
        #expect(blocks[1].lines == ["agencies:", "- kisa", "- eeas"])
        #expect(blocks[2].lines == ["chairs:", "  - name: X", "    # inner", "    role: Y"])
        #expect(FrontMatterEdit.adding(line: "k: v", to: Array("\u{FEFF}---\na: 1\n---\nbody\n".utf8))
            == Array("\u{FEFF}---\na: 1\nk: v\n---\nbody\n".utf8))
        #expect(FrontMatterEdit.adding(line: "k: v", to: Array("no front matter\n".utf8)) == nil)
    }
}
