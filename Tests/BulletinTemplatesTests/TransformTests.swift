import BulletinTemplates
import Testing

/// swift-mustache's transforms, one test each, with what swift-mustache 2.1.1 renders.
@Suite struct TransformTests {
    private func render(_ template: String, _ data: TemplateValue) throws -> String {
        try Template(template).render(data)
    }

    // MARK: - Text

    @Test func capitalized() throws {
        #expect(try render("{{capitalized(x)}}", ["x": "hello wORLD"]) == "Hello World")
        // Foundation's rule: a word ends at anything but a letter, a mark or an apostrophe.
        #expect(try render("{{{capitalized(x)}}}", ["x": "o'neil 3rd hello-world ǆemal straße"]) == "O'neil 3Rd Hello-World ǅemal Straße")
    }

    @Test func lowercased() throws {
        #expect(try render("{{lowercased(x)}}", ["x": "KISA Ünïcode İ"]) == "kisa ünïcode i\u{307}")
    }

    @Test func uppercased() throws {
        #expect(try render("{{uppercased(x)}}", ["x": "kisa straße é"]) == "KISA STRASSE É")
    }

    @Test func reversedText() throws {
        // By Character: the accent stays on its letter.
        #expect(try render("{{reversed(x)}}", ["x": "abe\u{301}"]) == "e\u{301}ba")
    }

    @Test func emptyText() throws {
        #expect(try render("{{empty(x)}} {{empty(y)}}", ["x": "", "y": "y"]) == "true false")
        #expect(try render("{{#empty(x)}}none{{/empty(x)}}", ["x": ""]) == "none")
    }

    @Test func transformsEscapeTheirResult() throws {
        #expect(try render("{{uppercased(x)}} {{{uppercased(x)}}}", ["x": "<b>"]) == "&lt;B&gt; <B>")
    }

    // MARK: - Lists

    @Test func first() throws {
        #expect(try render("{{first(x)}}", ["x": ["a", "b", "c"]]) == "a")
        #expect(try render("{{#first(x)}}{{name}}{{/first(x)}}", ["x": [["name": "A"], ["name": "B"]]]) == "A")
        #expect(try render("[{{first(x)}}]", ["x": []]) == "[]")
    }

    @Test func last() throws {
        #expect(try render("{{last(x)}}", ["x": ["a", "b", "c"]]) == "c")
        #expect(try render("[{{last(x)}}]", ["x": []]) == "[]")
    }

    @Test func reversedList() throws {
        #expect(try render("{{#reversed(x)}}{{.}}{{/reversed(x)}}", ["x": [1, 2, 3]]) == "321")
        // The list position follows the reversed order.
        #expect(try render("{{#reversed(x)}}{{.}}{{^last()}},{{/last()}}{{/reversed(x)}}", ["x": [1, 2, 3]]) == "3,2,1")
    }

    @Test func count() throws {
        #expect(try render("{{count(x)}} {{count(y)}}", ["x": ["a", "b"], "y": []]) == "2 0")
        #expect(try render("{{count(reversed(x))}}", ["x": [1, 2, 3]]) == "3")
    }

    @Test func emptyList() throws {
        #expect(try render("{{empty(x)}} {{empty(y)}}", ["x": [], "y": [1]]) == "true false")
        #expect(try render("{{^empty(y)}}some{{/empty(y)}}", ["y": [1]]) == "some")
    }

    @Test func sorted() throws {
        #expect(try render("{{#sorted(x)}}{{.}}{{/sorted(x)}}", ["x": ["b", "c", "a"]]) == "abc")
        #expect(try render("{{#sorted(x)}}{{.}},{{/sorted(x)}}", ["x": [10, -1, 2]]) == "-1,2,10,")
        // A list of anything else has no order in swift-mustache (its elements are not Comparable).
        #expect(try render("[{{sorted(x)}}]", ["x": ["a", 1]]) == "[]")
        #expect(try render("[{{sorted(x)}}]", ["x": [["a": 1]]]) == "[]")
    }

    // MARK: - Objects

    /// swift-mustache's transforms of a dictionary (its `enumerated` and `sorted` are left out).
    @Test func countAndEmptyOfAnObject() throws {
        let data: TemplateValue = ["o": ["a": 1, "b": 2], "none": [:]]
        #expect(try render("{{count(o)}} {{empty(o)}} {{count(none)}} {{empty(none)}}", data) == "2 false 0 true")
        #expect(try render("[{{first(o)}}{{uppercased(o)}}]", data) == "[]")
    }

