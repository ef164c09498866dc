import Foundation

/// Checks a built site as a browser would follow it: every internal `href` and `src` leads
/// to a file of the site, every `#fragment` to an element with that id, and no link runs
/// script. The project's own test suite runs it, so the guarantee travels with the code.
struct SiteLinkChecker {
    /// The site's root folder.
    let root: String
    /// The URL the site is published at (`https://bulletin.example.org/`): absolute links to
    /// it are internal.
    let baseURL: URL

    struct Problem: CustomStringConvertible, Equatable {
        let page: String
        let link: String
        let reason: String
        var description: String { "\(page): \(link): \(reason)" }
    }

    func check() throws -> (pages: Int, links: Int, problems: [Problem]) {
        let files = try allFiles()
        let pages = files.filter { $0.hasSuffix(".html") }
        var idsByPage: [String: Set<String>] = [:]
        var linksByPage: [String: [String]] = [:]
        for page in pages {
            let html = try String(contentsOfFile: root + "/" + page, encoding: .utf8)
            let attributes = Self.attributes(in: html)
            idsByPage[page] = Set(attributes.filter { $0.name == "id" }.map(\.value))
            linksByPage[page] = attributes.filter { $0.name == "href" || $0.name == "src" }.map(\.value)
            let duplicates = Dictionary(grouping: attributes.filter { $0.name == "id" }, by: \.value).filter { $0.value.count > 1 }
            if let duplicate = duplicates.keys.sorted().first {
                linksByPage[page, default: []].append("#duplicate-id:\(duplicate)")
            }
        }
        let fileSet = Set(files)
        var problems: [Problem] = []
        var count = 0
        for page in pages.sorted() {
            for link in linksByPage[page] ?? [] {
                count += 1
                if link.hasPrefix("#duplicate-id:") {
                    problems.append(Problem(page: page, link: link, reason: "an id is used twice"))
                    continue
                }
                if link.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("javascript:") {
                    problems.append(Problem(page: page, link: link, reason: "a javascript: URL"))
                    continue
                }
                guard let (target, fragment) = resolve(link, from: page) else { continue }
                guard let file = [target, target + "index.html", target + "/index.html"].first(where: fileSet.contains) else {
                    problems.append(Problem(page: page, link: link, reason: "no file at /\(target)"))
                    continue
                }
                if let fragment, !fragment.isEmpty, file.hasSuffix(".html"), !(idsByPage[file] ?? []).contains(fragment) {
                    problems.append(Problem(page: page, link: link, reason: "no id \"\(fragment)\" in /\(file)"))
                }
            }
        }
        problems += try alternateProblems(pages: pages.sorted(), fileSet: fileSet)
        return (pages.count, count, problems)
    }

    /// `<link rel="alternate" hreflang>`: every one absolute, to a page of the site, and
    /// reciprocal (the page it names declares the same versions), as search engines require.
    private func alternateProblems(pages: [String], fileSet: Set<String>) throws -> [Problem] {
        let pattern = try! NSRegularExpression(pattern: #"<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">"#)
        var declared: [String: Set<String>] = [:]
        for page in pages {
            let html = try String(contentsOfFile: root + "/" + page, encoding: .utf8)
            let matches = pattern.matches(in: html, range: NSRange(html.startIndex..., in: html))
            guard !matches.isEmpty else { continue }
            declared[page] = Set(matches.map { match in
                String(html[Range(match.range(at: 1), in: html)!]) + " " + String(html[Range(match.range(at: 2), in: html)!])
            })
        }
        var problems: [Problem] = []
        for (page, versions) in declared.sorted(by: { $0.key < $1.key }) {
            let own = baseURL.absoluteString.hasSuffix("/") ? baseURL.absoluteString : baseURL.absoluteString + "/"
            if !versions.contains(where: { $0.hasSuffix(" " + own + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page)) }) {
                problems.append(Problem(page: page, link: "hreflang", reason: "its alternates do not name the page itself"))
            }
            for version in versions.sorted() {
                let url = String(version.split(separator: " ", maxSplits: 1)[1])
                guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                    problems.append(Problem(page: page, link: url, reason: "an hreflang alternate must be an absolute URL"))
                    continue
                }
                guard let (target, _) = resolve(url, from: page),
                      let file = [target + "index.html", target].first(where: fileSet.contains) else {
                    problems.append(Problem(page: page, link: url, reason: "an hreflang alternate that is no page of the site"))
                    continue
                }
                if declared[file] != versions {
                    problems.append(Problem(page: page, link: url, reason: "not reciprocal: /\(file) declares other alternates"))
                }
            }
        }
        return problems
    }

    /// The site file path a link leads to and its fragment, or nil for an external link.
    func resolve(_ link: String, from page: String) -> (String, String?)? {
        let pageURL = baseURL.appendingPathComponent(page)
        guard let url = URL(string: link, relativeTo: pageURL)?.absoluteURL else { return ("<unparsable \(link)>", nil) }
        guard url.scheme == baseURL.scheme, url.host == baseURL.host, url.port == baseURL.port else { return nil }
        let basePath = baseURL.path.hasSuffix("/") ? baseURL.path : baseURL.path + "/"
        var path = url.path(percentEncoded: false)
        if link.hasSuffix("/") || url.absoluteString.hasSuffix("/") || (url.fragment != nil && url.absoluteString.contains("/#")) {
            if !path.hasSuffix("/") { path += "/" }
        }
        guard path.hasPrefix(basePath) || path + "/" == basePath else { return ("<outside the site: \(path)>", nil) }
        return (String(path.dropFirst(min(basePath.count, path.count))), url.fragment(percentEncoded: false))
    }

    private func allFiles() throws -> [String] {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root)!
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(path.precomposedStringWithCanonicalMapping) }
        }
        return files
    }

    /// `name="value"` attributes of every tag, values unescaped.
    static func attributes(in html: String) -> [(name: String, value: String)] {
        let pattern = try! NSRegularExpression(pattern: #"\s(href|src|id)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { match in
            let name = String(html[Range(match.range(at: 1), in: html)!])
            let value = String(html[Range(match.range(at: 2), in: html)!])
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            return (name, value)
        }
    }
}
