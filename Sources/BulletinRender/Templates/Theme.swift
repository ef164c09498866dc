public import BulletinCore
public import BulletinContent
import BulletinResolve

package import Mustache

/// The templates of a site, every one parsed before anything renders.
///
/// `Templates/<name>.mustache` for each page kind, `Templates/partials/**/*.mustache` for
/// partials (`{{> name}}` includes `partials/name.mustache`), `Templates/assets/**` copied.
/// A missing or broken template is an error naming its file, line and column.
public struct Theme: Sendable {
    /// The page templates every theme has, one for each kind of page.
    public static let pageTemplateNames = [
        "layout", "home", "articles", "article", "taxonomy", "term", "dialogues", "dialogue", "page", "404",
    ]

    package let pages: [String: MustacheTemplate]
    package let library: MustacheLibrary

    /// Optional page templates, with the one Bulletin uses when a theme has none (so a theme
    /// made of the contract's ten templates still gets a working /search/).
    package static let optionalTemplates = ["search": BuiltInTemplates.search]

    /// The text put before every template so that it renders with per-scalar HTML escaping.
    /// It sits on the template's first line; parse errors there have their column corrected.
    package static let prefix = "{{%CONTENT_TYPE:\(ScalarHTMLContentType.name)}}"

    /// Parses every template of the tree.
    public static func load(from tree: SourceTree) -> (Theme?, [Diagnostic]) {
        ScalarHTMLContentType.registered
        var diagnostics: [Diagnostic] = []
        var pages: [String: MustacheTemplate] = [:]
        var partials: [String: MustacheTemplate] = [:]
        var sources: [SourceText] = []
        var partialSources: [String: SourceText] = [:]
        var layoutSource: SourceText?

        for file in tree.templates {
            guard file.path.hasSuffix(".mustache") else { continue }
            let name = String(file.path.dropLast(".mustache".count))
            let partialName = name.removingPrefix("partials/")
            if partialName == nil && !pageTemplateNames.contains(name) && optionalTemplates[name] == nil {
                let suggestion = EditDistance.closest(to: name, among: pageTemplateNames, limit: 2, count: 1).first
                diagnostics.append(Diagnostic(
                    .warning, .unexpectedFile, "'\(name)' is not a page template, so nothing renders with it",
                    at: SourceLocation(file: file.displayPath),
                    hint: suggestion.map { "did you mean \($0).mustache?" }
                        ?? "page templates are \(pageTemplateNames.joined(separator: ", ")); partials go in partials/"))
                continue
            }
            let source: SourceText
            switch SourceText.decode(file) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            case .success(let text):
                source = text
            }
            switch parse(source) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let template):
                if let partialName {
                    partials[partialName] = template
                    partialSources[partialName] = source
                } else {
                    pages[name] = template
                    if name == "layout" { layoutSource = source }
                }
                sources.append(source)
            }
        }
        for name in pageTemplateNames where pages[name] == nil
            && !tree.templates.contains(where: { $0.path == name + ".mustache" }) {
            diagnostics.append(Diagnostic(
                .error, .missingTemplate, "the template '\(name)' is missing",
                at: SourceLocation(file: "\(tree.templatesRoot)/\(name).mustache"),
                hint: "every theme has \(pageTemplateNames.map { $0 + ".mustache" }.joined(separator: ", ")); copy the missing one from Bulletin's Templates/"))
        }
        for (name, text) in optionalTemplates where pages[name] == nil
            && !tree.templates.contains(where: { $0.path == name + ".mustache" }) {
            let source = SourceText(file: "(Bulletin's built-in \(name).mustache)", text: text)
            if case .success(let template) = parse(source) {
                pages[name] = template
                sources.append(source)
            }
        }
        // A partial whose file is there but broken has its own error; the includes naming it
        // are not "missing" too.
        let present = Set(tree.templates.compactMap { file in
            file.path.hasSuffix(".mustache") ? String(file.path.dropLast(".mustache".count)).removingPrefix("partials/") : nil
        })
        for source in sources {
            diagnostics += missingPartials(in: source, known: present)
        }
        diagnostics += partialCycles(partialSources)
        if let layoutSource { diagnostics += missingChrome(in: layoutSource, known: present) }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Theme(pages: pages, library: MustacheLibrary(templates: partials)), diagnostics)
    }

    package static func parse(_ source: SourceText) -> Result<MustacheTemplate, Diagnostic> {
        do {
            return .success(try MustacheTemplate(string: prefix + source.text))
        } catch let error as MustacheTemplate.ParserError {
            var line = error.context.lineNumber
            var column = error.context.columnNumber
            if line == 1 { column = max(1, column - prefix.count) }
            var message = describe(error.error)
            if case MustacheTemplate.Error.expectedSectionEnd = error.error,
               let open = unclosedSection(in: source.text) {
                (line, column) = (open.line, open.column)
                message = "the section '\(open.name)' opened here is never closed"
            }
            if !(error.error is MustacheTemplate.Error), let open = unclosedTag(in: source.text) {
                (line, column) = (open.line, open.column)
                message = "this tag is never closed"
            }
            if case MustacheTemplate.Error.sectionCloseNameIncorrect = error.error,
               let close = mismatchedClose(in: source.text) {
                (line, column) = (close.line, close.column)
                message = close.open.map { "{{/\(close.name)}} does not match the section '\($0)' it closes" }
                    ?? "{{/\(close.name)}} closes a section that was never opened"
            }
            return .failure(source.diagnostic(
                .error, .templateSyntax, message, line: line, column: column,
                hint: hint(for: error.error) ?? (message == "this tag is never closed" ? "end the tag with }}" : nil)))
        } catch {
            if let open = unclosedTag(in: source.text) {
                return .failure(source.diagnostic(
                    .error, .templateSyntax, "this tag is never closed", line: open.line, column: open.column,
                    hint: "end the tag with }}"))
            }
            return .failure(source.diagnostic(.error, .templateSyntax, "the template does not parse: \(error)", line: 1, column: 1))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "this closing tag does not match the section it closes"
        case .unfinishedName: "this tag is not finished"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "this set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: "only block overrides may appear inside a parent partial"
        case .textInsideInheritSection: "text cannot appear inside a parent partial, only block overrides"
        case .invalidConfigVariableSyntax: "this pragma tag is malformed"
        case .unrecognisedConfigVariable: "this pragma is not recognised"
        case nil: "the template does not parse: \(error)"
        }
    }

    private static func hint(for error: any Error) -> String? {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "close sections in the reverse order they were opened: {{#a}}{{#b}}...{{/b}}{{/a}}"
        case .unfinishedName: "end the tag with }}; names are letters, digits, '.', '-' and '_'"
        case .expectedSectionEnd: "add {{/name}} where the section ends"
        default: nil
        }
    }

    /// The innermost section still open at the end of the text, by a scan of `{{#name}}`,
    /// `{{^name}}` and `{{/name}}` tags (default delimiters).
    package static func unclosedSection(in text: String) -> (name: String, line: Int, column: Int)? {
        var stack: [(name: String, line: Int, column: Int)] = []
        for tag in MustacheTagScanner.tags(in: text) {
            switch tag.sigil {
            case "#", "^", "$", "<": stack.append((tag.name, tag.line, tag.column))
            case "/": if let index = stack.lastIndex(where: { $0.name == tag.name }) { stack.removeSubrange(index...) }
            default: break
            }
        }
        return stack.last
    }

    /// The first `{{` with no `}}` after it (default delimiters).
    package static func unclosedTag(in text: String) -> (line: Int, column: Int)? {
        MustacheTagScanner.scan(text).unclosed
    }

    /// The first closing tag that does not close the innermost open section.
    package static func mismatchedClose(in text: String) -> (name: String, open: String?, line: Int, column: Int)? {
        var stack: [String] = []
        for tag in MustacheTagScanner.tags(in: text) {
            switch tag.sigil {
            case "#", "^", "$", "<": stack.append(tag.name)
            case "/":
                guard stack.last == tag.name else { return (tag.name, stack.last, tag.line, tag.column) }
                stack.removeLast()
            default: break
            }
        }
        return nil
    }

    /// A partial that includes itself, directly or through others, outside any section,
    /// would render forever (and crash): an error at the include that closes each cycle.
    /// Inside a section the recursion can end with the data (`{{#children}}{{> tree}}{{/children}}`
    /// over nested params), so such includes are left alone.
    package static func partialCycles(_ sources: [String: SourceText]) -> [Diagnostic] {
        var includes: [String: [MustacheTagScanner.Tag]] = [:]
        for (name, source) in sources {
            var open = 0
            var unguarded: [MustacheTagScanner.Tag] = []
            for tag in MustacheTagScanner.tags(in: source.text) {
                switch tag.sigil {
                case "#", "^": open += 1
                case "/": open = max(0, open - 1)
                case ">", "<": if open == 0 { unguarded.append(tag) }
                default: break
                }
            }
            includes[name] = unguarded
        }
        var diagnostics: [Diagnostic] = []
        var onPath: Set<String> = []
        var done: Set<String> = []
        // Depth-first, in name order so that reports are stable; an include of a partial
        // still on the path closes a cycle.
        func visit(_ name: String, path: [String]) {
            onPath.insert(name)
            defer {
                onPath.remove(name)
                done.insert(name)
            }
            for tag in includes[name] ?? [] where sources[tag.name] != nil && !done.contains(tag.name) {
                if onPath.contains(tag.name) {
                    let cycle = Array(path[path.firstIndex(of: tag.name)!...])
                    let chain = (cycle + [tag.name]).joined(separator: " → ")
                    diagnostics.append(sources[name]!.diagnostic(
                        .error, .templateSyntax,
                        cycle.count == 1 ? "the partial '\(name)' includes itself, so it would never finish rendering"
                            : "partials include each other in a circle (\(chain)), so they would never finish rendering",
                        line: tag.line, column: tag.column, hint: "remove this {{> \(tag.name)}}"))
                } else {
                    visit(tag.name, path: path + [tag.name])
                }
            }
        }
        for name in sources.keys.sorted() where !done.contains(name) { visit(name, path: [name]) }
        return diagnostics
    }

    /// `{{{header}}}` and `{{{footer}}}` in the layout come from `partials/site-header` and
    /// `partials/site-footer`: without them every page would silently lose its navigation.
    package static func missingChrome(in layout: SourceText, known: Set<String>) -> [Diagnostic] {
        MustacheTagScanner.tags(in: layout.text).compactMap { tag in
            guard ["", "{", "&"].contains(tag.sigil), ["header", "footer"].contains(tag.name),
                  !known.contains("site-" + tag.name) else { return nil }
            return layout.diagnostic(
                .error, .missingPartial,
                "the layout shows the \(tag.name) made by partials/site-\(tag.name).mustache, which does not exist",
                line: tag.line, column: tag.column,
                hint: "create partials/site-\(tag.name).mustache (copy Bulletin's), or take this tag out of the layout")
        }
    }

    /// `{{> name}}` and `{{< name}}` tags naming partials that do not exist.
    package static func missingPartials(in source: SourceText, known: Set<String>) -> [Diagnostic] {
        MustacheTagScanner.tags(in: source.text).compactMap { tag in
            guard tag.sigil == ">" || tag.sigil == "<", !tag.name.hasPrefix("*"), !known.contains(tag.name) else {
                return nil
            }
            let suggestion = EditDistance.closest(to: tag.name, among: known.sorted(), limit: 2, count: 1).first
            return source.diagnostic(
                .error, .missingPartial, "the partial '\(tag.name)' does not exist", line: tag.line, column: tag.column,
                hint: suggestion.map { "did you mean '\($0)'?" } ?? "create partials/\(tag.name).mustache")
        }
    }
}

