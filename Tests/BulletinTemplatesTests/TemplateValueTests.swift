@testable import BulletinTemplates
import Testing

/// The data model: literals, helpers, objects' fields and equality.
@Suite struct TemplateValueTests {
    @Test func literals() {
        let value: TemplateValue = ["title": "A", "count": 3, "draft": false, "tags": ["x", 1], "meta": ["k": "v"]]
        guard case .object(let object) = value else {
            Issue.record("a dictionary literal is an object")
            return
        }
        #expect(object["title"] == .text("A"))
        #expect(object["count"] == .number(3))
        #expect(object["draft"] == .bool(false))
        #expect(object["tags"] == .list([.text("x"), .number(1)]))
        #expect(object["meta"] == .object(["k": "v"]))
        #expect(object["missing"] == nil)
    }

    @Test func optionalHelpersLeaveAbsentValuesOut() throws {
        let summary: String? = nil
        let title: String? = "T"
        let session: Int? = nil
        var object = TemplateObject()
        object["summary"] = .text(summary)
        object["title"] = .text(title)
        object["session"] = .number(session)
        object["count"] = .number(Int?.some(2))
        #expect(object.keys == ["count", "title"])
        #expect(try Template("[{{#summary}}x{{/summary}}{{title}}{{count}}]").render(.object(object)) == "[T2]")
    }

    @Test func settingNilRemovesAField() {
        var object: TemplateObject = ["a": 1, "b": 2]
        object["a"] = nil
        object["c"] = 3
        object["b"] = "two"
        #expect(object.keys == ["b", "c"])
        #expect(object.count == 2)
        #expect(object.fields == ["b": .text("two"), "c": .number(3)])
    }

    @Test func equalityDoesNotDependOnOrder() {
        var first = TemplateObject()
        var second = TemplateObject()
        let names = (0..<40).map { "field\($0)" }
        for name in names { first[name] = .text(name) }
        for name in names.reversed() { second[name] = .text(name) }
        #expect(first == second)
        #expect(first == TemplateObject(Dictionary(uniqueKeysWithValues: names.map { ($0, TemplateValue.text($0)) })))
        second["field7"] = 7
        #expect(first != second)
    }

    /// An object made from a literal (all fields at once) equals one whose fields were set one
    /// by one, in any order; of a key given twice, the last value stays.
    @Test func literalsEqualFieldsSetOneByOne() throws {
        let names = ["title", "url", "count", "a", "b", "zz", "é", "한", "title2", "", "countLabel", "hasTerms"]
        // Seeded, so that a failure can be replayed: a linear congruential sequence is enough.
        struct Sequence: RandomNumberGenerator {
            var state: UInt64 = 0x7E37_A7E5
            mutating func next() -> UInt64 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return state ^ (state >> 29)
            }
        }
        var generator = Sequence()
        for _ in 0..<300 {
            let fields = (0..<Int.random(in: 0...14, using: &generator)).map { index in
                (names.randomElement(using: &generator)!, TemplateValue.number(index))
            }
            var expected = TemplateObject()
            for (key, value) in fields { expected[key] = value }
            #expect(TemplateObject(fields: fields) == expected, "\(fields.map(\.0))")
            #expect(TemplateObject(fields: fields.shuffled(using: &generator)).keys == expected.keys)
        }
        let repeated: TemplateValue = ["a": 1, "b": 2, "a": 3]
        guard case .object(let object) = repeated else {
            Issue.record("a dictionary literal is an object")
            return
        }
        #expect(object.count == 2)
        #expect(object["a"] == .number(3))
        #expect(try Template("{{a}}{{b}}").render(repeated) == "32")
    }

    @Test func largeObjectsFindEveryField() throws {
        var object = TemplateObject()
        for index in 0..<500 { object["k\(index)"] = .number(index) }
        let template = try Template("{{k0}} {{k250}} {{k499}} [{{k500}}]")
        #expect(template.render(.object(object)) == "0 250 499 []")
        for index in stride(from: 0, to: 500, by: 37) { #expect(object["k\(index)"] == .number(index)) }
    }

    @Test func merging() {
        let base: TemplateObject = ["a": 1, "b": 2]
        let merged = base.merging(["b": "B", "c": 3])
        #expect(merged == ["a": 1, "b": "B", "c": 3])
        #expect(base == ["a": 1, "b": 2])
    }

    @Test func truthiness() {
        #expect(TemplateValue.text("").isTruthy)
        #expect(TemplateValue.number(0).isTruthy)
        #expect(TemplateValue.object([:]).isTruthy)
        #expect(TemplateValue.bool(true).isTruthy)
        #expect(!TemplateValue.bool(false).isTruthy)
        #expect(!TemplateValue.list([]).isTruthy)
        #expect(TemplateValue.list([false]).isTruthy)
    }

    @Test func howEachKindRenders() throws {
        let data: TemplateValue = [
            "text": "", "zero": 0, "negative": .number(Int.min), "yes": true, "no": false, "empty": [], "object": [:],
        ]
        #expect(
            try Template("[{{text}}|{{zero}}|{{negative}}|{{yes}}|{{no}}|{{empty}}|{{object}}]").render(data)
                == "[|0|\(Int.min)|true|false||]")
        // In sections: "" and 0 and {} are truthy and pushed; false and [] are not.
        #expect(
            try Template("{{#text}}t{{/text}}{{#zero}}{{.}}{{/zero}}{{#object}}o{{/object}}{{#no}}n{{/no}}{{#empty}}e{{/empty}}")
                .render(data) == "t0o")
    }

    @Test func aLeadingDotLooksOnlyAtTheTopOfTheStack() throws {
        // swift-mustache's `{{.name}}`: no looking further down the context stack.
        let data: TemplateValue = ["name": "outer", "item": ["other": 1]]
        #expect(try Template("{{#item}}[{{name}}|{{.name}}|{{.other}}]{{/item}}").render(data) == "[outer||1]")
    }

    /// Text given as its UTF-8 bytes (how a page goes into its layout) renders exactly as the
    /// same text does: escaped and not, as a section, through transforms, as a partial's name.
    @Test func utf8BytesRenderAsTheirText() throws {
        let text = "<b>Seoul & 서울</b> \"q\" 'a'\nline"
        let library = TemplateLibrary(partials: [text: try Template("[partial]")])
        let template = try Template(
            "{{x}}|{{{x}}}|{{& x}}|{{#x}}({{.}}){{/x}}|{{^x}}none{{/x}}|{{uppercased(x)}}|{{empty(x)}}|{{list}}|{{>* x}}")
        let asText = template.render(["x": .text(text), "list": .list([.text(text), .text("b")])], library: library)
        let asBytes = template.render(
            ["x": .utf8(Array(text.utf8)), "list": .list([.utf8(Array(text.utf8)), .utf8(Array("b".utf8))])], library: library)
        #expect(asBytes == asText)
        #expect(asText.contains("&lt;b&gt;Seoul &amp; 서울&lt;/b&gt; &quot;q&quot; &#39;a&#39;"))
        #expect(asText.hasSuffix("[partial]"))
        // Empty bytes, like empty text, render nothing but are truthy.
        #expect(try Template("[{{x}}{{#x}}y{{/x}}]").render(["x": .utf8([])]) == "[y]")
        #expect(try Template("{{sorted(list)}}").render(["list": .list([.utf8(Array("b".utf8)), .text("a")])]) == "a, b")
    }
}
