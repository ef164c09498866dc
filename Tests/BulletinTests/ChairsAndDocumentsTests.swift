@testable import BulletinCore
import BulletinBuild
import Foundation
import Testing

/// Chairs and documents: shown on the article page, the chair's agency linked to its term page
/// when it resolves; carried into the JSON-LD as the `Event` the article is `about`.
@Suite struct ChairsAndDocumentsTests {
    static func site() -> TestSite {
        TestSite(files: [
            "Content/site.yaml": "title: Reading\nbaseURL: https://reading.test/\n",
            "Content/agencies/kisa.md": "---\nname: Korea Internet & Security Agency\nshort: KISA\n---\n",
            "Content/agencies/eeas.md": "---\nname: European External Action Service\nshort: EEAS\n---\n",
            "Content/dialogues/harbour-talks.md": "---\nname: Harbour Talks\n---\n",
            "Content/static/files/release.pdf": "%PDF-1.4\n",
            "Content/articles/seventh.md": """
                ---
                title: Seventh round
                date: 2025-05-20
                dialogue: Harbour Talks
                session: 7
                location: Brussels
                agencies: [EEAS]
                chairs:
                  - {name: Kim Min-ji, role: Director-General, agency: KISA}
                  - {name: Jane Roe, role: Managing Director, agency: eeas}
                  - {name: Sam Poe, agency: Harbour Authority}
                documents:
                  - {title: Joint statement, url: "https://example.org/statement"}
                  - {title: Press release, url: /files/release.pdf}
                ---

                The seventh round.

                """,
        ])
    }

    @Test func chairsAndDocumentsAreShownWithTheAgencyLinkedWhenItResolves() throws {
        let result = Self.site().build()
        #expect(result.errors.isEmpty, "\(result.errors.map { $0.formatted() })")
        // The unregistered agency is a warning at its place, and shown without a link.
        let warning = try #require(result.warnings.first { $0.message.contains("Harbour Authority") })
        #expect(warning.location.line == 11)
        let page = try #require(result.text("articles/seventh/index.html"))
        #expect(page.contains("<li><span dir=\"auto\">Kim Min-ji</span>, <span dir=\"auto\">Director-General</span> — <a href=\"/agencies/kisa/\" dir=\"auto\">Korea Internet &amp; Security Agency</a></li>"))
        #expect(page.contains("<li><span dir=\"auto\">Sam Poe</span> — <bdi>Harbour Authority</bdi></li>"))
        #expect(ReadingFixture.links(in: page, after: "<ul class=\"documents\">") == ["https://example.org/statement", "/files/release.pdf"])
        // A chair's agency does not by itself put the article on the agency's page.
        let kisa = try #require(result.text("agencies/kisa/index.html"))
        #expect(!kisa.contains("/articles/seventh/"))
    }