/// Finds Mustache tags with the default `{{ }}` delimiters, with their positions.
package enum MustacheTagScanner {
    package struct Tag {
        /// `#`, `^`, `/`, `>`, `<`, `$`, `!`, `&`, `{`, or "" for a variable.
        package let sigil: String
        package let name: String
        package let line: Int
        package let column: Int
    }

    package static func tags(in text: String) -> [Tag] {
        scan(text).tags
    }

    /// The tags, and where a `{{` that is never closed starts, if one is.
    package static func scan(_ text: String) -> (tags: [Tag], unclosed: (line: Int, column: Int)?) {
        var tags: [Tag] = []
        var line = 1
        var column = 1
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" {
                let startLine = line
                let startColumn = column
                var end = index + 2
                while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}") { end += 1 }
                guard end + 1 < scalars.count else { return (tags, (startLine, startColumn)) }
                var inner = String(String.UnicodeScalarView(scalars[(index + 2)..<end])).trimmingWhitespace
                var sigil = ""
                if let first = inner.first, "#^/><$!&{=%".contains(first) {
                    sigil = String(first)
                    inner = String(inner.dropFirst()).trimmingWhitespace
                }
                if sigil == "=" { break }  // custom delimiters: stop rather than guess
                tags.append(Tag(sigil: sigil, name: inner, line: startLine, column: startColumn))
                for scalar in scalars[index..<(end + 2)] {
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = end + 2
                continue
            }
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return (tags, nil)
    }
}
