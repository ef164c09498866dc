import BulletinTemplates
import Mustache
import Testing

/// A small realistic page, rendered by BulletinTemplates and by swift-mustache 2.1.1 (which
/// Bulletin used before): the same bytes.
@Suite struct SwiftMustacheComparisonTests {
    static let layout = """
        <!DOCTYPE html>
        <html lang="{{site.language}}">
        <head>
        <meta charset="utf-8">
        <title>{{page.title}} – {{site.title}}</title>
        {{#page.description}}
        <meta name="description" content="{{page.description}}">
        {{/page.description}}
        </head>
        <body>
        <header>
          <a href="{{site.homeURL}}">{{site.title}}</a>
          <nav>{{#site.nav}}<a href="{{url}}"{{#isCurrent}} aria-current="page"{{/isCurrent}}>{{name}}</a>{{^last()}} · {{/last()}}{{/site.nav}}</nav>
        </header>
        <main>
        {{{content}}}
        </main>
        <footer>{{count(site.nav)}} sections · {{uppercased(site.short)}} · {{capitalized(site.motto)}}</footer>
        </body>
        </html>

        """

    static let page = """
        <h1>{{page.title}}</h1>
        {{! the list, or a note when there is none }}
        {{#hasArticles}}
        {{> article-list}}
        {{/hasArticles}}
        {{^hasArticles}}
        <p>No articles yet.</p>
        {{/hasArticles}}
        {{#pagination}}
        <p>Page {{current}} of {{total}}{{#nextURL}} · <a href="{{.}}">next</a>{{/nextURL}}</p>
        {{/pagination}}

        """

    static let articleList = """
        <ol class="articles" start="{{plusone(offset)}}">
        {{#articles}}
        <li{{#first()}} class="first"{{/first()}}{{#odd()}} data-odd{{/odd()}}>
          <h2><a href="{{url}}">{{title}}</a></h2>
          {{#summary}}<p>{{summary}}</p>{{/summary}}
          <p class="terms">{{#agencies}}<a href="{{url}}">{{name}}</a>{{^last()}}, {{/last()}}{{/agencies}}{{^agencies}}none{{/agencies}}</p>
          {{#session}}<p>Session {{.}} of {{count(agencies)}}</p>{{/session}}
          <p>{{{body}}}</p>
        </li>
        {{/articles}}
        </ol>

        """

    static let data: TemplateValue = [
        "site": [
            "title": "Cyber <Policy> Bulletin", "language": "en", "homeURL": "/", "short": "cpb",
            "motto": "dialogues & agreements", "nav": [
                ["name": "Articles", "url": "/articles/", "isCurrent": true],
                ["name": "Agencies & Frameworks", "url": "/agencies/?a=1&b=2", "isCurrent": false],
                ["name": "한국어", "url": "/ko/", "isCurrent": false],
            ],
        ],
        "page": ["title": "Articles", "description": #"Everything "published", in order; it's <all>."#],
        "offset": 10,
        "hasArticles": true,
        "articles": [
            [
                "title": "Korea & the EU resume their \"cyber\" dialogue", "url": "/articles/rok-eu/",
                "summary": "The 7th round, in Seoul.", "session": 7, "body": "<em>Bold</em> & <b>strong</b>",
                "agencies": [["name": "KISA", "url": "/agencies/kisa/"], ["name": "EEAS", "url": "/agencies/eeas/"]],
            ],
            [
                "title": "O'Brien's <script> test", "url": "/articles/obrien/", "agencies": [],
                "body": "",
            ],
            [
                "title": "한국인터넷진흥원 and the 'Budapest' Convention", "url": "/articles/ko/", "summary": "",
                "agencies": [["name": "National Police Agency", "url": "/agencies/npa/"]], "session": 0,
                "body": "plain",
            ],
        ],
        "pagination": ["current": 1, "total": 3, "nextURL": "/articles/page/2/"],
    ]

    @Test func aPageRendersByteForByteAsSwiftMustacheRendersIt() throws {
        let ours = try Self.renderOurs(Self.data)
        let theirs = try Self.renderSwiftMustache(Self.data)
        #expect(Array(ours.utf8) == Array(theirs.utf8))
        // The page is what it should be, too, not merely the same.
        let expectedParts = [
            #"<title>Articles – Cyber &lt;Policy&gt; Bulletin</title>"#,
            #"content="Everything &quot;published&quot;, in order; it&#39;s &lt;all&gt;.""#,
            #"<a href="/articles/" aria-current="page">Articles</a> · <a href="/agencies/?a=1&amp;b=2">"#,
            "<li class=\"first\">\n  <h2>",
            "<p>Session 7 of 2</p>",
            "<footer>3 sections · CPB · Dialogues &amp; Agreements</footer>",
        ]
        for part in expectedParts {
            #expect(ours.contains(part))
        }
    }

    @Test func anEmptyListRendersTheSameToo() throws {
        var data = Self.data
        if case .object(var object) = data {
            object["articles"] = []
            object["hasArticles"] = false
            object["pagination"] = nil
            object["page"] = ["title": "Nothing"]
            data = .object(object)
        }
        let ours = try Self.renderOurs(data)
        #expect(Array(ours.utf8) == Array(try Self.renderSwiftMustache(data).utf8))
        #expect(ours.contains("<p>No articles yet.</p>"))
    }

    private static func renderOurs(_ data: TemplateValue) throws -> String {
        let library = TemplateLibrary(partials: ["article-list": try Template(articleList)])
        let content = try Template(page).render(data, library: library)
        guard case .object(var object) = data else { return "" }
        object["content"] = .text(content)
        return try Template(layout).render(.object(object), library: library)
    }

    private static func renderSwiftMustache(_ data: TemplateValue) throws -> String {
        let library = MustacheLibrary(templates: ["article-list": try MustacheTemplate(string: articleList)])
        let content = try MustacheTemplate(string: page).render(data.swiftMustacheValue, library: library)
        guard var object = data.swiftMustacheValue as? [String: Any] else { return "" }
        object["content"] = content
        return try MustacheTemplate(string: layout).render(object, library: library)
    }
}

extension TemplateValue {
    /// The same data as swift-mustache reads it: Swift's own strings, numbers, arrays and
    /// dictionaries.
    var swiftMustacheValue: Any {
        switch self {
        case .text(let text): text
        case .bool(let value): value
        case .number(let number): number
        case .list(let items): items.map(\.swiftMustacheValue)
        case .object(let object): object.fields.mapValues(\.swiftMustacheValue)
        }
    }
}
