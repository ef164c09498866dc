import BulletinOutput
@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinBuild
import Foundation
import Testing

/// The live site against full builds, by randomised differential testing: a seeded generator
/// makes a sequence of edits of every kind (article texts, titles, dates, slugs, drafts,
/// terms, series and sessions, registry entries, site.yaml, templates, static files, pages;
/// files added, renamed and removed; valid and broken), and after every one the live site
/// must hold exactly the files of a full build of the same tree, byte for byte, and the same
/// diagnostics (or, when the tree does not build, the same diagnostics and its last good
/// files).
///
/// `BULLETIN_DIFFERENTIAL_EDITS=5000 BULLETIN_DIFFERENTIAL_SEED=7 swift test --filter Differential`
/// runs more, or other, edits.
@Suite struct LiveSiteDifferentialTests {
    static let edits = ProcessInfo.processInfo.environment["BULLETIN_DIFFERENTIAL_EDITS"].flatMap(Int.init) ?? 320
    static let seed = ProcessInfo.processInfo.environment["BULLETIN_DIFFERENTIAL_SEED"].flatMap(UInt64.init) ?? 20_261_201

    @Test func everyEditGivesWhatAFullBuildGives() throws {
        var random = SplitMix64(seed: Self.seed)
        var site = SiteEdits.start()
        var live = LiveSite(tree: site.tree(), options: BuildOptions(now: TestSite.now))
        var lastGood: [String: FileContents] = [:]
        var kinds: [String: Int] = [:]
        var failures = 0
        for step in 1...Self.edits {
            let before = site.allFiles
            let kind = SiteEdits.apply(&site, random: &random)
            kinds[kind, default: 0] += 1
            let after = site.allFiles
            var changes: Set<SourceChange> = []
            for path in Set(before.keys).union(after.keys) where before[path] != after[path] {
                if let content = path.removingPrefix("Content/") { changes.insert(.content(content)) }
                if let template = path.removingPrefix("Templates/") { changes.insert(.template(template)) }
            }
            let outcome = live.update(tree: site.tree(), changes: changes)
            let full = site.build()
            let label = "step \(step) (\(kind))"
            #expect(live.diagnostics == full.diagnostics, "\(label): \(Self.difference(live.diagnostics, full.diagnostics))")
            if full.succeeded {
                #expect(live.isCurrent, "\(label)")
                let expected = Dictionary(uniqueKeysWithValues: (full.output?.files ?? []).map { ($0.path, $0.contents) })
                let missing = Set(expected.keys).subtracting(live.files.keys).sorted()
                let extra = Set(live.files.keys).subtracting(expected.keys).sorted()
                let differing = expected.keys.filter { live.files[$0] != nil && live.files[$0] != expected[$0] }.sorted()
                #expect(missing.isEmpty && extra.isEmpty && differing.isEmpty,
                        "\(label): missing \(missing.prefix(5)), extra \(extra.prefix(5)), differing \(differing.prefix(5))")
                // What the update reports as changed is what differs from the last good site.
                if !lastGood.isEmpty {
                    let reallyChanged = Set(expected.keys.filter { lastGood[$0] != expected[$0] })
                    let reported = outcome.changed.union(outcome.removed)
                    #expect(reallyChanged.subtracting(reported).isEmpty, "\(label): unreported \(reallyChanged.subtracting(reported).sorted().prefix(5))")
                }
                lastGood = expected
            } else {
                failures += 1
                if ProcessInfo.processInfo.environment["BULLETIN_DIFFERENTIAL_VERBOSE"] != nil {
                    print("\(label) fails: \(full.errors.first.map { $0.formatted() } ?? "")")
                }
                #expect(!live.isCurrent, "\(label)")
                #expect(outcome.strategy == .failed, "\(label)")
                if !lastGood.isEmpty { #expect(live.files == lastGood, "\(label): the last good site is kept") }
            }
            if live.diagnostics != full.diagnostics { break }  // the first difference says most
        }
        // The generator covers every kind of edit, and breaks the site now and then.
        #expect(Set(kinds.keys) == Set(SiteEdits.kinds), "kinds never made: \(Set(SiteEdits.kinds).subtracting(kinds.keys).sorted())")
        #expect(failures > 5 && failures < Self.edits / 2, "\(failures) of \(Self.edits) edits broke the site")
    }

