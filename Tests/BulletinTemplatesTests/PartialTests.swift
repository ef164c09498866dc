import BulletinTemplates
import Testing

/// Partials: resolved by name when the library is built, recursive, bounded.
@Suite struct PartialTests {
    @Test func aRecursivePartialInASectionEndsWithTheData() throws {
        let node = try Template("<li>{{name}}{{#children}}<ul>{{>node}}</ul>{{/children}}</li>")
        let library = TemplateLibrary(partials: ["node": node])
        let tree: TemplateValue = [
            "name": "root",
            "children": [
                ["name": "a", "children": [["name": "a1", "children": []], ["name": "a2", "children": []]]],
                // Without `children`, the lookup would find the parent's (Mustache looks down
                // the context stack), and recurse until the depth limit.
                ["name": "b", "children": false],
            ],
        ]
        #expect(
            try Template("{{>node}}").render(tree, library: library)
                == "<li>root<ul><li>a<ul><li>a1</li></ul><ul><li>a2</li></ul></li></ul><ul><li>b</li></ul></li>")
        // The library's own copy renders the same.
        #expect(library["node"]?.render(tree, library: library) == (try Template("{{>node}}").render(tree, library: library)))
    }

    /// A partial that includes itself whatever the data would never end: 200 levels down,
    /// the render stops going deeper instead of exhausting the stack.
    @Test func aPartialIncludingItselfOutsideASectionStops() throws {
        let library = TemplateLibrary(partials: ["self": try Template("x{{>self}}")])
        let rendered = try Template("{{>self}}").render(["a": 1], library: library)
        #expect(rendered == String(repeating: "x", count: 200))
    }

    @Test func twoPartialsIncludingEachOtherStop() throws {
        let library = TemplateLibrary(partials: [
            "a": try Template("a{{#t}}{{>b}}{{/t}}"),
            "b": try Template("b\n  {{>a}}\n"),
        ])
        let rendered = try Template("{{>a}}").render(["t": true], library: library)
        #expect(rendered.filter { $0 == "a" || $0 == "b" }.count == 200)
        // Each `a` is indented once more than the last, up to the 100th.
        #expect(rendered.hasSuffix("\n" + String(repeating: "  ", count: 99) + "ab\n"))
    }

    @Test func anOverrideExpandingItselfStops() throws {
        let library = TemplateLibrary(partials: ["p": try Template("{{$a}}{{/a}}")])
        let rendered = try Template("{{<p}}{{$a}}y{{$a}}{{/a}}{{/a}}{{/p}}").render([:], library: library)
        #expect(rendered == String(repeating: "y", count: 199))
    }

    @Test func aMissingPartialRendersNothing() throws {
        #expect(try Template("[{{>missing}}]").render([:]) == "[]")
        #expect(try Template("[{{>*name}}]").render(["name": "missing"]) == "[]")
        #expect(try Template("[{{>*name}}]").render(["name": 3]) == "[]")
    }

    @Test func dynamicPartials() throws {
        let library = TemplateLibrary(partials: ["card": try Template("<card>{{title}}</card>"), "row": try Template("<row>{{title}}</row>")])
        let data: TemplateValue = ["items": [["kind": "card", "title": "A"], ["kind": "row", "title": "B"]]]
        #expect(try Template("{{#items}}{{>*kind}}{{/items}}").render(data, library: library) == "<card>A</card><row>B</row>")
    }

    @Test func aStandalonePartialIndentsEachOfItsLines() throws {
        let library = TemplateLibrary(partials: [
            "list": try Template("<ul>\n{{#items}}\n  <li>{{.}}</li>\n{{/items}}\n</ul>\n"),
            "empty": try Template("{{#none}}\nx\n{{/none}}\n"),
        ])
        let rendered = try Template("<nav>\n  {{>list}}\n  {{>empty}}\n</nav>\n").render(["items": ["a", "b"]], library: library)
        // Every line of every item is indented (swift-mustache indents only the first item's),
        // and a partial that renders nothing leaves no white space.
        #expect(rendered == "<nav>\n  <ul>\n    <li>a</li>\n    <li>b</li>\n  </ul>\n</nav>\n")
    }

    @Test func thePartialsOfATemplateOutsideTheLibraryAreFoundByName() throws {
        let library = TemplateLibrary(partials: ["a": try Template("A{{>b}}"), "b": try Template("B")])
        #expect(library.names == ["a", "b"])
        #expect(try Template("{{>a}}{{>b}}").render([:], library: library) == "ABB")
    }
}

extension PartialTests {
    /// swift-mustache indents only after a line ending in `\n` alone (it compares Characters,
    /// and `\r\n` is one); a `\r\n` line ends a line here too.
    @Test func indentationFollowsCRLFLines() throws {
        let library = TemplateLibrary(partials: ["p": try Template("a\r\nb\r\n")])
        #expect(try Template("<div>\r\n  {{>p}}\r\n</div>").render([:], library: library) == "<div>\r\n  a\r\n  b\r\n</div>")
    }

    @Test func aTemplateRendersTheSameFromManyTasksAtOnce() async throws {
        let template = try Template("{{#items}}<li>{{uppercased(.)}}</li>{{/items}}{{>p}}")
        let library = TemplateLibrary(partials: ["p": try Template("[{{count(items)}}]")])
        let renders = await withTaskGroup(of: String.self) { group in
            for index in 0..<16 {
                group.addTask { template.render(["items": .list((0...index).map { .text("i\($0)") })], library: library) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(renders.count == 16)
        #expect(renders.contains("<li>I0</li><li>I1</li>[2]"))
    }
}
