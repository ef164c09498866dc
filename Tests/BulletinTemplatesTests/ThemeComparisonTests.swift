import BulletinTemplates
import Foundation
import Mustache
import Testing

/// Every template of Bulletin's theme (`Templates/`), rendered by BulletinTemplates and by
/// swift-mustache 2.1.1 over random data made from the names its tags use: the same bytes.
///
/// The data leaves out what the two render differently on purpose: a list or an object where
/// a variable is printed (swift-mustache prints Swift's `String(describing:)` of it).
@Suite struct ThemeComparisonTests {
    @Test func theThemeRendersAsSwiftMustacheRendersIt() throws {
        let theme = try Theme.load()
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<40 {
            var data = theme.randomData(using: &generator)
            data["content"] = "<p>The page's own content.</p>\n"
            for (name, text) in theme.pages {
                let ours = try Template(text).render(.object(data), library: theme.library)
                let theirs = try MustacheTemplate(string: text).render(
                    TemplateValue.object(data).swiftMustacheValue, library: theme.swiftMustacheLibrary)
                if ours != theirs { Issue.record("\(name).mustache differs: \(firstDifference(ours, theirs))") }
            }
        }
    }
}

/// Where two texts part, with a little of each from there.
private func firstDifference(_ ours: String, _ theirs: String) -> String {
    let a = Array(ours.utf8)
    let b = Array(theirs.utf8)
    let common = zip(a, b).prefix { $0 == $1 }.count
    func excerpt(_ bytes: [UInt8]) -> String {
        String(decoding: bytes[max(0, common - 60)..<min(bytes.count, common + 100)], as: UTF8.self).debugDescription
    }
    return "at byte \(common):\n ours:   \(excerpt(a))\n theirs: \(excerpt(b))"
}

/// The theme's templates, and data for them.
private struct Theme {
    var pages: [(String, String)]
    var library: TemplateLibrary
    var swiftMustacheLibrary: MustacheLibrary
    /// Names printed (`{{name}}`, `{{{name}}}`), and names used as sections or transformed.
    var variables: [String]
    var sections: [String]
    /// Sections that print their items (`{{.}}`): lists of texts.
    var listsOfTexts: Set<String>

    static func load() throws -> Theme {
        let folder = packageRoot + "/Templates"
        func templates(in folder: String) throws -> [(String, String)] {
            try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }.sorted()
                .map { (String($0.dropLast(".mustache".count)), try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) }
        }
        let pages = try templates(in: folder)
        let partials = try templates(in: folder + "/partials")
        var variables = Set<String>()
        var sections = Set<String>()
        var listsOfTexts = Set<String>()
        for (_, text) in pages + partials {
            var open: [String] = []
            for tag in try Template(text).tags {
                switch tag.sigil {
                case "#", "^": open.append(tag.name)
                case "/": open.removeLast()
                case "", "{", "&": if tag.name == ".", let section = open.last { listsOfTexts.insert(section) }
                default: break
                }
                // `count(terms)` uses `terms`; `first()` uses nothing.
                let name = String(tag.name.split(separator: "(").last?.prefix { $0 != ")" } ?? "")
                guard !name.isEmpty, name != "." else { continue }
                switch tag.sigil {
                case "#", "^": sections.insert(name)
                // A transform's argument (`count(dialogues)`) may be a list or an object: only
                // what is printed as it is must be text.
                case "", "{", "&":
                    if tag.name.contains("(") { sections.insert(name) } else { variables.insert(name) }
                default: break
                }
            }
        }
        return Theme(
            pages: pages,
            library: TemplateLibrary(partials: Dictionary(uniqueKeysWithValues: try partials.map { ($0.0, try Template($0.1)) })),
            swiftMustacheLibrary: MustacheLibrary(
                templates: Dictionary(uniqueKeysWithValues: try partials.map { ($0.0, try MustacheTemplate(string: $0.1)) })),
            variables: variables.sorted(), sections: sections.subtracting(variables).sorted(), listsOfTexts: listsOfTexts)
    }

    /// Texts (escaping-worthy ones) for about two thirds of the variables; for about half of
    /// the sections, true, false, a text, an object or a list of up to two objects like this
    /// one (a list of texts for a section that prints its items).
    func randomData(using generator: inout SeededGenerator, depth: Int = 0) -> TemplateObject {
        var object = TemplateObject()
        let texts = ["Korea & the EU", "<i>x</i>", #"it's "quoted""#, "", "한국인터넷진흥원"]
        for name in variables where Int.random(in: 0..<3, using: &generator) > 0 {
            set(&object, name, .text(texts.randomElement(using: &generator)!))
        }
        for name in sections where Bool.random(using: &generator) {
            let value: TemplateValue
            if listsOfTexts.contains(name) {
                set(&object, name, .list((0..<Int.random(in: 0...3, using: &generator)).map { _ in .text(texts.randomElement(using: &generator)!) }))
                continue
            }
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: value = true
            case 1: value = false
            case 2: value = "text"
            case 3: value = depth < 2 ? .object(randomData(using: &generator, depth: depth + 1)) : true
            default:
                value = .list(depth < 2 ? (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                    .object(randomData(using: &generator, depth: depth + 1))
                } : [])
            }
            set(&object, name, value)
        }
        return object
    }

    /// Sets `a.b.c` to `value`, making the objects on the way.
    private func set(_ object: inout TemplateObject, _ path: String, _ value: TemplateValue) {
        let keys = path.split(separator: ".").map(String.init)
        func set(_ object: inout TemplateObject, _ keys: ArraySlice<String>) {
            guard let key = keys.first else { return }
            if keys.count == 1 {
                object[key] = value
                return
            }
            var inner = TemplateObject()
            if case .object(let existing)? = object[key] { inner = existing }
            set(&inner, keys.dropFirst())
            object[key] = .object(inner)
        }
        set(&object, keys[...])
    }
}

/// SplitMix64: the same data in every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
