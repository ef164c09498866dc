package import BulletinCore
package import BulletinContent
package import BulletinTemplates

/// The theme's fixed words in one language ("All articles", "7th session", "20 May 2025"),
/// from `Templates/i18n/<lang>.yaml`: templates read them as `{{i18n.<key>}}`, and Bulletin
/// writes page titles, counts and dates with them.
///
/// The file is nested YAML (`nav: {articles: Articles}` is `{{i18n.nav.articles}}`). A text
/// may hold placeholders in braces, `{count}`, `{number}`, filled in by Bulletin. The default
/// language's file may leave out any key: Bulletin's English words fill it. Another
/// language's file that lacks a key the default language's has is a warning naming the file
/// and the key, and the default language's word is used.
///
/// A class, with nothing in it that changes: every page's data holds its language's words,
/// and a copy of a structure of them counted a reference for each of its dictionaries and
/// texts, on values both cores share (one count now, for the whole).
package final class LanguageStrings: Sendable, Equatable {
    package let lang: String
    /// Every word, by dotted key (`nav.articles`).
    package let words: [String: String]
    /// The same, nested, for templates.
    package let value: TemplateValue

    /// `dates.format` cut at its placeholders, and the month names: a date is written for
    /// every card and link of every page, so it is not looked up and parsed each time.
    private let dateFormat: [DatePiece]
    private let months: [String]
    /// The forms of every counted word (`counts.articles` from `counts.articles.zero`,
    /// `.one` and `.other`), looked up once: a count is written for every term link, year
    /// and companion of many pages.
    private let counted: [String: CountedForms]

    private struct CountedForms: Sendable, Equatable {
        /// The language's own `.zero` and `.one`, when it has them.
        let zero: String?
        let one: String?
        /// `.other`, the language's, else Bulletin's English (nil: neither has it, and the
        /// key as the caller spells it stands for it).
        let other: String?
    }

    private enum DatePiece: Sendable, Equatable {
        case text(String)
        case day
        case month
        case monthNumber
        case year
    }

    package static func == (a: LanguageStrings, b: LanguageStrings) -> Bool {
        a === b || (a.lang == b.lang && a.words == b.words && a.value == b.value && a.dateFormat == b.dateFormat
            && a.months == b.months && a.counted == b.counted)
    }

    package init(lang: String, words: [String: String]) {
        self.lang = lang
        self.words = words
        value = Self.nested(words)
        func word(_ key: String) -> String { words[key] ?? BuiltInStrings.english[key] ?? key }
        months = (1...12).map { word("dates.months.\($0)") }
        dateFormat = Self.pieces(of: word("dates.format"))
        var counted: [String: CountedForms] = [:]
        for key in Set(words.keys).union(BuiltInStrings.english.keys) {
            for form in [".zero", ".one", ".other"] where key.hasSuffix(form) {
                let base = String(key.dropLast(form.count))
                guard counted[base] == nil else { continue }
                counted[base] = CountedForms(
                    zero: words[base + ".zero"], one: words[base + ".one"],
                    other: words[base + ".other"] ?? BuiltInStrings.english[base + ".other"])
            }
        }
        self.counted = counted
    }

    /// A format's text and placeholders, read as `fill` reads them (an unknown name stays as
    /// written, braces included).
    private static func pieces(of format: String) -> [DatePiece] {
        var pieces: [DatePiece] = []
        var rest = Substring(format)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            switch rest[rest.index(after: open)..<close] {
            case "day": pieces.append(.day)
            case "month": pieces.append(.month)
            case "monthNumber": pieces.append(.monthNumber)
            case "year": pieces.append(.year)
            default: pieces.append(.text(String(rest[open...close])))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    /// The word for `key`, with `{name}` placeholders filled from `values`: a literal's pairs,
    /// not a dictionary (every page fills a few words, and a dictionary for each hashed its
    /// names to be read once).
    package func callAsFunction(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        Self.fill(words[key] ?? BuiltInStrings.english[key] ?? key, values)
    }

    /// `self(key, [name: value])` for a single value named by a literal, read as its bytes:
    /// each list page labels the links of its pagination so (26,000 labels at 10,000
    /// articles). A placeholder is matched as `fill(_:_:)` matches it: by its bytes when it is
    /// ASCII, as a String (canonically equivalent spellings alike) when it is not.
    package func callAsFunction(_ key: String, _ name: StaticString, _ value: String) -> String {
        name.withUTF8Buffer { nameBytes in
            Self.fill(words[key] ?? BuiltInStrings.english[key] ?? key) { placeholder in
                if placeholder.contains(where: { $0 >= 0x80 }) || nameBytes.contains(where: { $0 >= 0x80 }) {
                    return String(decoding: placeholder, as: UTF8.self) == String(decoding: nameBytes, as: UTF8.self) ? value : nil
                }
                return placeholder.elementsEqual(nameBytes) ? value : nil
            }
        }
    }

    /// A language's name, as the language menu shows it: `languages.<lang>`, else the tag.
    package func languageName(_ lang: String) -> String {
        words["languages.\(lang)"] ?? BuiltInStrings.english["languages.\(lang)"] ?? lang
    }

    /// "no articles yet", "1 article", "3 articles": `<key>.zero` for none when the language
    /// has it, `<key>.one` for one when it has it, else `<key>.other`, with `{count}`.
    package func count(_ key: String, _ count: Int) -> String {
        // A key with no form anywhere is in no `counted` entry: its `.other` spelled out.
        let forms = counted[key]
        let other = forms?.other ?? key + ".other"
        let text = count == 0 ? forms?.zero ?? other : count == 1 ? forms?.one ?? other : other
        return Self.fill(text) { name in name.elementsEqual("count".utf8) ? String(count) : nil }
    }

    /// A date the language's way: `20 May 2025`, `2025년 5월 20일`.
    package func date(_ date: ContentDate) -> String {
        var result = ""
        for piece in dateFormat {
            switch piece {
            case .text(let text): result += text
            case .day: result += String(date.day)
            case .month: result += (1...12).contains(date.month) ? months[date.month - 1] : self("dates.months.\(date.month)")
            case .monthNumber: result += String(date.month)
            case .year: result += String(date.year)
            }
        }
        return result
    }

    /// A session's label: `7th session`, `제7차`.
    package func session(_ number: Int) -> String {
        self("session", ["ordinal": Ordinal.english(number), "number": String(number)])
    }

    static func fill(_ text: String, _ values: KeyValuePairs<String, String>) -> String {
        guard !values.isEmpty else { return text }
        // A handful of values: compared by their names' bytes, without making a String of
        // each placeholder's name. Where a name or a key is outside ASCII, as Strings:
        // canonically equivalent spellings match (the Kelvin sign and K). Of a name given
        // twice, the first value.
        let asciiKeys = values.allSatisfy { $0.key.utf8.allSatisfy { $0 < 0x80 } }
        return fill(text) { name in
            if !asciiKeys || name.contains(where: { $0 >= 0x80 }) {
                let name = String(decoding: name, as: UTF8.self)
                return values.first { $0.key == name }?.value
            }
            for (key, value) in values where key.utf8.elementsEqual(name) { return value }
            return nil
        }
    }

    /// `text` with each `{name}` whose `value(name)` is not nil replaced by it; any other stays
    /// as written, braces included. On the UTF-8: braces are ASCII, and pages fill tens of
    /// thousands of these (a Character at a time, it was 1 % of a build). A brace followed by
    /// a combining mark is still a brace here.
    private static func fill(_ text: String, value: (Slice<UnsafeBufferPointer<UInt8>>) -> String?) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var source = text
        return source.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 32)
            var rest = 0
            while let open = bytes[rest...].firstIndex(of: UInt8(ascii: "{")),
                  let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) {
                result.append(contentsOf: bytes[rest..<open])
                if let filled = value(bytes[(open + 1)..<close]) {
                    result.append(contentsOf: filled.utf8)
                } else {
                    result.append(contentsOf: bytes[open...close])
                }
                rest = close + 1
            }
            result.append(contentsOf: bytes[rest...])
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Dotted keys as nested objects: `nav.articles` is `{nav: {articles: ...}}`.
    static func nested(_ words: [String: String]) -> TemplateValue {
        var root = TemplateObject()
        for (key, word) in words {
            insert(word, at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return .object(root)
    }

    private static func insert(_ word: String, at path: ArraySlice<String>, into object: inout TemplateObject) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = .text(word)
            return
        }
        var child: TemplateObject
        if case .object(let existing)? = object[first] { child = existing } else { child = TemplateObject() }
        insert(word, at: path.dropFirst(), into: &child)
        object[first] = .object(child)
    }

    // MARK: - Loading

    /// The words of each language: the default language's file over Bulletin's English, and
    /// each other language's file over the default language's words.
    package static func load(from tree: SourceTree, languages: [String]) -> ([String: LanguageStrings], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var files: [String: [String: String]] = [:]
        var shown: [String: String] = [:]
        /// Where each key given a list or mapping starts, in its language's file.
        var places: [String: [String: (line: Int, column: Int)]] = [:]
        /// Languages whose file is there but could not be read: its error says so already.
        var unreadable: Set<String> = []
        for file in tree.templates where file.path.hasPrefix("i18n/") {
            let name = String(file.path.dropFirst("i18n/".count))
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), !name.contains("/") else {
                diagnostics.append(Diagnostic(
                    .warning, .unexpectedFile, "Bulletin does not use this file",
                    at: SourceLocation(file: file.displayPath), hint: "the theme's words are in i18n/<lang>.yaml, such as i18n/ko.yaml"))
                continue
            }
            let lang = name.deletingPathExtension
            guard let tag = languages.first(where: { $0.lowercased() == lang.lowercased() }) else {
                continue  // a theme may carry words for languages this site does not publish
            }
            switch SourceText.decode(file) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                unreadable.insert(tag)
            case .success(let source):
                switch YAMLReader.parse(source.text, firstLine: 1, in: source) {
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    unreadable.insert(tag)
                case .success(let value):
                    var words: [String: String] = [:]
                    var givenPlaces: [String: (line: Int, column: Int)] = [:]
                    if let value {
                        flatten(value, prefix: "", into: &words, places: &givenPlaces, source: source, diagnostics: &diagnostics)
                    }
                    files[tag] = words
                    places[tag] = givenPlaces
                    shown[tag] = file.displayPath
                }
            }
        }
        let defaultLanguage = languages.first ?? "en"
        // The built-in words are English: a site in another language with no file for it
        // would publish English words and dates without a word of warning.
        if files[defaultLanguage] == nil, !unreadable.contains(defaultLanguage),
           defaultLanguage.lowercased() != "en", !defaultLanguage.lowercased().hasPrefix("en-") {
            diagnostics.append(Diagnostic(
                .warning, .missingTemplate,
                "the theme has no words in \(defaultLanguage) (\(tree.templatesRoot)/i18n/\(defaultLanguage).yaml), the site's language, so its pages show Bulletin's English words and dates",
                at: SourceLocation(file: "\(tree.templatesRoot)/i18n/\(defaultLanguage).yaml"),
                hint: "copy i18n/en.yaml (Bulletin's own theme has one) to i18n/\(defaultLanguage).yaml and translate it"))
        }
        let defaults = BuiltInStrings.english.merging(files[defaultLanguage] ?? [:]) { $1 }
        var result: [String: LanguageStrings] = [defaultLanguage: LanguageStrings(lang: defaultLanguage, words: defaults)]
        for lang in languages.dropFirst() {
            guard let words = files[lang] else {
                result[lang] = LanguageStrings(lang: lang, words: defaults)
                if unreadable.contains(lang) { continue }
                diagnostics.append(Diagnostic(
                    .warning, .missingTemplate,
                    "the theme has no words in \(lang) (\(tree.templatesRoot)/i18n/\(lang).yaml), so its pages in \(lang) show them in \(defaultLanguage)",
                    at: SourceLocation(file: "\(tree.templatesRoot)/i18n/\(lang).yaml"),
                    hint: "copy i18n/\(defaultLanguage).yaml to i18n/\(lang).yaml and translate it"))
                continue
            }
            // Keys the default language's own file has, that this one lacks.
            for key in (files[defaultLanguage] ?? [:]).keys.sorted() where words[key] == nil {
                if let place = places[lang]?[key] {
                    // Given, but as a list or mapping where the default language has a text.
                    diagnostics.append(Diagnostic(
                        .warning, .wrongType,
                        "'\(key)' must be a text, as in \(defaultLanguage), not a list or mapping, so pages in \(lang) show the \(defaultLanguage) word",
                        at: SourceLocation(file: shown[lang]!, line: place.line, column: place.column),
                        hint: "write it as one text, such as `\(key.split(separator: ".").last ?? ""): \(files[defaultLanguage]![key]!)` in \(lang)"))
                    continue
                }
                diagnostics.append(Diagnostic(
                    .warning, .missingKey, "'\(key)' is missing here, so pages in \(lang) show the \(defaultLanguage) word",
                    at: SourceLocation(file: shown[lang]!),
                    hint: "add `\(key)` (in its nested form) with the word in \(lang); \(defaultLanguage) says \"\(files[defaultLanguage]![key]!)\""))
            }
            result[lang] = LanguageStrings(lang: lang, words: defaults.merging(words) { $1 })
        }
        return (result, diagnostics)
    }

    /// Nested mappings as dotted keys; lists as `key.1`, `key.2`...; texts as they are; in
    /// `places`, where each key given a list or mapping is.
    private static func flatten(
        _ value: YAMLValue, prefix: String, into words: inout [String: String],
        places: inout [String: (line: Int, column: Int)], source: SourceText, diagnostics: inout [Diagnostic]
    ) {
        if !prefix.isEmpty, !value.kind.isScalar { places[prefix] = (value.line, value.column) }
        switch value.kind {
        case .scalar(let text, _):
            guard !prefix.isEmpty else {
                diagnostics.append(source.diagnostic(
                    .error, .wrongType, "the theme's words must be keys and texts, such as `nav: {articles: Articles}`",
                    line: value.line, column: value.column))
                return
            }
            if !value.isNull { words[prefix] = text }
        case .mapping(let pairs):
            for pair in pairs {
                flatten(
                    pair.value, prefix: prefix.isEmpty ? pair.key : prefix + "." + pair.key, into: &words, places: &places,
                    source: source, diagnostics: &diagnostics)
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                flatten(item, prefix: prefix + "." + String(index + 1), into: &words, places: &places, source: source, diagnostics: &diagnostics)
            }
        }
    }
}

private extension YAMLValue.Kind {
    var isScalar: Bool {
        if case .scalar = self { return true }
        return false
    }
}
