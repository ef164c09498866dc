import BulletinTemplates
import Testing

/// Every syntax error names the line and column (from 1, in Unicode scalars) of the tag's
/// opening delimiter, says what is wrong, and says how to fix it.
@Suite struct SyntaxErrorTests {
    private func syntaxError(_ text: String) -> TemplateSyntaxError? {
        do {
            _ = try Template(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func aSectionNeverClosed() throws {
        let error = try #require(syntaxError("<ul>\n  {{#articles}}\n  <li>{{title}}</li>\n</ul>\n"))
        #expect(error == TemplateSyntaxError(
            message: "the section 'articles' opened here is never closed", line: 2, column: 3,
            hint: "add {{/articles}} where the section ends"))
        #expect(error.description == "2:3: the section 'articles' opened here is never closed")
    }

    @Test func theInnermostUnclosedSectionIsNamed() throws {
        let error = try #require(syntaxError("{{#a}}\n{{^b}}\n"))
        #expect(error.message == "the section 'b' opened here is never closed")
        #expect((error.line, error.column) == (2, 1))
        #expect(error.hint == "add {{/b}} where the section ends")
    }

    @Test func aClosingTagThatDoesNotMatch() throws {
        let error = try #require(syntaxError("{{#a}}\n x {{/b}}"))
        #expect(error == TemplateSyntaxError(
            message: "{{/b}} does not match the section 'a' it closes", line: 2, column: 4,
            hint: "close sections in the reverse order they were opened: {{#a}}{{#b}}...{{/b}}{{/a}}"))
    }

    @Test func sectionsClosedInTheWrongOrder() throws {
        let error = try #require(syntaxError("{{#a}}{{^b}}{{/a}}{{/b}}"))
        #expect(error.message == "{{/a}} does not match the section 'b' it closes")
        #expect((error.line, error.column) == (1, 13))
        #expect(error.hint == "close sections in the reverse order they were opened: {{^b}}{{#a}}...{{/a}}{{/b}}")
    }

    @Test func aClosingTagWithNothingOpen() throws {
        let error = try #require(syntaxError("text\n{{/x}}"))
        #expect(error.message == "{{/x}} closes a section that was never opened")
        #expect((error.line, error.column) == (2, 1))
        #expect(error.hint == "remove it, or open the section before it with {{#x}}")
    }

    @Test func aTagNeverClosed() throws {
        let error = try #require(syntaxError("<h1>\n<p>{{title</p>\n"))
        #expect(error == TemplateSyntaxError(
            message: "this tag is never closed", line: 2, column: 4, hint: "end the tag with }}"))
    }

    @Test func aTagThatRunsIntoTheNextIsNeverClosed() throws {
        let error = try #require(syntaxError("<p>{{title</p>\n<p>{{summary}}</p>"))
        #expect(error.message == "this tag is never closed")
        #expect((error.line, error.column) == (1, 4))
    }

    @Test func aTripleMustacheNeverClosed() throws {
        let error = try #require(syntaxError("{{{content}}"))
        #expect(error.message == "this tag is never closed")
        #expect(error.hint == "end the tag with }}}")
        #expect(syntaxError("{{! a comment never closed") == TemplateSyntaxError(
            message: "this tag is never closed", line: 1, column: 1, hint: "end the tag with }}"))
    }

    @Test func columnsCountUnicodeScalars() throws {
        // 한, 국, space: the tag begins at the fourth scalar (and the ninth byte).
        #expect(syntaxError("한국 {{#a}}").map { ($0.line, $0.column) } ?? (0, 0) == (1, 4))
        // e and a combining accent are one Character but two scalars.
        #expect(syntaxError("e\u{301} {{#a}}").map { ($0.line, $0.column) } ?? (0, 0) == (1, 4))
        #expect(syntaxError("\r\n\t{{/a}}").map { ($0.line, $0.column) } ?? (0, 0) == (2, 2))
    }

    @Test("malformed set-delimiter tags", arguments: ["{{=<%%>=}}", "{{=<% %> |=}}", "{{==}}", "{{=<= =>=}}", "{{=<% %>}}"])
    func malformedSetDelimiters(_ text: String) throws {
        let error = try #require(syntaxError("ok\n" + text))
        #expect(error.message == "this set-delimiter tag is malformed")
        #expect((error.line, error.column) == (2, 1))
        #expect(error.hint == "write the two new delimiters between '=' signs, separated by a space: {{=<% %>=}}")
    }

    @Test("tags without a name", arguments: ["{{}}", "{{ }}", "{{#}}{{/}}", "{{&}}", "{{{ }}}"])
    func emptyNames(_ text: String) throws {
        let error = try #require(syntaxError(text))
        #expect(error.message == "this tag has no name")
        #expect((error.line, error.column) == (1, 1))
    }

    @Test func emptyPartialAndBlockNames() throws {
        #expect(syntaxError("{{>}}")?.message == "this partial tag has no name")
        #expect(syntaxError("{{> * }}")?.message == "this tag has no name")
        #expect(syntaxError("{{$}}{{/}}")?.message == "this block has no name")
    }

    @Test func namesWithOtherCharacters() throws {
        let error = try #require(syntaxError("{{article title}}"))
        #expect(error.message == "'article title' is not a name: names are letters, digits and . _ - ? *")
        #expect(syntaxError("{{title!}}")?.message == "'title!' is not a name: names are letters, digits and . _ - ? *")
        #expect(syntaxError("{{> partials:card}}")?.message == "'partials:card' is not a partial's name: names are letters, digits and . _ - ? * /")
        #expect(syntaxError("{{$a(b)}}{{/a(b)}}")?.message == "'a(b)' is not a block's name")
    }

    @Test("unbalanced parentheses", arguments: ["{{count(terms}}", "{{count(terms))}}", "{{count)terms(}}", "{{(terms)}}", "{{count(terms)x}}"])
    func unbalancedParentheses(_ text: String) throws {
        let error = try #require(syntaxError(text))
        #expect(error.message.hasSuffix("is not a name: its parentheses do not pair up"))
    }

    @Test func unknownTransforms() throws {
        let error = try #require(syntaxError("<h1>{{uppercase(title)}}</h1>"))
        #expect(error.message == "'uppercase' is not a transform")
        #expect((error.line, error.column) == (1, 5))
        #expect(error.hint == "the transforms are capitalized, count, empty, equalzero, even, first, index, last, lowercased, minusone, odd, plusone, reversed, sorted, uppercased")
    }

    @Test func pragmasAreNotSupported() throws {
        let error = try #require(syntaxError("{{%CONTENT_TYPE:TEXT}}"))
        #expect(error.message == "pragmas ({{%...}}) are not supported")
    }

    @Test func onlyBlocksGoInsideAParent() throws {
        let error = try #require(syntaxError("{{<layout}}\n{{title}}\n{{/layout}}"))
        #expect(error.message == "only blocks ({{$name}}...{{/name}}) can go directly inside the parent 'layout'")
        #expect((error.line, error.column) == (2, 1))
        // Text and comments are allowed there, and ignored.
        #expect(throws: Never.self) { try Template("{{<layout}} text {{! note }}{{$a}}x{{/a}}{{/layout}}") }
    }

    @Test func errorsUseTheDelimitersInEffect() throws {
        let error = try #require(syntaxError("{{=<% %>=}}<%#a%><%/b%>"))
        #expect(error.message == "<%/b%> does not match the section 'a' it closes")
        #expect(error.hint == "close sections in the reverse order they were opened: <%#a%><%#b%>...<%/b%><%/a%>")
    }
}
