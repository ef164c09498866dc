import BulletinTemplates
import Testing

/// Standalone lines and delimiters where swift-mustache departs from the specification (see
/// `Template`'s documentation): here the specification's rules hold.
@Suite struct WhitespaceTests {
    private func render(_ template: String, _ data: TemplateValue = ["t": true, "f": false]) throws -> String {
        let library = TemplateLibrary(partials: ["p": try Template("P")])
        return try Template(template).render(data, library: library)
    }

    /// A line holding two tags is not standalone, even after a section whose opening tag was:
    /// swift-mustache renders `P` here, dropping the line break.
    @Test func aLineWithTwoTagsKeepsItsBreak() throws {
        #expect(try render("{{#f}}\nx\n{{/f}}{{>p}}\n") == "P\n")
        #expect(try render("{{^t}}\n  {{/t}}{{! c }}\n") == "\n")
    }

    /// swift-mustache drops white space on a last line that has no line break.
    @Test func whiteSpaceOnTheLastLineIsKept() throws {
        #expect(try render("a\n  ") == "a\n  ")
        #expect(try render(" ") == " ")
    }

    @Test func setDelimitersLastPastTheEndOfASection() throws {
        #expect(try render("{{#t}}{{=<% %>=}}<%/t%>[<%t%>]") == "[true]")
    }

    @Test func standaloneTagsAtTheEdgesOfTheText() throws {
        #expect(try render("  {{#t}}\nyes\n  {{/t}}") == "yes\n")
        #expect(try render("{{#t}}\r\nyes\r\n{{/t}}\r\n") == "yes\r\n")
        // A lone \r is not a line break.
        #expect(try render("{{#t}}\ryes{{/t}}") == "\ryes")
    }
}