    /// The differential test's starting site: every kind of page and of value.
    static func richSite() -> TestSite {
        SiteEdits.start()
    }

    static func difference(_ a: [Diagnostic], _ b: [Diagnostic]) -> String {
        let onlyLive = a.filter { !b.contains($0) }.map { "live: " + $0.formatted() }
        let onlyFull = b.filter { !a.contains($0) }.map { "full: " + $0.formatted() }
        return (onlyLive + onlyFull).prefix(4).joined(separator: "\n")
    }
}

/// A small generator of random numbers that gives the same sequence for a seed on every
/// machine (Swift's own is seeded per process).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The edits the differential test makes, on a site of two languages.
enum SiteEdits {
    static let kinds = [
        "body", "title", "summary", "date", "slug", "draft", "terms", "unregistered term", "dialogue", "session",
        "registry entry", "new registry entry", "registry translation", "site.yaml", "template", "partial", "static file",
        "new article", "rename", "remove article", "page", "translation", "broken front matter", "broken link",
        "broken template", "repair", "chairs", "related settings", "site words",
    ]

    static let agencies = ["KISA", "EEAS", "kisa", "European External Action Service", "한국인터넷진흥원", "MOFA"]
    static let threats = ["ransomware", "Ransomware", "phishing", "DPRK crypto theft", "spyware"]
    static let locations = ["Seoul", "Brussels", "virtual", "서울"]

    /// The site the sequence starts from: the standard test site with more articles, a Korean
    /// edition with translations, a page and a static file.
    static func start() -> TestSite {
        var site = TestSite.standard()
        site["Content/site.yaml"] = "title: Test Bulletin\nbaseURL: https://bulletin.test/\nperPage: 2\nlanguages: [en, ko]\n"
        site["Content/agencies/mofa.md"] = "---\nname: Ministry of Foreign Affairs\nshort: MOFA\nnames: {ko: 외교부}\n---\n\nThe ministry.\n"
        site["Content/agencies/kisa.ko.md"] = "---\nname: 한국인터넷진흥원\n---\n\n한국의 인터넷 기관.\n"
        site["Content/pages/about.md"] = "---\ntitle: About\ntranslationKey: about\n---\n\nAbout [the first](../articles/first.md).\n"
        site["Content/pages/ko/about.md"] = "---\ntitle: 소개\nlang: ko\nslug: about\ntranslationKey: about\n---\n\n소개.\n"
        site["Content/static/map.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        for day in 1...5 {
            site["Content/articles/bulk-\(day).md"] = article(title: "Bulk \(day)", date: "2024-05-0\(day)", extra: "agencies: [KISA]\n")
        }
        site["Content/articles/ko/first.md"] = """
            ---
            title: 첫 회의
            date: 2024-03-01
            lang: ko
            slug: first
            translationKey: first
            dialogue: Test Dialogue
            session: 1
            agencies: [KISA]
            threats: [ransomware]
            ---

            첫 회의의 첫 문단.

            """
        site["Content/articles/first.md"] = site["Content/articles/first.md"]!.replacingOccurrences(of: "title: First meeting\n", with: "title: First meeting\ntranslationKey: first\n")
        return site
    }

