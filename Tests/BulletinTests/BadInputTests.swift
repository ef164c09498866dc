import BulletinCore
import BulletinContent
import BulletinRender
import BulletinBuild
import Foundation
import Testing

/// One test per kind of bad input the contract names: the diagnostic's code, message, file,
/// line and column, and an output folder left exactly as it was.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// Files to add to (or, with nil, remove from) the standard test site.
        var files: [String: String?] = [:]
        var bytes: [String: [UInt8]] = [:]
        var symlinks: [String: String] = [:]
        /// A file to create in this folder with the name `b\xFF.md`, which is not UTF-8.
        var badlyNamedIn: String?
        var strict = false
        let code: DiagnosticCode
        let file: String
        let line: Int
        let column: Int
        let message: String
        var hint: String?

        var testDescription: String { name }
    }

    static let article = "Content/articles/bad.md"

    static let cases: [Case] = [
        Case(name: "no front matter", files: [article: "Just a paragraph.\n"],
             code: .missingFrontMatter, file: article, line: 1, column: 1, message: "has no front matter"),
        Case(name: "unclosed front matter", files: [article: "---\ntitle: A\ndate: 2024-01-01\n\nBody.\n"],
             code: .unclosedFrontMatter, file: article, line: 1, column: 1, message: "never closed"),
        Case(name: "malformed YAML", files: [article: "---\ntitle: Seoul: the 7th round\ndate: 2024-01-01\n---\n"],
             code: .yamlSyntax, file: article, line: 2, column: 13, message: "malformed YAML", hint: "must be quoted"),
        // The hint quotes the editor's own line, not a fixed example.
        Case(name: "a colon in a value", files: [article: "---\ntitle: Brussels: 8th round\ndate: 2024-01-01\n---\n"],
             code: .yamlSyntax, file: article, line: 2, column: 16, message: "malformed YAML", hint: "`title: \"Brussels: 8th round\"`"),
        Case(name: "a key indented under another's value", files: [article: "---\ntitle: Round\n  date: 2024-01-01\n---\n"],
             code: .yamlSyntax, file: article, line: 3, column: 7, message: "malformed YAML", hint: "indented under the one above"),
        Case(name: "an unknown escape in double quotes", files: [article: "---\ntitle: \"a\\qb\"\ndate: 2024-01-01\n---\n"],
             code: .yamlSyntax, file: article, line: 2, column: 10, message: "unknown escape", hint: "single quotes"),
        Case(name: "lists nested thousands deep",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\nx: " + String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000) + "\n---\n"],
             code: .yamlSyntax, file: article, line: 4, column: 5, message: "nested too deeply", hint: "write the values out flat"),
        Case(name: "a list left open at the end", files: [article: "---\ntitle: A\ndate: 2024-01-01\nagencies: [\n---\n"],
             code: .yamlSyntax, file: article, line: 4, column: 1, message: "malformed YAML", hint: "a value is missing"),
        Case(name: "YAML alias bomb", files: [article: "---\ntitle: Bomb\ndate: 2024-01-01\n" + aliasBomb + "---\n"],
             code: .yamlTooLarge, file: article, line: 2, column: 1, message: "expands to more than", hint: "aliases"),
        // Large without aliases: stopped (once in quadratic time: 200,000 keys took a
        // minute), and not blamed on aliases.
        Case(name: "front matter of 50,000 keys",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\n" + (0..<50_000).map { "k\($0): \($0)\n" }.joined() + "---\n"],
             code: .yamlTooLarge, file: article, line: 2, column: 1, message: "holds more than 10000 values", hint: "short list of keys"),
        Case(name: "a flow list of 50,000 items",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\nx: [" + (0..<50_000).map(String.init).joined(separator: ", ") + "]\n---\n"],
             code: .yamlTooLarge, file: article, line: 2, column: 1, message: "holds more than 10000 values"),
        Case(name: "one text of 5 MiB",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\nx: \"" + String(repeating: "a", count: 5 << 20) + "\"\n---\n"],
             code: .yamlTooLarge, file: article, line: 2, column: 1, message: "4 MiB of text"),
        Case(name: "duplicate key", files: [article: "---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\n"],
             code: .duplicateKey, file: article, line: 4, column: 1, message: "the key 'title' appears twice"),
        Case(name: "a duplicate key in a flow mapping",
             files: ["Content/agencies/kisa.md": "---\nname: Korea Internet & Security Agency\nnames: {ko: 한국인터넷진흥원, ko: 키사}\n---\n"],
             code: .duplicateKey, file: "Content/agencies/kisa.md", line: 3, column: 23, message: "the key 'ko' appears twice"),
        // Keys are names: `1` and `"1"` are one key however YAML would type them.
        Case(name: "a key written plain and quoted",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\nparams:\n  1: a\n  \"1\": b\n---\n"],
             code: .duplicateKey, file: article, line: 6, column: 3, message: "the key '1' appears twice (first at line 5)"),
        Case(name: "a null title", files: [article: "---\ndate: 2024-01-01\ntitle: ~\n---\nBody.\n"],
             code: .missingKey, file: article, line: 3, column: 1, message: "'title' is empty"),
        Case(name: "a quote never closed", files: [article: "---\ntitle: \"Seoul talks\ndate: 2024-01-01\n---\nBody.\n"],
             code: .yamlSyntax, file: article, line: 2, column: 8, message: "malformed YAML", hint: "missing its closing quote"),
        Case(name: "missing title", files: [article: "---\ndate: 2024-01-01\n---\nBody.\n"],
             code: .missingKey, file: article, line: 1, column: 1, message: "missing 'title'"),
        Case(name: "missing date", files: [article: "---\ntitle: A\n---\nBody.\n"],
             code: .missingKey, file: article, line: 1, column: 1, message: "missing 'date'"),
        Case(name: "empty title", files: [article: "---\ntitle: \"  \"\ndate: 2024-01-01\n---\n"],
             code: .missingKey, file: article, line: 2, column: 8, message: "'title' is empty"),
        Case(name: "a date that is not a date", files: [article: "---\ntitle: A\ndate: soon\n---\n"],
             code: .wrongType, file: article, line: 3, column: 7, message: "'date' must be a date, found the text \"soon\""),
        Case(name: "a session that is not a number",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\ndialogue: test-dialogue\nsession: seventh\n---\n"],
             code: .wrongType, file: article, line: 5, column: 10, message: "'session' must be a whole number"),
        Case(name: "a session that is a fraction",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\ndialogue: test-dialogue\nsession: 1.5\n---\n"],
             code: .wrongType, file: article, line: 5, column: 10, message: "'session' must be a whole number, found the number 1.5"),
        Case(name: "a session too large to hold",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\ndialogue: test-dialogue\nsession: 99999999999999999999\n---\n"],
             code: .wrongType, file: article, line: 5, column: 10, message: "'session' is too large, found the number 99999999999999999999",
             hint: "20 digits"),
        Case(name: "agencies that are not a list", files: [article: "---\ntitle: A\ndate: 2024-01-01\nagencies: 5\n---\n"],
             code: .wrongType, file: article, line: 4, column: 11, message: "'agencies' must be a list, found the number 5"),
        Case(name: "draft that is not a boolean", files: [article: "---\ntitle: A\ndate: 2024-01-01\ndraft: yes\n---\n"],
             code: .wrongType, file: article, line: 4, column: 8, message: "'draft' must be true or false"),
        Case(name: "a day that does not exist", files: [article: "---\ntitle: A\ndate: 2025-02-29\n---\n"],
             code: .invalidDate, file: article, line: 3, column: 7, message: "February 2025 has 28 days"),
        Case(name: "a date-time without an offset", files: [article: "---\ntitle: A\ndate: 2025-02-03T10:00:00\n---\n"],
             code: .invalidDate, file: article, line: 3, column: 7, message: "no time zone", hint: "+09:00"),
        Case(name: "a date-time written as Hugo accepts it", files: [article: "---\ntitle: A\ndate: 2026-05-01 10:00\n---\n"],
             code: .invalidDate, file: article, line: 3, column: 7,
             message: "'date' has a time with no seconds and no time zone: \"2026-05-01 10:00\"",
             hint: "write `date: 2026-05-01T10:00:00+09:00` (the offset of the place, or Z for UTC); the accepted forms are 2025-05-20, 2025-05-20T09:30:00Z and 2025-05-20T09:30:00+09:00"),
        Case(name: "a date-time without seconds", files: [article: "---\ntitle: A\ndate: 2026-05-01T10:00Z\n---\n"],
             code: .invalidDate, file: article, line: 3, column: 7, message: "'date' has a time with no seconds: \"2026-05-01T10:00Z\"",
             hint: "write `date: 2026-05-01T10:00:00Z`; the accepted forms are"),
        Case(name: "an offset without a colon", files: [article: "---\ntitle: A\ndate: 2026-05-01T10:00:00+0900\n---\n"],
             code: .invalidDate, file: article, line: 3, column: 7,
             message: "'date' has a time with an offset without a colon: \"2026-05-01T10:00:00+0900\"",
             hint: "write `date: 2026-05-01T10:00:00+09:00`; the accepted forms are"),
        Case(name: "an unsafe slug", files: [article: "---\ntitle: A\ndate: 2024-01-01\nslug: ../../etc\n---\n"],
             code: .invalidSlug, file: article, line: 4, column: 7, message: "contains '.'"),
        Case(name: "a slug not in slug form", files: [article: "---\ntitle: A\ndate: 2024-01-01\nslug: My Slug\n---\n"],
             code: .invalidSlug, file: article, line: 4, column: 7, message: "not in slug form", hint: "slug: my-slug"),
        Case(name: "a reserved slug", files: ["Content/pages/x.md": "---\ntitle: Search\nslug: search\n---\n"],
             code: .reservedSlug, file: "Content/pages/x.md", line: 3, column: 7, message: "reserved"),
        Case(name: "a reserved slug from a file name", files: ["Content/pages/agencies.md": "---\ntitle: Agencies\n---\n"],
             code: .reservedSlug, file: "Content/pages/agencies.md", line: 1, column: 1, message: "'agencies' (from the file name) is reserved"),
        Case(name: "two articles with one slug",
             files: ["Content/articles/2025/first.md": "---\ntitle: Again\ndate: 2025-01-01\n---\n"],
             code: .urlCollision, file: "Content/articles/first.md", line: 1, column: 1,
             message: "two pages would be written to /articles/first/: Content/articles/2025/first.md and Content/articles/first.md"),
        Case(name: "a slug written in one article that another's file name already gives",
             // Reported at the `slug:` that made the clash, though its file comes first by path.
             files: ["Content/articles/b.md": "---\ntitle: B\ndate: 2025-01-01\nslug: first\n---\n"],
             code: .urlCollision, file: "Content/articles/b.md", line: 4, column: 7,
             message: "two pages would be written to /articles/first/: Content/articles/first.md and Content/articles/b.md"),
        Case(name: "slugs that differ only in case",
             files: ["Content/articles/a/Same.md": "---\ntitle: A\ndate: 2025-01-01\n---\n",
                     "Content/articles/b/same.md": "---\ntitle: B\ndate: 2025-01-02\n---\n"],
             code: .urlCollision, file: "Content/articles/b/same.md", line: 1, column: 1,
             message: "Content/articles/a/Same.md and Content/articles/b/same.md"),
        Case(name: "file names that differ only in Unicode normalisation",
             // Swift compares strings by canonical equivalence, so the two names cannot both
             // be keys of one dictionary: one is written as text, the other as bytes.
             files: ["Content/articles/caf\u{E9}.md": "---\ntitle: A\ndate: 2025-01-01\n---\n"],
             bytes: ["Content/articles/cafe\u{301}.md": Array("---\ntitle: B\ndate: 2025-01-02\n---\n".utf8)],
             code: .urlCollision, file: "Content/articles/caf\u{E9}.md", line: 1, column: 1,
             message: "(the two names look the same but are written with different Unicode forms, NFC and NFD)"),
        Case(name: "a page and a static file at one URL",
             files: ["Content/pages/about.md": "---\ntitle: About\n---\n", "Content/static/about/index.html": "<p>x</p>"],
             code: .urlCollision, file: "Content/static/about/index.html", line: 1, column: 1,
             message: "Content/pages/about.md and Content/static/about/index.html"),
        Case(name: "static files that differ only in case",
             files: ["Content/static/Logo.svg": "<svg/>", "Content/static/logo.svg": "<svg/>"],
             code: .urlCollision, file: "Content/static/logo.svg", line: 1, column: 1,
             message: "Content/static/Logo.svg and Content/static/logo.svg (the names differ only in letter case"),
        Case(name: "bytes that are not UTF-8",
             bytes: [article: Array("---\ntitle: A\n".utf8) + [0x64, 0x61, 0xFF, 0x0A] + Array("---\n".utf8)],
             code: .invalidEncoding, file: article, line: 3, column: 3, message: "not valid UTF-8"),
        Case(name: "a missing template", files: ["Templates/term.mustache": nil],
             code: .missingTemplate, file: "Templates/term.mustache", line: 1, column: 1, message: "the template 'term' is missing"),
        Case(name: "a broken template", files: ["Templates/article.mustache": "<h1>{{article.title}}</h1>\n{{#article.taxonomies}}\n<p>never closed</p>\n"],
             code: .templateSyntax, file: "Templates/article.mustache", line: 2, column: 1,
             message: "the section 'article.taxonomies' opened here is never closed"),
        Case(name: "a template with a mismatched closing tag", files: ["Templates/page.mustache": "{{#a}}\n  {{/b}}\n"],
             code: .templateSyntax, file: "Templates/page.mustache", line: 2, column: 3,
             message: "{{/b}} does not match the section 'a' it closes"),
        Case(name: "a template naming a missing partial", files: ["Templates/404.mustache": "<p>x</p>\n  {{> site-heder}}\n"],
             code: .missingPartial, file: "Templates/404.mustache", line: 2, column: 3, message: "the partial 'site-heder' does not exist",
             hint: "did you mean 'site-header'?"),
        Case(name: "a partial that is not UTF-8 (one error, not one more per include)",
             bytes: ["Templates/partials/pagination.mustache": [0x3C, 0x70, 0x3E, 0xFF, 0x0A]],
             code: .invalidEncoding, file: "Templates/partials/pagination.mustache", line: 1, column: 4, message: "not valid UTF-8"),
        Case(name: "a partial that includes itself", files: ["Templates/partials/pagination.mustache": "<nav>\n  {{> pagination}}\n</nav>\n"],
             code: .templateSyntax, file: "Templates/partials/pagination.mustache", line: 2, column: 3,
             message: "the partial 'pagination' includes itself, so it would never finish rendering", hint: "remove this {{> pagination}}"),
        Case(name: "partials that include each other", files: [
                "Templates/partials/loop-a.mustache": "{{> loop-b}}\n", "Templates/partials/loop-b.mustache": "x\n{{#site}}{{/site}}{{> loop-a}}\n"],
             code: .templateSyntax, file: "Templates/partials/loop-b.mustache", line: 2, column: 19,
             message: "partials include each other in a circle (loop-a → loop-b → loop-a)"),
        Case(name: "a layout whose header partial is missing", files: ["Templates/partials/site-header.mustache": nil],
             code: .missingPartial, file: "Templates/layout.mustache", line: 48, column: 1,
             message: "the layout shows the header made by partials/site-header.mustache, which does not exist"),
        Case(name: "a template tag never closed", files: ["Templates/page.mustache": "<p>{{body}}</p>\n<p>{{ title "],
             code: .templateSyntax, file: "Templates/page.mustache", line: 2, column: 4, message: "this tag is never closed",
             hint: "end the tag with }}"),
        Case(name: "a file name that is not UTF-8", badlyNamedIn: "Content/articles",
             code: .unreadable, file: "Content/articles/b\u{FFFD}.md", line: 1, column: 1, message: "this name is not valid UTF-8",
             hint: "rename it"),
        Case(name: "a symbolic link out of Content", symlinks: ["Content/articles/passwd.md": "/etc/passwd"],
             code: .symlinkOutsideRoot, file: "Content/articles/passwd.md", line: 1, column: 1, message: "leads outside Content/"),
        Case(name: "two registry entries claiming one name",
             files: ["Content/agencies/kisa2.md": "---\nname: Another agency\nshort: KISA\n---\n"],
             code: .termKeyConflict, file: "Content/agencies/kisa2.md", line: 3, column: 8,
             message: "'kisa' refers to two agencies entries: Content/agencies/kisa.md and Content/agencies/kisa2.md"),
        Case(name: "a short name that is another entry's id (its file name), in a file listed first",
             files: ["Content/agencies/a-copy.md": "---\nname: Another agency\nshort: KISA\n---\n"],
             code: .termKeyConflict, file: "Content/agencies/a-copy.md", line: 3, column: 8,
             message: "'kisa' refers to two agencies entries: Content/agencies/a-copy.md and Content/agencies/kisa.md"),
        Case(name: "a registry file name that is not an id", files: ["Content/agencies/Police Agency.md": "---\nname: Police\n---\n"],
             code: .invalidTermID, file: "Content/agencies/Police Agency.md", line: 1, column: 1, message: "cannot be a term id",
             hint: "agencies/police-agency.md"),
        Case(name: "no site.yaml", files: ["Content/site.yaml": nil, "Content/site.yml": "title: x\n"],
             code: .missingSiteConfig, file: "Content/site.yaml", line: 1, column: 1, message: "no site.yaml", hint: "rename Content/site.yml"),
        Case(name: "a baseURL that is not absolute", files: ["Content/site.yaml": "title: T\nbaseURL: /bulletin/\n"],
             code: .invalidValue, file: "Content/site.yaml", line: 2, column: 10, message: "'baseURL' must be an absolute http or https URL"),
        Case(name: "perPage zero", files: ["Content/site.yaml": "title: T\nbaseURL: https://x.test/\nperPage: 0\n"],
             code: .invalidValue, file: "Content/site.yaml", line: 3, column: 10, message: "'perPage' must be at least 1"),
        Case(name: "a lang the site does not publish", files: [article: "---\ntitle: A\ndate: 2024-01-01\nlang: fr\n---\n"],
             code: .invalidValue, file: article, line: 4, column: 7, message: "'lang' must be one of the site's languages (en)"),
        Case(name: "a link to a missing article", files: [article: "---\ntitle: A\ndate: 2024-01-01\n---\n\nSee [the other](secnd.md).\n"],
             code: .brokenLink, file: article, line: 6, column: 5, message: "goes to articles/secnd.md, which does not exist",
             hint: "did you mean second.md?"),
        Case(name: "a link to a draft, with --strict", files: [
                article: "---\ntitle: A\ndate: 2024-01-01\n---\n\n[Draft](draft.md) and [again](/articles/draft/)\n",
                "Content/articles/draft.md": "---\ntitle: D\ndate: 2024-01-01\ndraft: true\n---\n"],
             strict: true, code: .brokenLink, file: article, line: 6, column: 1,
             message: "goes to articles/draft.md, which is a draft: the link is left out until it is published"),
        Case(name: "an unknown key close to a known one, with --strict", files: [article: "---\ntitle: A\ndate: 2024-01-01\nagencys: [KISA]\n---\n"],
             strict: true, code: .unknownKey, file: article, line: 4, column: 1, message: "did you mean 'agencies'?"),
        Case(name: "an unregistered term, with --strict", files: [article: "---\ntitle: A\ndate: 2024-01-01\nagencies: [Korea Internet Security Agency]\n---\n"],
             strict: true, code: .unregisteredTerm, file: article, line: 4, column: 12,
             message: "'Korea Internet Security Agency' is not in the agencies registry; used by 1 article",
             hint: "did you mean 'Korea Internet & Security Agency' (kisa)?"),
    ]

    /// Names too long for a folder of the output (255 bytes): found where they are written,
    /// by `check` as by `build`.
    static let lengthCases: [Case] = [
        Case(name: "a slug longer than a folder name may be",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\nslug: \(String(repeating: "a", count: 256))\n---\n"],
             code: .invalidSlug, file: article, line: 4, column: 7, message: "the slug is 256 bytes long, and a file or folder name can be at most 255 bytes",
             hint: "slug: \(String(repeating: "a", count: 60))"),
        Case(name: "a Hangul slug longer than a folder name may be",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\nslug: \(String(repeating: "한", count: 86))\n---\n"],
             code: .invalidSlug, file: article, line: 4, column: 7, message: "258 bytes long", hint: "slug:"),
        Case(name: "a file name whose slug grows too long",
             // NFKC turns each ㍿ (3 bytes) into 株式会社 (12): a 240-byte name gives a 960-byte slug.
             files: ["Content/articles/\(String(repeating: "\u{337F}", count: 80)).md": "---\ntitle: A\ndate: 2024-01-01\n---\n"],
             code: .invalidSlug, file: "Content/articles/\(String(repeating: "\u{337F}", count: 80)).md", line: 1, column: 1,
             message: "the file name gives a slug that is 960 bytes long", hint: "add a shorter `slug: "),
        Case(name: "a page slug longer than a folder name may be",
             files: ["Content/pages/about.md": "---\ntitle: About\nslug: \(String(repeating: "about-", count: 50))us\n---\n"],
             code: .invalidSlug, file: "Content/pages/about.md", line: 3, column: 7, message: "the slug is 302 bytes long"),
        Case(name: "a term reference too long to be a URL",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\nagencies: [\(String(repeating: "Agency ", count: 40))]\n---\n"],
             code: .invalidSlug, file: article, line: 4, column: 12, message: "its URL under /agencies/ would be 279 bytes long",
             hint: "register it with a short id"),
        Case(name: "a dialogue reference too long to be a URL",
             files: [article: "---\ntitle: A\ndate: 2024-01-01\ndialogue: \(String(repeating: "대화 ", count: 90))\n---\n"],
             code: .invalidSlug, file: article, line: 4, column: 11, message: "its URL under /dialogues/ would be"),
    ]

    static let aliasBomb: String = {
        var yaml = "bomb0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...9 {
            yaml += "bomb\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return yaml
    }()

    /// The standard test site with `badCase` applied, written to `folder`.
    static func write(_ badCase: Case, to folder: String) throws {
        var files = TestSite.standard().allFiles
        for (path, text) in badCase.files { files[path] = text }
        try TestSite.write(files, to: folder)
        for (path, text) in badCase.files where text == nil {
            try? FileManager.default.removeItem(atPath: folder + "/" + path)  // written by an earlier build's site
        }
        for (path, bytes) in badCase.bytes {
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + path))
        }
        for (path, target) in badCase.symlinks {
            try FileManager.default.createSymbolicLink(atPath: folder + "/" + path, withDestinationPath: target)
        }
        if let parent = badCase.badlyNamedIn {
            let name = Array((folder + "/" + parent + "/b").utf8).map { CChar(bitPattern: $0) } + [CChar(bitPattern: 0xFF)]
                + Array(".md".utf8).map { CChar(bitPattern: $0) } + [0]
            let descriptor = open(name, O_CREAT | O_WRONLY, 0o644)
            #expect(descriptor >= 0)
            close(descriptor)
        }
    }

    static func options(_ folder: String, strict: Bool, output: String? = nil) -> BuildOptions {
        BuildOptions(
            contentPath: folder + "/Content", templatesPath: folder + "/Templates", outputPath: output ?? folder + "/Public",
            strict: strict, now: TestSite.now)
    }

    @Test(arguments: cases + lengthCases)
    func reportedAtItsPlaceAndOutputUntouched(_ badCase: Case) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // An output folder from an earlier, good build, which must survive byte for byte.
        let output = folder.path + "/Public"
        try TestSite.standard().write(to: folder.path)
        #expect(Builder.run(Self.options(folder.path, strict: false)).succeeded)
        try Self.write(badCase, to: folder.path)
        let before = TemporaryFolder.snapshot(output)

        // Absolute paths (tests run in parallel, so none may change the current folder); the
        // folder's prefix is taken off again to compare with what a user running in it sees.
        let result = Builder.run(Self.options(folder.path, strict: badCase.strict))
        let diagnostics = result.diagnostics.map { $0.relative(to: folder.path + "/") }

        #expect(!result.succeeded)
        let matching = diagnostics.filter { $0.severity == .error && $0.code == badCase.code && $0.location.file == badCase.file }
        #expect(!matching.isEmpty, "no \(badCase.code.rawValue) error for \(badCase.file); got:\n\(diagnostics.map { $0.formatted() }.joined(separator: "\n"))")
        if let diagnostic = matching.first {
            #expect(diagnostic.message.contains(badCase.message), "message: \(diagnostic.message)")
            #expect(diagnostic.location.line == badCase.line)
            #expect(diagnostic.location.column == badCase.column)
            if let hint = badCase.hint {
                #expect(diagnostic.hint?.contains(hint) == true, "hint: \(diagnostic.hint ?? "none")")
            }
            // Every diagnostic has a line and column; one about a whole file (a name, a
            // missing file) points at its start without quoting it, any other quotes its line.
            #expect(diagnostic.location.line != nil && diagnostic.location.column != nil)
            if badCase.line != 1 || badCase.column != 1 {
                #expect(diagnostic.sourceLine != nil, "a diagnostic with a line quotes it")
            }
        }
        #expect(TemporaryFolder.snapshot(output) == before, "the output folder changed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("bulletin-") }
        #expect(leftovers.isEmpty, "staging folders were left behind: \(leftovers)")
    }

    /// `check` sees what `build` sees: for every bad input, the same diagnostics (a build
    /// that writes nothing has nothing more to say).
    @Test(arguments: cases + lengthCases)
    func checkAndBuildReportTheSame(_ badCase: Case) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.write(badCase, to: folder.path)
        let options = Self.options(folder.path, strict: badCase.strict)
        let checked = await Checker.run(options, external: nil)
        let built = Builder.run(options).diagnostics
        #expect(checked == built, "check:\n\(checked.map { $0.formatted() }.joined(separator: "\n"))\nbuild:\n\(built.map { $0.formatted() }.joined(separator: "\n"))")
    }

    /// The same over the fixture of mistakes: every kind of problem at once.
    @Test func checkAndBuildReportTheSameOnTheMistakesFixture() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let options = BuildOptions(
            contentPath: packageRoot + "/Tests/Fixtures/mistakes/Content", templatesPath: packageRoot + "/Templates",
            outputPath: folder.path + "/Public", now: TestSite.now)
        let checked = await Checker.run(options, external: nil)
        let built = Builder.run(options).diagnostics
        #expect(!checked.isEmpty)
        #expect(checked == built)
    }

    @Test func everyProblemOfABuildIsReported() {
        var site = TestSite.standard()
        site["Content/articles/a.md"] = "---\ntitle: A\ndate: soon\n---\n"
        site["Content/articles/b.md"] = "no front matter\n"
        site["Content/articles/c.md"] = "---\ntitle: C\ndate: 2024-01-01\nsession: x\nagencies: 3\n---\n"
        site["Content/agencies/Bad.md"] = "---\nname: Bad\n---\n"
        site["Content/articles/d.md"] = "---\ntitle: D\ndate: 2024-01-01\n---\n[broken](nowhere.md)\n"
        site["Templates/home.mustache"] = "{{#unclosed}}"
        let result = site.build()
        let codes = result.errors.map(\.code)
        #expect(codes.contains(.brokenLink))
        #expect(codes.contains(.templateSyntax))
        #expect(codes.filter { $0 == .wrongType }.count == 3)
        #expect(codes.contains(.missingFrontMatter))
        #expect(codes.contains(.invalidTermID))
        // Sorted by file, then line.
        #expect(result.diagnostics.map(\.location) == result.diagnostics.map(\.location).sorted())
    }

    /// Three pages on one address are two collisions, each with the page planned first (the
    /// newest): the collision check keeps a path's first owner, also when the look-up that
    /// finds a second one has put it in its place for a moment.
    @Test func aPathKeepsItsFirstOwnerAcrossCollisions() {
        var site = TestSite.standard()
        for (name, day) in [("a", 1), ("b", 2), ("c", 3)] {
            site["Content/articles/same-\(name).md"] = "---\ntitle: \(name)\ndate: 2025-01-0\(day)\nslug: same\n---\nx\n"
        }
        let messages = site.build().errors.filter { $0.code == .urlCollision }.map(\.message)
        #expect(messages == [
            "two pages would be written to /articles/same/: Content/articles/same-a.md and Content/articles/same-c.md",
            "two pages would be written to /articles/same/: Content/articles/same-b.md and Content/articles/same-c.md",
        ], "\(messages)")
    }

    @Test func warningsDoNotFailABuildWithoutStrict() {
        var site = TestSite.standard()
        site["Content/articles/a.md"] = "---\ntitle: A\ndate: 2024-01-01\ntittle: typo\n---\n"
        let result = site.build()
        #expect(result.succeeded)
        #expect(result.warnings.map(\.code) == [.unknownKey])
        #expect(result.warnings.first?.message.contains("did you mean 'title'?") == true)
    }

    @Test func humanFormatHasTheLineACaretAndTheHint() {
        var site = TestSite.standard()
        site["Content/articles/a.md"] = "---\ntitle: 한국어 제목\ndate: 2024-13-01\n---\n"
        let diagnostic = site.build().errors.first!
        #expect(diagnostic.formatted() == """
            Content/articles/a.md:3:7: error: 'date' is not a real date or time: "2024-13-01" (there is no month 13) [BUL009]
            date: 2024-13-01
                  ^
            hint: check the digits: dates are YYYY-MM-DD
            """)
    }

    @Test func caretsAccountForWideCharacters() {
        let diagnostic = Diagnostic(
            .error, .yamlSyntax, "x", at: SourceLocation(file: "f", line: 1, column: 4), sourceLine: "한국\tx")
        #expect(diagnostic.formatted().hasSuffix("한국\tx\n    \t^"))
    }
}

extension Diagnostic {
    /// The diagnostic with `prefix` taken out of its file, message and hint.
    func relative(to prefix: String) -> Diagnostic {
        var copy = self
        copy.location.file = location.file.replacingOccurrences(of: prefix, with: "")
        copy.message = message.replacingOccurrences(of: prefix, with: "")
        copy.hint = hint?.replacingOccurrences(of: prefix, with: "")
        return copy
    }
}
