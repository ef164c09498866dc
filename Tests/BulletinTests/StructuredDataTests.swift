@testable import BulletinBuild
@testable import BulletinContent
@testable import BulletinCore
@testable import BulletinRender
@testable import BulletinResolve
import Testing

/// Articles' JSON-LD shares its terms and publisher across pages, each written once
/// (`StructuredData.Shared`): what a page gets is byte for byte what writing every part
/// for it gives, in every language and whichever page asked first.
@Suite struct StructuredDataTests {
    @Test(arguments: [false, true])
    func sharedPartsWriteWhatEachPageWould(bilingual: Bool) throws {
        let site = bilingual ? BilingualSiteTests.site() : TestSite.standard()
        var clock = PhaseClock()
        let prepared = PreparedBuild(site.tree(), options: BuildOptions(now: TestSite.now), clock: &clock)
        let theme = try #require(prepared.theme)
        let inputs = RenderInputs(site: prepared.site, bodies: prepared.bodies, theme: theme)
        let shared = StructuredData.Shared()
        var articles = 0
        // Twice over, so that the second pass reads what the first wrote.
        for _ in 0..<2 {
            for published in prepared.site.articles {
                let card = try #require(inputs.cards[published.article.path])
                let siteData = try #require(inputs.sites[card.lang])
                let data = try #require(inputs.articles[published.article.path])
                var about: [(taxonomy: LinkData, terms: [TermLinkData])] = []
                for (position, taxonomy) in prepared.site.taxonomies.enumerated() where !data.terms[position].isEmpty {
                    about.append((siteData.taxonomies[position], data.terms[position].compactMap {
                        inputs.termLinks[RenderInputs.TermInLanguage(taxonomy: taxonomy.name, id: $0, lang: card.lang)]
                    }))
                }
                let plain = StructuredData(routes: prepared.site.routes, site: siteData)
                let sharing = StructuredData(routes: prepared.site.routes, site: siteData, shared: shared)
                let expected = StructuredData.encode(plain.article(card, terms: about))
                #expect(StructuredData.encode(sharing.article(card, terms: about)) == expected, "\(published.article.path)")
                #expect(expected.count > 100)
                articles += 1
            }
        }
        #expect(articles > 2)
    }

    /// A part already written is copied as it is, wherever it sits.
    @Test func writtenValuesAreCopied() {
        let part: JSONValue = ["b": "x<y", "a": [.integer(1), .bool(true)]]
        var bytes: [UInt8] = []
        part.write(to: &bytes)
        let whole: JSONValue = ["list": .array([.written(bytes), .null]), "one": .written(bytes)]
        #expect(whole.encoded == #"{"list":[{"a":[1,true],"b":"x\u003cy"},null],"one":{"a":[1,true],"b":"x\u003cy"}}"#)
    }

    /// An object's keys are written once each, sorted by code point whatever order they were
    /// set in: a key set again keeps its last value (in its first place), a key set to nil is
    /// gone, and a field added while writing (`@context`) takes the place of one of its name.
    @Test func objectsWriteEachKeyOnceInCodePointOrder() {
        var object: JSONObject = [
            "é": .integer(1), "b": .integer(2), "B": .integer(3), "a": .integer(4), "ab": .integer(6),
            "한": .integer(7), "Z": .integer(8),
        ]
        object["b"] = .integer(5)
        object["a"] = nil
        object["z"] = "last"
        object["B"] = .integer(9)
        #expect(object.count == 7)
        #expect(JSONValue.object(object).encoded == #"{"B":9,"Z":8,"ab":6,"b":5,"z":"last","é":1,"한":7}"#)
        var written: [UInt8] = []
        JSONValue.writeObject(object, adding: ("b", "added"), to: &written)
        #expect(String(decoding: written, as: UTF8.self) == #"{"B":9,"Z":8,"ab":6,"b":"added","z":"last","é":1,"한":7}"#)
        written = []
        JSONValue.writeObject(object, adding: ("@context", "c"), to: &written)
        #expect(String(decoding: written, as: UTF8.self) == #"{"@context":"c","B":9,"Z":8,"ab":6,"b":5,"z":"last","é":1,"한":7}"#)
        written = []
        JSONValue.writeObject(JSONObject(), adding: ("only", .null), to: &written)
        #expect(String(decoding: written, as: UTF8.self) == #"{"only":null}"#)
        #expect(JSONValue.object(JSONObject()).encoded == "{}")
        #expect(JSONValue.object(JSONObject(["y": .integer(1), "x": .integer(2)])).encoded == #"{"x":2,"y":1}"#)
    }
}