    static func article(title: String, date: String, extra: String = "", body: String = "Text.") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\n\n\(body)\n"
    }

    /// Makes one random edit; its kind.
    static func apply(_ site: inout TestSite, random: inout SplitMix64) -> String {
        let kind = kinds.randomElement(using: &random)!
        let articles = site.files.keys.filter { $0.hasPrefix("Content/articles/") }.sorted()
        let path = articles.randomElement(using: &random)!
        let number = Int.random(in: 1...60, using: &random)
        let movable = articles.filter { $0.contains("/bulk-") || $0.contains("/new-") }
        func edit(_ path: String, _ change: (String) -> String) {
            if let text = site.files[path] ?? TestSite.defaultTheme[path] { site.files[path] = change(text) }
        }
        /// Replaces the value of `key` in the front matter, or adds the key.
        func set(_ key: String, _ value: String?, in path: String) {
            edit(path) { text in
                guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
                else { return text }
                var lines = text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                lines.removeAll { $0.hasPrefix(key + ":") }
                if let value { lines.append("\(key): \(value)") }
                return "---\n" + lines.joined(separator: "\n") + text[end.lowerBound...]
            }
        }
        switch kind {
        case "body": edit(path) { $0 + "\nMore text \(number), about ransomware and 서울에서 talks.\n" }
        case "title": set("title", "Title \(number)", in: path)
        case "summary": set("summary", number % 3 == 0 ? nil : "Summary \(number).", in: path)
        case "date": set("date", "2024-0\(1 + number % 9)-1\(number % 10)", in: path)
        case "slug": set("slug", number % 4 == 0 ? nil : "slug-\(number)", in: path)
        case "draft": set("draft", number % 2 == 0 ? "true" : nil, in: path)
        case "terms":
            set("agencies", "[\(agencies.shuffled(using: &random).prefix(number % 3).joined(separator: ", "))]", in: path)
            set("threats", "[\(threats.shuffled(using: &random).prefix(number % 2 + 1).joined(separator: ", "))]", in: path)
        case "chairs":
            // Chairs and documents are front matter: shown on the article, in its JSON-LD and
            // in the open data; a chair's agency links to a term page that may come and go.
            set("chairs", number % 3 == 0 ? nil : "[{name: Chair \(number), role: Head, agency: \(agencies[number % agencies.count])}]", in: path)
            set("documents", number % 2 == 0 ? nil : "[{title: Statement \(number), url: /map.svg}, {title: Release \(number), url: https://example.org/s-\(number).pdf}]", in: path)
        case "related settings":
            site["Content/site.yaml"] = "title: Test Bulletin\nbaseURL: https://bulletin.test/\nperPage: 2\nlanguages: [en, ko]\n"
                + "related: {limit: \(number % 4), weights: {dialogues: \(number % 3), agencies: \(number % 2)}}\n"
        case "unregistered term": set("agencies", "[Harbour Police \(number % 3)]", in: path)
        case "dialogue": set("dialogue", number % 3 == 0 ? nil : "Test Dialogue", in: path)
        case "session": set("session", number % 4 == 0 ? nil : String(number % 5 + 1), in: path)
        case "registry entry":
            edit("Content/agencies/eeas.md") { _ in "---\nname: European External Action Service \(number % 3)\nshort: EEAS\naliases: [Alias \(number)]\n---\n\nThe EU's service, \(number).\n" }
        case "new registry entry":
            let entry = "Content/threats/threat-\(number % 4).md"
            site.files[entry] = site.files[entry] == nil ? "---\nname: Threat \(number % 4)\n---\n\nA threat.\n" : nil
        case "registry translation":
            site.files["Content/agencies/kisa.ko.md"] = number % 3 == 0 ? nil : "---\nname: 한국인터넷진흥원 \(number % 2)\n---\n\n설명 \(number).\n"
        case "site.yaml":
            // Now and then the site moves under a path: every absolute address and link with it.
            let address = number % 4 == 1 ? "https://bulletin.test/news/" : "https://bulletin.test/"
            site["Content/site.yaml"] = "title: Test Bulletin \(number % 3)\nbaseURL: \(address)\nperPage: \(number % 3 + 1)\nlanguages: [en, ko]\n"
                + (number % 5 == 0 ? "description: A description \(number).\n" : "")
        case "site words":
            // The site's words alone (its title, description, a parameter, the languages' own
            // titles and descriptions), the rest of site.yaml as it is: the structure stays.
            edit("Content/site.yaml") { text in
                var lines = text.split(separator: "\n").map(String.init).filter { line in
                    !["title:", "description:", "tagline:", "languages:"].contains { line.hasPrefix($0) }
                }
                // Now and then without its title (an error) or with a misspelt word (a warning).
                if number % 7 != 0 { lines.insert("title: Test Bulletin \(number % 4)", at: 0) }
                if number % 3 != 0 { lines.append("description: Words \(number).") }
                if number % 2 == 0 { lines.append("tagline: Tag \(number % 5)") }
                let korean = number % 5 == 0 ? "{title: 회보, subtitle: 부제}" : "{title: 회보 \(number % 3), description: 설명 \(number)}"
                lines.append(number % 4 == 0 ? "languages: [en, ko]"
                    : "languages: {en: \(number % 8 == 1 ? "{title: English \(number)}" : "null"), ko: \(korean)}")
                return lines.joined(separator: "\n") + "\n"
            }
        case "template":
            let name = ["Templates/article.mustache", "Templates/term.mustache", "Templates/layout.mustache"][number % 3]
            edit(name) { $0.replacingOccurrences(of: "</div>", with: "<!-- \(number) --></div>") }
        case "partial":
            let name = ["Templates/partials/article-card.mustache", "Templates/partials/site-footer.mustache",
                        "Templates/partials/term-reading.mustache"][number % 3]
            edit(name) { $0 + "<!-- \(number) -->\n" }
        case "static file":
            site.files["Content/static/file-\(number % 3).txt"] = number % 4 == 0 ? nil : "text \(number)\n"
        case "new article":
            site.files["Content/articles/new-\(number % 6).md"] = article(
                title: "New \(number)", date: "2024-0\(1 + number % 9)-2\(number % 8)",
                extra: "agencies: [\(agencies[number % agencies.count])]\n" + (number % 2 == 0 ? "lang: ko\n" : ""),
                body: "See [the first](first.md) and [the second](second.md).")
        case "rename":
            // Articles other files link to keep their names (a broken link stays broken).
            if let path = movable.randomElement(using: &random) {
                let text = site.files.removeValue(forKey: path)
                site.files[path.replacingOccurrences(of: ".md", with: "-\(number % 3).md")] = text
            }
        case "remove article":
            if movable.count > 2, let path = movable.randomElement(using: &random) { site.files[path] = nil }
        case "page":
            edit("Content/pages/about.md") { _ in "---\ntitle: About \(number % 3)\ntranslationKey: about\n---\n\nAbout us, \(number).\n" }
        case "translation":
            site.files["Content/articles/ko/second.md"] = number % 3 == 0 ? nil : article(
                title: "두 번째 \(number)", date: "2024-04-01",
                extra: "lang: ko\nslug: second\ntranslationKey: second-\(number % 2)\ndialogue: test-dialogue\nsession: 2\n",
                body: "번역 \(number).")
            set("translationKey", "second-0", in: "Content/articles/second.md")
        case "broken front matter": edit(path) { $0.replacingOccurrences(of: "title:", with: "title: [unclosed", options: [], range: nil) }
        case "broken link": edit(path) { $0 + "\n[gone](missing-\(number).md)\n" }
        case "broken template": edit("Templates/home.mustache") { $0 + "{{#unclosed-\(number)}}\n" }
        case "repair": repair(&site)
        default: preconditionFailure(kind)
        }
        // A site that stays broken tests little: most edits come after a repair.
        if kind != "repair", !kind.hasPrefix("broken"), Int.random(in: 0..<3, using: &random) == 0 { repair(&site) }
        return kind
    }

    /// Takes back every breaking edit: front matter, links and the home template.
    static func repair(_ site: inout TestSite) {
        for (path, text) in site.files where path.hasPrefix("Content/") {
            var fixed = text.replacingOccurrences(of: "title: [unclosed", with: "title:")
            while let range = fixed.range(of: "\n[gone](missing-") {
                let end = fixed[range.upperBound...].firstIndex(of: "\n") ?? fixed.endIndex
                fixed.removeSubrange(range.lowerBound..<end)
            }
            site.files[path] = fixed
        }
        site.files["Templates/home.mustache"] = TestSite.defaultTheme["Templates/home.mustache"]
    }
}
