@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinRender
import Foundation
import Testing

/// Hints that work: a name they suggest is free and valid, a count counts what it says, and
/// a reference taken as a registered term says which.
@Suite struct HintTests {
    @Test(arguments: [
        ("경찰청", "gyeongchalcheong"), ("한국어", "hangugeo"), ("서울", "seoul"), ("대한민국", "daehanminguk"),
        ("빨래", "ppallae"), ("국가정보원", "gukgajeongbowon"), ("외교부", "oegyobu"), ("KISA 한국", "KISA hanguk"),
    ])
    func hangulIsRomanised(hangul: String, latin: String) {
        #expect(Romanization.romanised(hangul) == latin)
    }

    @Test func aFreeIDIsSuggested() {
        #expect(TermID.suggestion(for: "Policía Nacional", taken: [])?.id == "policia-nacional")
        #expect(TermID.suggestion(for: "Policía Nacional", taken: ["policia-nacional", "policia-nacional-2"])?.id == "policia-nacional-3")
        #expect(TermID.suggestion(for: "경찰청", taken: [])! == ("gyeongchalcheong", true))
        #expect(TermID.suggestion(for: "東京", taken: []) == nil)
    }

    @Test func registeringAnUnregisteredNameSuggestsAFreeValidFile() throws {
        var site = TestSite.standard()
        site["Content/agencies/policia-nacional.md"] = "---\nname: Policía Nacional de Colombia\n---\n"
        site["Content/articles/a.md"] = "---\ntitle: A\ndate: 2024-05-01\nagencies: [Policía Nacional, 경찰청, 東京都]\n---\n"
        let warnings = site.build().warnings.filter { $0.code == .unregisteredTerm }
        let hints = warnings.map { $0.hint ?? "" }
        #expect(hints.count == 3)
        #expect(hints[0].contains("register it as Content/agencies/policia-nacional-2.md"), "\(hints[0])")
        #expect(hints[1].contains("register it as Content/agencies/gyeongchalcheong.md (an id romanised from the Hangul name: check it"), "\(hints[1])")
        #expect(hints[2].contains("Content/agencies/new-term.md (a placeholder"), "\(hints[2])")
        for hint in hints { #expect(!hint.contains("agencies/policia-nacional.md")) }
    }

    @Test func theCountCountsTheArticlesUsingThatSpelling() throws {
        var site = TestSite.standard()
        site["Content/articles/u1.md"] = "---\ntitle: U1\ndate: 2024-05-01\nagencies: [Harbour Police]\n---\n"
        site["Content/articles/u2.md"] = "---\ntitle: U2\ndate: 2024-05-02\nagencies: [harbour police]\n---\n"
        site["Content/articles/u3.md"] = "---\ntitle: U3\ndate: 2024-05-03\nagencies: [Harbour-Police]\n---\n"
        let warning = try #require(site.build().warnings.first { $0.code == .unregisteredTerm })
        #expect(warning.message == "'Harbour Police' is not in the agencies registry; used by 2 articles from here on "
            + "(and under the same URL, /agencies/harbour-police/, 1 as 'Harbour-Police')")
    }

    /// An article that writes a spelling twice, or another spelling in between, is one
    /// article of that spelling; the articles after it count on.
    @Test func anArticleIsCountedOnceForASpellingItRepeats() throws {
        var site = TestSite.standard()
        site["Content/articles/u1.md"] = "---\ntitle: U1\ndate: 2024-05-01\nagencies: [Harbour Police, Harbour-Police, HARBOUR  police]\n---\n"
        site["Content/articles/u2.md"] = "---\ntitle: U2\ndate: 2024-05-02\nagencies: [harbour police, Harbour-Police]\n---\n"
        site["Content/articles/u3.md"] = "---\ntitle: U3\ndate: 2024-05-03\nagencies: [KISA., KISA., Harbour Police]\n---\n"
        site["Content/articles/u4.md"] = "---\ntitle: U4\ndate: 2024-05-04\nagencies: [KISA.]\n---\n"
        let warnings = site.build().warnings.filter { $0.code == .unregisteredTerm }.map(\.message)
        #expect(warnings == [
            "'Harbour Police' is not in the agencies registry; used by 3 articles from here on "
                + "(and under the same URL, /agencies/harbour-police/, 2 as 'Harbour-Police')",
            "'KISA.' is not a name of any agencies entry; it was taken as 'Korea Internet & Security Agency' (kisa), "
                + "whose id it gives as a slug; used by 2 articles from here on",
        ])
    }

    @Test func aReferenceWhoseSlugIsARegisteredIDSaysWhichTermItWasTakenAs() throws {
        var site = TestSite.standard()
        site["Content/articles/k.md"] = "---\ntitle: K\ndate: 2024-05-01\nagencies: [KISA.]\n---\n"
        let result = site.build()
        let warning = try #require(result.warnings.first { $0.code == .unregisteredTerm })
        #expect(warning.message == "'KISA.' is not a name of any agencies entry; it was taken as 'Korea Internet & Security Agency' (kisa), whose id it gives as a slug; used by 1 article from here on")
        #expect(warning.hint == "write one of its names ('KISA', 'Korea Internet & Security Agency', 'kisa'), or add 'KISA.' to `aliases` in Content/agencies/kisa.md")
        #expect(warning.location == SourceLocation(file: "Content/articles/k.md", line: 4, column: 12))
        #expect(try #require(result.text("agencies/kisa/index.html")).contains("/articles/k/"))
    }

    @Test func aRegistryFileNameThatIsNoIDGetsAFreeOne() {
        var site = TestSite.standard()
        site["Content/agencies/KISA.md"] = "---\nname: Another\n---\n"
        site["Content/agencies/경찰청.md"] = "---\nname: Korean National Police Agency\n---\n"
        let errors = site.build().errors.filter { $0.code == .invalidTermID }
        #expect(errors.map(\.location.file) == ["Content/agencies/KISA.md", "Content/agencies/경찰청.md"])
        #expect(errors[0].hint == "rename the file to agencies/kisa-2.md")
        #expect(errors[1].hint?.hasPrefix("rename the file to agencies/gyeongchalcheong.md (romanised from the Hangul") == true)
    }

    @Test func newAgencyWithAHangulNameSuggestsAFreeID() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var site = TestSite.standard()
        site["Content/agencies/gyeongchalcheong.md"] = "---\nname: Something else\n---\n"
        try site.write(to: folder.path)
        let result = try BulletinProcess.run(["new", "agency", "경찰청"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("give one with --id, such as --id gyeongchalcheong-2 (romanised from the Hangul: check it"))
    }
}