    // MARK: - Numbers

    @Test func equalzero() throws {
        #expect(try render("{{equalzero(x)}} {{equalzero(y)}}", ["x": 0, "y": 3]) == "true false")
    }

    @Test func plusone() throws {
        #expect(try render("{{plusone(x)}}", ["x": 41]) == "42")
        #expect(try render("{{plusone(x)}}", ["x": .number(Int.max)]) == "\(Int.min)")  // wraps, does not trap
    }

    @Test func minusone() throws {
        #expect(try render("{{minusone(x)}}", ["x": 0]) == "-1")
        #expect(try render("{{minusone(plusone(last(reversed(x))))}}", ["x": [5, 4, 3]]) == "5")
    }

    @Test func evenAndOdd() throws {
        #expect(try render("{{even(x)}} {{odd(x)}} {{even(y)}} {{odd(y)}} {{odd(z)}}", ["x": 2, "y": 7, "z": -3]) == "true false false true true")
    }

    // MARK: - The position in a list

    private let list: TemplateValue = ["items": ["a", "b", "c"]]

    @Test func firstInList() throws {
        #expect(try render("{{#items}}{{first()}} {{/items}}", list) == "true false false ")
        #expect(try render("{{#items}}{{#first()}}[{{/first()}}{{.}}{{/items}}", list) == "[abc")
    }

    @Test func lastInList() throws {
        #expect(try render("{{#items}}{{last()}} {{/items}}", list) == "false false true ")
        #expect(try render("{{#items}}{{.}}{{^last()}}, {{/last()}}{{/items}}", list) == "a, b, c")
    }

    @Test func indexInList() throws {
        #expect(try render("{{#items}}{{index()}}{{/items}}", list) == "012")
        #expect(try render("{{#items}}{{plusone(index())}}.{{.}} {{/items}}", list) == "1.a 2.b 3.c ")
        // swift-mustache's own example: a section on the index pushes it.
        #expect(try render("{{#items}}{{#index()}}{{plusone(.)}}{{/index()}}){{.}} {{/items}}", list) == "1)a 2)b 3)c ")
    }

    @Test func evenAndOddInList() throws {
        #expect(try render("{{#items}}{{even()}}/{{odd()}} {{/items}}", list) == "true/false false/true true/false ")
        #expect(try render("{{#items}}<li{{#odd()}} class=odd{{/odd()}}>{{/items}}", list) == "<li><li class=odd><li>")
    }

    @Test func thePositionIsTheInnermostList() throws {
        let data: TemplateValue = ["rows": [["cells": [1, 2]], ["cells": [3]]]]
        #expect(
            try render("{{#rows}}{{#cells}}{{index()}}{{/cells}}{{index()}};{{/rows}}", data) == "010;01;")
    }

    /// As in swift-mustache: pushing anything but a list's item (an object's section, a
    /// partial, a block) forgets the position; a `true` section keeps it.
    @Test func thePositionIsForgottenWhereSwiftMustacheForgetsIt() throws {
        let data: TemplateValue = ["items": [["author": ["name": "A"], "flag": true]]]
        #expect(try render("[{{first()}}]", data) == "[]")
        #expect(try render("{{#items}}{{#author}}[{{first()}}]{{/author}}{{/items}}", data) == "[]")
        #expect(try render("{{#items}}{{#flag}}[{{first()}}]{{/flag}}{{/items}}", data) == "[true]")
        let partial = try Template("[{{first()}}]")
        let library = TemplateLibrary(partials: ["p": partial])
        #expect(try Template("{{#items}}{{>p}}{{/items}}").render(data, library: library) == "[]")
    }

    // MARK: - Mismatches

    @Test func aTransformOfTheWrongKindIsAbsent() throws {
        let data: TemplateValue = ["t": "text", "n": 3, "l": [1], "b": true, "o": ["k": 1]]
        #expect(try render("[{{count(t)}}{{uppercased(n)}}{{plusone(l)}}{{first(b)}}{{last(o)}}{{index(l)}}]", data) == "[]")
        #expect(try render("[{{uppercased(missing)}}]", data) == "[]")
        #expect(try render("{{^count(t)}}absent{{/count(t)}}", data) == "absent")
    }

    @Test func anUnknownTransformIsASyntaxError() {
        #expect(throws: TemplateSyntaxError.self) { try Template("{{uppercase(title)}}") }
    }
}
