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
}
