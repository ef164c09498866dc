import BulletinTemplates
import Testing

/// `Template.tags`: every tag, in order, where it is and how deep in sections.
@Suite struct TagTests {
    @Test func everyTagWithItsPositionAndDepth() throws {
        let template = try Template(
            """
            {{! The list }}
            <h1>{{title}}</h1>
            {{#articles}}
              {{> article-card}}{{^last()}}, {{/last()}}
              {{#tags}}{{{.}}}{{/tags}}
            {{/articles}}
            {{^articles}}{{& empty}}{{/articles}}
            {{=<% %>=}}
            <%>*kind%> <%<layout%><%$main%>é<%/main%><%/layout%>
            """)
        let tags = template.tags.map { "\($0.sigil)|\($0.name)|\($0.line):\($0.column)|\($0.sectionDepth)" }
        #expect(tags == [
            "!|The list|1:1|0",
            "|title|2:5|0",
            "#|articles|3:1|0",
            ">|article-card|4:3|1",
            "^|last()|4:21|1",
            "/|last()|4:34|1",
            "#|tags|5:3|1",
            "{|.|5:12|2",
            "/|tags|5:19|1",
            "/|articles|6:1|0",
            "^|articles|7:1|0",
            "&|empty|7:14|1",
            "/|articles|7:25|0",
            "=|<% %>|8:1|0",
            ">|*kind|9:1|0",
            "<|layout|9:12|0",
            "$|main|9:23|0",
            "/|main|9:33|0",
            "/|layout|9:42|0",
        ])
    }

    @Test func columnsCountScalarsNotBytes() throws {
        let tags = try Template("한국어 e\u{301} {{a}}\n😀{{b}}").tags
        #expect(tags.map(\.column) == [8, 2])
        #expect(tags.map(\.line) == [1, 2])
    }

    @Test func partialNamesAreListedOnce() throws {
        let template = try Template("{{>a}}{{#x}}{{>b}}{{>a}}{{/x}}{{>*dynamic}}{{<c}}{{/c}}")
        #expect(template.partialNames == ["a", "b", "c"])
    }
}