    @Test func theArticleIsAboutTheMeetingAsASchemaOrgEvent() throws {
        let result = Self.site().build()
        let json = try ReadingFixture.structuredData(try #require(result.text("articles/seventh/index.html")))
        let about = try #require(json["about"] as? [[String: Any]])
        let event = try #require(about.first { $0["@type"] as? String == "Event" })
        #expect(event["name"] as? String == "Harbour Talks, 7th session")
        #expect(event["startDate"] as? String == "2025-05-20")
        #expect((event["location"] as? [String: Any])?["name"] as? String == "Brussels")
        // The chairs' agencies organise it, each once, linked when registered.
        let organizers = try #require(event["organizer"] as? [[String: Any]])
        #expect(organizers.map { $0["name"] as? String } == ["Korea Internet & Security Agency", "European External Action Service", "Harbour Authority"])
        #expect(organizers.map { $0["@type"] as? String } == Array(repeating: "GovernmentOrganization", count: 3))
        #expect(organizers[0]["url"] as? String == "https://reading.test/agencies/kisa/")
        #expect(organizers[2]["url"] == nil)
        // The chairs attend, with their roles and agencies; EEAS, also an organiser, is not
        // listed twice.
        let attendees = try #require(event["attendee"] as? [[String: Any]])
        #expect(attendees.map { $0["@type"] as? String } == ["Person", "Person", "Person"])
        #expect(attendees[0]["name"] as? String == "Kim Min-ji")
        #expect(attendees[0]["jobTitle"] as? String == "Director-General")
        #expect((attendees[0]["affiliation"] as? [String: Any])?["name"] as? String == "Korea Internet & Security Agency")
        #expect(attendees[2]["jobTitle"] == nil)
        let documents = try #require(event["subjectOf"] as? [[String: Any]])
        #expect(documents.map { $0["url"] as? String } == ["https://example.org/statement", "https://reading.test/files/release.pdf"])
    }

    @Test func aMeetingWithoutChairsStillNamesTheArticlesAgenciesAsAttendees() throws {
        var site = Self.site()
        site["Content/articles/seventh.md"] = ReadingFixture.article("Seventh", "2025-05-20", "dialogue: Harbour Talks\nsession: 7\nagencies: [EEAS]\n")
        let json = try ReadingFixture.structuredData(try #require(site.build().text("articles/seventh/index.html")))
        let event = try #require((json["about"] as? [[String: Any]])?.first { $0["@type"] as? String == "Event" })
        #expect(event["organizer"] == nil)
        #expect((event["attendee"] as? [[String: Any]])?.map { $0["name"] as? String } == ["European External Action Service"])
    }

    /// A chair's agency is a term: shown by its name in the page's language whatever the
    /// reference says, and linked to its page there, or to its page in another language.
    @Test func aChairsAgencyShowsItsNameInThePagesLanguageAndLinksWhereItHasAPage() throws {
        let result = TestSite(files: [
            "Content/site.yaml": "title: Reading\nbaseURL: https://reading.test/\nlanguages: [en, ko]\n",
            "Content/agencies/kisa.md": "---\nname: Korea Internet & Security Agency\nshort: KISA\nnames: {ko: 한국인터넷진흥원}\n---\n",
            "Content/agencies/nis.md": "---\nname: National Intelligence Service\nshort: NIS\nnames: {ko: 국가정보원}\n---\n",
            "Content/agencies/eeas.md": "---\nname: European External Action Service\nshort: EEAS\nnames: {ko: 유럽대외관계청}\n---\n",
            "Content/articles/round.md": ReadingFixture.article("Round", "2025-05-20", "agencies: [EEAS]\nchairs:\n  - {name: Kim, role: Director, agency: NIS}\n"),
            "Content/articles/meeting.md": ReadingFixture.article("회의", "2025-05-21", "lang: ko\nagencies: [kisa]\nchairs:\n  - {name: 김, agency: eeas}\n  - {name: 이, agency: KISA}\n"),
        ]).build()
        #expect(result.errors.isEmpty, "\(result.errors.map { $0.formatted() })")
        // No article lists NIS under `agencies`: it has no page, and is named, not linked.
        let english = try #require(result.text("articles/round/index.html"))
        #expect(english.contains("<li><span dir=\"auto\">Kim</span>, <span dir=\"auto\">Director</span> — <bdi>National Intelligence Service</bdi></li>"))
        // EEAS has a page in English only: its Korean name, linked to the English page.
        let korean = try #require(result.text("ko/articles/meeting/index.html"))
        #expect(korean.contains("<li><span dir=\"auto\">김</span> — <a href=\"/agencies/eeas/\" dir=\"auto\" hreflang=\"en\">유럽대외관계청</a></li>"))
        #expect(korean.contains("<li><span dir=\"auto\">이</span> — <a href=\"/ko/agencies/kisa/\" dir=\"auto\">한국인터넷진흥원</a></li>"))
        let json = try ReadingFixture.structuredData(korean)
        let people = try #require(json["mentions"] as? [[String: Any]])
        let affiliations = people.map { $0["affiliation"] as? [String: Any] }
        #expect(affiliations.map { $0?["name"] as? String } == ["유럽대외관계청", "한국인터넷진흥원"])
        #expect(affiliations.map { $0?["url"] as? String } == ["https://reading.test/agencies/eeas/", "https://reading.test/ko/agencies/kisa/"])
    }

    /// Without a series there is no meeting: the article itself carries its chairs and
    /// documents into its JSON-LD.
    @Test func anArticleWithoutASeriesCarriesItsChairsAndDocumentsItself() throws {
        var site = Self.site()
        site["Content/articles/seventh.md"] = ReadingFixture.article("Seventh", "2025-05-20", """
            chairs:
              - {name: Kim Min-ji, role: Director-General, agency: KISA}
            documents:
              - {title: Joint statement, url: "https://example.org/statement"}

            """)
        let json = try ReadingFixture.structuredData(try #require(site.build().text("articles/seventh/index.html")))
        #expect(json["about"] == nil)
        let people = try #require(json["mentions"] as? [[String: Any]])
        #expect(people.map { $0["@type"] as? String } == ["Person"])
        #expect(people[0]["name"] as? String == "Kim Min-ji")
        #expect(people[0]["jobTitle"] as? String == "Director-General")
        #expect((people[0]["affiliation"] as? [String: Any])?["url"] as? String == "https://reading.test/agencies/kisa/")
        let cited = try #require(json["citation"] as? [[String: Any]])
        #expect(cited.map { $0["@type"] as? String } == ["CreativeWork"])
        #expect(cited.map { $0["name"] as? String } == ["Joint statement"])
        #expect(cited.map { $0["url"] as? String } == ["https://example.org/statement"])
    }

    /// A chair's agency is a term reference: one warning for each agency no registry entry
    /// names, at its first use, with how many articles name it; linked to its page wherever
    /// articles publish it under `agencies`, registered or not.
    @Test func anUnregisteredChairsAgencyIsOneWarningAndLinkedWhereItIsPublished() throws {
        var site = Self.site()
        for name in ["a", "b", "c"] {
            site["Content/articles/\(name).md"] = ReadingFixture.article(name.uppercased(), "2025-01-0\(name == "a" ? 1 : name == "b" ? 2 : 3)",
                "chairs:\n  - {name: Lee, agency: Korea Natl Police}\n  - {name: Park, agency: Korea natl police}\n")
        }
        site["Content/articles/d.md"] = ReadingFixture.article("D", "2025-01-04", "agencies: [Coast Office]\nchairs: [{name: Choi, agency: Coast Office}]\n")
        let result = site.build()
        let warnings = result.warnings.filter { $0.message.contains("Korea Natl Police") || $0.message.contains("Korea natl police") }
        #expect(warnings.count == 1, "\(warnings.map { $0.formatted() })")
        #expect(warnings.first?.location.file.hasSuffix("articles/a.md") == true)
        #expect(warnings.first?.message.contains("(in 3 articles, this one first)") == true)
        // Published by d's `agencies` (with its own warning), the chair's agency is linked.
        #expect(!result.warnings.contains { $0.message.contains("chair's agency 'Coast Office'") })
        let d = try #require(result.text("articles/d/index.html"))
        #expect(d.contains("<li><span dir=\"auto\">Choi</span> — <a href=\"/agencies/coast-office/\" dir=\"auto\">Coast Office</a></li>"))

        // Without a registry folder, terms are taken as written: linked, and no warning.
        var plain = ReadingFixture.site([
            "e": ReadingFixture.article("E", "2025-01-05", "agencies: [Foo Office]\nchairs: [{name: Han, agency: foo office}]\n"),
        ])
        plain["Content/static/x.txt"] = "x"
        let unregistered = plain.build()
        #expect(unregistered.warnings.isEmpty, "\(unregistered.warnings.map { $0.formatted() })")
        #expect(try #require(unregistered.text("articles/e/index.html")).contains("— <a href=\"/agencies/foo-office/\" dir=\"auto\">Foo Office</a>"))
    }

    /// A chair's name or a document's title or address of the wrong kind is one error, that
    /// it is of the wrong kind, at its value; one missing or empty, that it is missing, at
    /// its item. Neither is said twice.
    @Test func eachMistakeInAChairOrDocumentIsOneError() throws {
        var site = Self.site()
        site["Content/articles/bad.md"] = """
            ---
            title: Bad
            date: 2025-05-21
            chairs:
              - name: [Eve]
                role: co-chair
              - name:
              - role: chair
            documents:
              - {title: [x], url: "https://example.org/a"}
              - {title: Statement, url: {a: b}}
              - {title: Other}
            ---
            Body.

            """
        let errors = site.build().errors.filter { $0.location.file.hasSuffix("articles/bad.md") }
        let found = errors.map { "\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.message)" }
        #expect(found == [
            "5:11 'name' must be text, found a list",
            "7:5 this chair has no 'name'",
            "8:5 this chair has no 'name'",
            "10:13 'title' must be text, found a list",
            "11:29 'url' must be text, found a mapping of keys to values",
            "12:5 the document 'Other' has no 'url'",
        ], "\(errors.map { $0.formatted() })")
    }
}
