@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinResolve
@testable import BulletinRender
@testable import BulletinBuild
import BulletinTemplates
import Foundation
import Testing

/// Views cannot go silently empty: every variable the pages' template data has is listed
/// in docs/templates.md's reference, under the kinds of page that have it, and every variable
/// listed there is made for some page of a site that has everything. A field added to the
/// data and not documented, or documented and no longer made (renamed, lost), fails here.
@Suite struct TemplateDataTests {
    /// A site with every kind of page and of value: two languages, translations, terms with
    /// descriptions, aliases and other names, a series with sessions and other coverage,
    /// pagination, params, a page.
    static func richSite() -> TestSite {
        var site = LiveSiteDifferentialTests.richSite()
        site["Content/dialogues/test-dialogue.md"] = "---\nname: Test Dialogue\nshort: TD\naliases: [The test]\nnames: {ko: 시험 대화}\nwebsite: https://dialogue.test/\nparties: [A, B]\n---\n\nA dialogue series for tests.\n"
        site["Content/agencies/kisa.md"] = "---\nname: Korea Internet & Security Agency\nshort: KISA\naliases: [Korea Internet and Security Agency]\nnames: {ko: 한국인터넷진흥원}\nwebsite: https://kisa.test/\n---\n\nKorea's internet agency.\n"
        site["Content/articles/other.md"] = "---\ntitle: Other coverage\ndate: 2024-06-01\nupdated: 2024-06-02\nlocation: Seoul\ndialogue: Test Dialogue\nfeatured: true\n"
            + "chairs: [{name: Kim, role: Director, agency: KISA}]\ndocuments: [{title: Statement, url: https://example.org/s}]\n---\n\nOther.\n"
        // An agency with a page in English only, chairing a Korean meeting: linked there.
        site["Content/agencies/ncsc.md"] = "---\nname: National Cyber Security Centre\nshort: NCSC\n---\n"
        site["Content/articles/ncsc-visit.md"] = "---\ntitle: NCSC visit\ndate: 2024-05-01\nagencies: [NCSC]\n---\n\nA visit.\n"
        site["Content/articles/ncsc-meeting.md"] = "---\ntitle: 회의\ndate: 2024-05-02\nlang: ko\nchairs: [{name: 김, agency: NCSC}]\n---\n\n회의.\n"
        // A description in English only, on the Korean page too: marked with its language.
        site["Content/agencies/krcert.md"] = "---\nname: KrCERT\n---\n\nKorea's computer emergency response team.\n"
        site["Content/articles/krcert-briefing.md"] = "---\ntitle: 브리핑\ndate: 2024-05-03\nlang: ko\nagencies: [KrCERT]\n---\n\n브리핑.\n"
        return site
    }

    /// The variables of a template value, as dotted paths; lists add nothing to the path
    /// (`articles.title` is the title of each item of `articles`). Free-form values (`params`,
    /// `i18n`) are their prefix only.
    static func paths(_ value: TemplateValue, prefix: String, into paths: inout Set<String>) {
        switch value {
        case .object(let object):
            if ["params", "i18n"].contains(prefix.split(separator: ".").last.map(String.init) ?? "") { return }
            for key in object.keys {
                let path = prefix.isEmpty ? key : prefix + "." + key
                paths.insert(path)
                Self.paths(object[key]!, prefix: path, into: &paths)
            }
        case .list(let items):
            for item in items { Self.paths(item, prefix: prefix, into: &paths) }
        default:
            break
        }
    }

    /// The variables of every kind of page, from a build of `site`.
    static func made(_ site: TestSite) throws -> [PageKind: Set<String>] {
        var clock = PhaseClock()
        let prepared = PreparedBuild(site.tree(), options: BuildOptions(now: TestSite.now), clock: &clock)
        let theme = try #require(prepared.theme)
        let inputs = RenderInputs(site: prepared.site, bodies: prepared.bodies, theme: theme)
        let contexts = PageContexts(inputs: inputs, pages: prepared.site.plan)
        var result: [PageKind: Set<String>] = [:]
        for page in prepared.site.plan {
            var paths: Set<String> = []
            Self.paths(.object(contexts.context(for: page)), prefix: "", into: &paths)
            result[page.kind, default: []].formUnion(paths)
        }
        return result
    }

    /// The variables docs/templates.md's reference lists, by kind of page, each with the
    /// shape and field it is (`articles.title` is `card.title`).
    static func documented() throws -> [PageKind: [String: String]] {
        let page = try String(contentsOfFile: packageRoot + "/docs/templates.md", encoding: .utf8)
        let block = try #require(page.components(separatedBy: "## Reference").last?.components(separatedBy: "```text\n").dropFirst().first?
            .components(separatedBy: "```").first)
        var types: [String: [String]] = [:]
        var kinds: [String: [String]] = [:]
        for line in block.split(separator: "\n").map(String.init) {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let fields = parts.count > 1 ? parts[1].split(separator: " ").map(String.init) : []
            if parts[0].hasPrefix("type ") { types[String(parts[0].dropFirst(5))] = fields } else { kinds[parts[0]] = fields }
        }
        func expand(_ fields: [String], in type: String, prefix: String, depth: Int = 0) -> [String: String] {
            var paths: [String: String] = [:]
            for field in fields {
                let pieces = field.split(separator: ":").map(String.init)
                let path = prefix.isEmpty ? pieces[0] : prefix + "." + pieces[0]
                paths[path] = type + "." + pieces[0]
                if pieces.count > 1, pieces[1] != "*", let nested = types[pieces[1]], depth < 8 {
                    paths.merge(expand(nested, in: pieces[1], prefix: path, depth: depth + 1)) { first, _ in first }
                }
            }
            return paths
        }
        let every = expand(kinds["every"] ?? [], in: "every", prefix: "")
        var result: [PageKind: [String: String]] = [:]
        for kind in PageKind.allCases {
            let own = expand(try #require(kinds[kind.rawValue], "the reference lacks \(kind.rawValue)"), in: kind.rawValue, prefix: "")
            result[kind] = every.merging(own) { first, _ in first }
        }
        return result
    }

    @Test func everyVariableIsDocumentedAndEveryDocumentedVariableIsMade() throws {
        let made = try Self.made(Self.richSite())
        let documented = try Self.documented()
        var fieldsMade: Set<String> = []
        var fieldsDocumented: Set<String> = []
        for kind in PageKind.allCases {
            let listed = documented[kind] ?? [:]
            let undocumented = (made[kind] ?? []).filter { listed[$0] == nil }
            #expect(undocumented.isEmpty, "\(kind.rawValue) pages have variables docs/templates.md does not list: \(undocumented.sorted())")
            fieldsMade.formUnion((made[kind] ?? []).compactMap { listed[$0] })
            fieldsDocumented.formUnion(listed.values)
        }
        // Each field of each shape is made somewhere (a card's `session` on some list).
        let neverMade = fieldsDocumented.subtracting(fieldsMade)
        #expect(neverMade.isEmpty, "docs/templates.md lists fields no page has: \(neverMade.sorted())")
    }

    /// The test itself fails when it should: a variable made and not listed, and one listed
    /// and not made.
    @Test func aMissingOrStaleVariableIsCaught() throws {
        var paths: Set<String> = []
        Self.paths(["site": ["title": "T", "secret": "x"], "params": ["free": "y"]], prefix: "", into: &paths)
        #expect(paths == ["site", "site.title", "site.secret", "params"])
        let documented = try Self.documented()
        #expect(documented[.home]?["site.secret"] == nil)
        #expect(documented[.article]?["article.taxonomies.terms.url"] == "articleTerm.url")
    }
}
