package import BulletinCore
package import BulletinContent
package import BulletinResolve
package import BulletinTemplates

/// The templates of a site, every one parsed before anything renders.
///
/// `Templates/<kind>.mustache` for each kind of page, `Templates/partials/**/*.mustache` for
/// partials (`{{> name}}` includes `partials/name.mustache`), `Templates/i18n/<lang>.yaml`
/// for the theme's words, `Templates/assets/**` copied. A missing or broken template is an
/// error naming its file, line and column.
package struct Theme: Sendable {
    /// The template of each kind of page, and the layout around every page.
    package let pages: [PageKind: Template]
    package let layout: Template
    package let library: TemplateLibrary
    /// The theme's words in each language, with the default language's where another lacks one.
    package let strings: [String: LanguageStrings]
    /// For each kind of page, the text of every template file it renders with (its own, the
    /// layout's, and each partial either includes, through any depth): what a page of that
    /// kind reads of the theme.
    package let sources: [PageKind: [String]]

    /// Templates Bulletin carries itself, for kinds a theme may leave out (so a theme made of
    /// the contract's ten templates still gets a working `/search/`).
    package static let builtIn: [PageKind: String] = [
        .search: BuiltInTemplates.search, .archive: BuiltInTemplates.archive, .archiveYear: BuiltInTemplates.archiveYear,
    ]

    /// Parses every template of the tree, and the theme's words for each of `languages`.
    package static func load(from tree: SourceTree, languages: [String] = ["en"]) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var pages: [PageKind: Template] = [:]
        var layout: Template?
        var partials: [String: Template] = [:]
        var texts: [String: String] = [:]  // by template name (`article`, `partials/card`)
        var layoutSource: SourceText?
        var parsed: [(SourceText, Template)] = []
        var partialSources: [String: (SourceText, Template)] = [:]
        let kindNames = PageKind.allCases.map(\.templateName)

        for file in tree.templates where file.path.hasSuffix(".mustache") {
            let name = String(file.path.dropLast(".mustache".count))
            let partialName = name.removingPrefix("partials/")
            let kind = PageKind(rawValue: name)
            if partialName == nil && kind == nil && name != "layout" {
                let suggestion = EditDistance.closest(to: name, among: ["layout"] + kindNames, limit: 2, count: 1).first
                diagnostics.append(Diagnostic(
                    .warning, .unexpectedFile, "'\(name)' is not a page template, so nothing renders with it",
                    at: SourceLocation(file: file.displayPath),
                    hint: suggestion.map { "did you mean \($0).mustache?" }
                        ?? "page templates are \((["layout"] + kindNames).joined(separator: ", ")); partials go in partials/"))
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
            let template: Template
            do {
                template = try Template(source.text)
            } catch {
                diagnostics.append(source.diagnostic(
                    .error, .templateSyntax, error.message, line: error.line, column: error.column, hint: error.hint))
                continue
            }
            texts[name] = source.text
            parsed.append((source, template))
            if let partialName {
                partials[partialName] = template
                partialSources[partialName] = (source, template)
            } else if let kind {
                pages[kind] = template
            } else {
                layout = template
                layoutSource = source
            }
        }
        let present = Set(tree.templates.compactMap { file in
            file.path.hasSuffix(".mustache") ? String(file.path.dropLast(".mustache".count)).removingPrefix("partials/") : nil
        })
        for name in ["layout"] + PageKind.requiredTemplates.map(\.templateName)
        where !tree.templates.contains(where: { $0.path == name + ".mustache" }) {
            diagnostics.append(Diagnostic(
                .error, .missingTemplate, "the template '\(name)' is missing",
                at: SourceLocation(file: "\(tree.templatesRoot)/\(name).mustache"),
                hint: "every theme has \((["layout"] + PageKind.requiredTemplates.map(\.templateName)).map { $0 + ".mustache" }.joined(separator: ", ")); copy the missing one from Bulletin's Templates/"))
        }
        for (kind, text) in builtIn.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where pages[kind] == nil && !tree.templates.contains(where: { $0.path == kind.templateName + ".mustache" }) {
            if let template = try? Template(text) {
                pages[kind] = template
                texts[kind.templateName] = text
                parsed.append((SourceText(file: "(Bulletin's built-in \(kind.templateName).mustache)", text: text), template))
            }
        }
        // A partial whose file is there but broken has its own error; the includes naming it
        // are not "missing" too.
        for (source, template) in parsed {
            diagnostics += missingPartials(in: source, tags: template.tags, known: present)
        }
        diagnostics += partialCycles(partialSources)
        if let layoutSource, let layout { diagnostics += missingChrome(in: layoutSource, tags: layout.tags, known: present) }
        let (strings, stringProblems) = LanguageStrings.load(from: tree, languages: languages)
        diagnostics += stringProblems
        guard !diagnostics.hasErrors, let layout else { return (nil, diagnostics) }

        // What each kind of page reads of the theme: its template, the layout, the chrome
        // partials, the article card (the HTML of list entries), and every partial those
        // include.
        func reachable(from names: [String]) -> [String] {
            var seen: [String] = []
            var queue = names
            while let name = queue.popLast() {
                guard !seen.contains(name) else { continue }
                seen.append(name)
                let template = name.hasPrefix("partials/") ? partials[String(name.dropFirst("partials/".count))]
                    : name == "layout" ? layout : PageKind(rawValue: name).flatMap { pages[$0] }
                queue += (template?.partialNames ?? []).map { "partials/" + $0 }
            }
            return seen.sorted()
        }
        var sources: [PageKind: [String]] = [:]
        for kind in PageKind.allCases where pages[kind] != nil {
            let names = reachable(from: [
                kind.templateName, "layout", "partials/site-header", "partials/site-footer", "partials/article-card",
            ])
            sources[kind] = names.map { $0 + "\n" + (texts[$0] ?? "") }
        }
        let theme = Theme(
            pages: pages, layout: layout, library: TemplateLibrary(partials: partials), strings: strings, sources: sources)
        return (theme, diagnostics)
    }

    /// A partial that includes itself, directly or through others, outside any section,
    /// would render forever: an error at the include that closes each cycle. Inside a section
    /// the recursion can end with the data (`{{#children}}{{> tree}}{{/children}}` over
    /// nested params), so such includes are left alone.
    package static func partialCycles(_ sources: [String: (SourceText, Template)]) -> [Diagnostic] {
        var includes: [String: [TemplateTag]] = [:]
        for (name, (_, template)) in sources {
            includes[name] = template.tags.filter { ($0.sigil == ">" || $0.sigil == "<") && $0.sectionDepth == 0 }
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
                    diagnostics.append(sources[name]!.0.diagnostic(
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
    package static func missingChrome(in layout: SourceText, tags: [TemplateTag], known: Set<String>) -> [Diagnostic] {
        tags.compactMap { tag in
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
    package static func missingPartials(in source: SourceText, tags: [TemplateTag], known: Set<String>) -> [Diagnostic] {
        tags.compactMap { tag in
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
