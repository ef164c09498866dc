import BulletinContent
import BulletinCore
import BulletinMarkdown
import Synchronization
internal import Foundation

/// Checks and rewrites the links editors write in Markdown.
///
/// - A relative link to a content file's `.md` (`../2024/other.md#outcome`) becomes that
///   page's URL.
/// - A site path (`/agencies/kisa/`) must name a page or file of the build; it gets the base
///   path when the site lives under one.
/// - Either may carry a `#fragment`, which is checked once the pages exist (see
///   `FragmentCheck`); so is a bare `#fragment` against the page the text appears on.
/// Everything else (other sites, `mailto:`, relative links to images) is left alone.
package struct LinkRewriter: Sendable {
    package let routes: Routes
    /// Site paths by content path.
    package let contentPaths: [String: String]
    /// Articles and pages that exist but are not published, with why ("a draft").
    package let unpublished: Unpublished
    /// Every site path the build writes: pages (`articles/x/`) and files (`images/map.svg`).
    package let sitePaths: Set<String>
    /// The site paths by their first folder, for suggestions: made when a link is first found
    /// broken (sorting 15,000 paths for every resolve cost more than most sites' broken
    /// links ever will).
    private let folders: Folders

    private final class Folders: Sendable {
        private let sitePaths: Set<String>
        private let grouped = Mutex<[String: [String]]?>(nil)

        init(_ sitePaths: Set<String>) { self.sitePaths = sitePaths }

        /// The site paths whose first folder is `folder`, in code-point order.
        func paths(in folder: String) -> [String] {
            grouped.withLock { grouped in
                if grouped == nil {
                    var byFolder: [String: [String]] = [:]
                    for path in sitePaths.sorted() { byFolder[LinkRewriter.firstFolder(path), default: []].append(path) }
                    grouped = byFolder
                }
                return grouped![folder] ?? []
            }
        }
    }

    package init(routes: Routes, contentPaths: [String: String], unpublished: Unpublished, sitePaths: Set<String>) {
        self.routes = routes
        self.contentPaths = contentPaths
        self.unpublished = unpublished
        self.sitePaths = sitePaths
        folders = Folders(sitePaths)
    }

    package enum Result: Equatable {
        case unchanged
        case rewritten(String)
        case broken(message: String, hint: String)
        /// The target exists but is not published: the link is left out, its text kept,
        /// until the target is published (a warning, so that the site has no broken link).
        case unlinked(message: String, hint: String)
        /// The address could run a script or open a local file (`javascript:`, `vbscript:`,
        /// `data:`, `file:`): the link is left out and its text published as plain text.
        case unsafe(scheme: String)
    }

    /// The schemes no published link or image may use.
    package static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]
    private static let unsafeSchemeList = unsafeSchemes.sorted()

    /// The scheme of `destination` when it is one of `unsafeSchemes`, read as a browser reads
    /// an address: tabs and line breaks anywhere are ignored, and so are spaces and control
    /// characters in front (`java\tscript:` is `javascript:`). cmark has already decoded
    /// entities (`&#106;avascript:`).
    package static func unsafeScheme(of destination: String) -> String? {
        // Every link of every body comes here. Most have no colon at all (`/articles/x/`), or
        // plain ASCII letters before it (`https:`): both decided on bytes, with nothing made.
        var letters = 0
        for byte in destination.utf8 {
            if byte == UInt8(ascii: ":") {
                guard letters > 0 else { break }
                // Compared as bytes, lowercased, with each unsafe scheme of that length (a
                // String made of every link's scheme, `https`, to look it up cost more).
                let scheme = destination.utf8.prefix(letters)
                return unsafeSchemeList.first { $0.utf8.count == letters && $0.utf8.elementsEqual(scheme.lazy.map { $0 | 0x20 }) }
            }
            let lower = byte | 0x20
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else {
                // Anything else before a colon (a tab, a space, a digit): the browser's rule below.
                return destination.utf8.contains(UInt8(ascii: ":")) ? unsafeSchemeAsBrowsersRead(destination) : nil
            }
            letters += 1
        }
        return letters == destination.utf8.count ? nil : unsafeSchemeAsBrowsersRead(destination)
    }

    /// The rule as the comment above says it, on Unicode scalars (the quick path agrees with it).
    package static func unsafeSchemeAsBrowsersRead(_ destination: String) -> String? {
        var scalars = destination.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }[...]
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        guard let colon = scalars.firstIndex(of: ":") else { return nil }
        let scheme = String(String.UnicodeScalarView(scalars[..<colon])).lowercased()
        return unsafeSchemes.contains(scheme) ? scheme : nil
    }

    /// The page and fragment a link points at, to check once the pages exist.
    package struct Target: Equatable {
        package let sitePath: String
        package let fragment: String
    }

    /// What a rewrite read of `sitePaths`: the site paths it looked up, and the folders whose
    /// paths it compared a broken link with. Its result depends on the site's paths through
    /// these alone, so the preview, after an edit that only adds or removes pages, rewrites
    /// again only the links that read one of them.
    package struct SiteReads: Sendable {
        package private(set) var paths: [String] = []
        package private(set) var folders: [String] = []

        package init() {}

        /// Whether the rewrite read any of `changed` (site paths added or removed) or any
        /// path of their folders.
        package func read(any changed: Set<String>, inFolders changedFolders: Set<String>) -> Bool {
            paths.contains(where: changed.contains) || folders.contains(where: changedFolders.contains)
        }

        fileprivate mutating func lookUp(_ path: String) { paths.append(path) }
        fileprivate mutating func compare(in folder: String) { folders.append(folder) }
    }

    /// The new destination of a link written in the file at `contentPath`, and the fragment
    /// to check, if any.
    package func rewrite(_ destination: String, from contentPath: String) -> (Result, Target?) {
        var reads = SiteReads()
        return rewrite(destination, from: contentPath, reads: &reads)
    }

    /// The same, saying in `reads` what it read of the site's paths.
    package func rewrite(_ destination: String, from contentPath: String, reads: inout SiteReads) -> (Result, Target?) {
        if let scheme = Self.unsafeScheme(of: destination) { return (.unsafe(scheme: scheme), nil) }
        if Self.isOffSite(destination) {
            if WebAddress.hasWebScheme(destination), let problem = WebAddress.problem(with: destination, encodesCharacters: true) {
                return (.broken(
                    message: "the link '\(destination)' is not an address a browser can follow: \(problem)",
                    hint: "correct the address (open it in a browser to check it)"), nil)
            }
            return (.unchanged, nil)
        }
        // A fragment composed as the site's ids are (`Slug`: NFKC, so NFC): `#cafe\u{301}` and
        // `#café` are the same text to an editor and to Swift's `==`, but a browser compares
        // the bytes, and only the composed form finds the heading.
        guard let composed = Self.composingFragment(of: destination) else {
            return rewriteAsComposed(destination, from: contentPath, reads: &reads)
        }
        let (result, target) = rewriteAsComposed(composed, from: contentPath, reads: &reads)
        return (result == .unchanged ? .rewritten(composed) : result, target)
    }

    /// `destination` with its fragment in NFC, or nil when it has none or it is so already.
    static func composingFragment(of destination: String) -> String? {
        guard let hash = destination.utf8Offset(of: UInt8(ascii: "#")) else { return nil }
        let start = destination.utf8.index(destination.utf8.startIndex, offsetBy: hash + 1)
        // Nearly every fragment is ASCII as written, with no escape that could hide more.
        guard destination.utf8[start...].contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "%") }) else { return nil }
        let fragment = percentDecoded(String(destination[start...]))
        let composed = fragment.precomposedStringWithCanonicalMapping
        guard !composed.utf8.elementsEqual(fragment.utf8) else { return nil }
        return String(destination[..<start]) + Routes.percentEncode(composed)
    }

    private func rewriteAsComposed(_ destination: String, from contentPath: String, reads: inout SiteReads) -> (Result, Target?) {
        let (path, query, fragment) = Self.split(destination)
        if path.isEmpty {
            // `#section` or `?q`: this page. A query is written from the root like other
            // relative links (the same text may show on another page: a term's page 2).
            guard let own = contentPaths[contentPath] else { return (.unchanged, nil) }
            let target = fragment.flatMap { $0.isEmpty ? nil : Target(sitePath: own, fragment: $0) }
            guard let query else { return (.unchanged, target) }
            return (.rewritten(routes.href(own) + "?" + query + (fragment.map { "#" + Routes.percentEncode($0) } ?? "")), target)
        }
        if path.hasPrefix("/") {
            let (result, target, _) = sitePathLink(destination, path: String(path.dropFirst()), query: query, fragment: fragment, reads: &reads)
            return (result, target)
        }
        guard path.hasSuffix(".md") else {
            return relativeSitePathLink(destination, path: path, query: query, fragment: fragment, from: contentPath, reads: &reads)
        }
        guard let target = Self.resolve(path, against: contentPath.deletingLastPathComponent) else {
            return (.broken(
                message: "the link '\(destination)' leads outside the content folder",
                hint: "link to another article's file relative to this one, such as ../2025/other.md"), nil)
        }
        if let sitePath = contentPaths[target] {
            let href = routes.href(sitePath) + (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? "")
            return (.rewritten(href), fragment.map { Target(sitePath: sitePath, fragment: $0) })
        }
        if let reason = unpublished.byContentPath[target] {
            return (unlinked(destination, target, reason, fragment: fragment, headings: unpublished.headings[target]), nil)
        }
        let suggestion = EditDistance.closest(
            to: target, among: contentPaths.keys.sorted(), limit: max(3, target.count / 4), count: 1).first
        return (.broken(
            message: "the link '\(destination)' goes to \(target), which does not exist",
            hint: suggestion.map { "did you mean \(Self.relative($0, from: contentPath.deletingLastPathComponent))?" }
                ?? "check the file name; links are relative to this file's folder"), nil)
    }

    /// A link to `/<path>`: it must be a page or file of the build. Also `path` as the build
    /// stores it, byte for byte, when it is one of the build's paths as written (else as
    /// given).
    private func sitePathLink(
        _ destination: String, path: String, query: String?, fragment: String?, reads: inout SiteReads
    ) -> (Result, Target?, storedPath: String) {
        // `x/index.html` is the page `x/` (a static host serves one for the other).
        let page = path == "index.html" ? "" : path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : nil
        let candidates = (path.isEmpty || path.hasSuffix("/") ? [path] : [path, path + "/"]) + (page.map { [$0] } ?? [])
        candidates.forEach { reads.lookUp($0) }
        // The path as written, and as the build stores it (Swift's `==`, which the look-up
        // uses, calls canonically equivalent texts equal; a server does not).
        let match = candidates.lazy.compactMap { written in
            self.sitePaths.firstIndex(of: written).map { (written: written, stored: self.sitePaths[$0]) }
        }.first
        guard let (sitePath, stored) = match else {
            if let (unpublishedPath, reason) = candidates.lazy.compactMap({ candidate in
                self.unpublished.bySitePath[candidate].map { (candidate, $0) }
            }).first {
                return (unlinked(
                    destination, "/" + unpublishedPath, reason, fragment: fragment,
                    headings: unpublished.headingsBySitePath[unpublishedPath]), nil, path)
            }
            // Suggestions from the same folder, of about the same length: fast on 15,000 pages.
            let limit = max(3, path.count / 4)
            reads.compare(in: Self.firstFolder(path))
            let nearby = folders.paths(in: Self.firstFolder(path)).filter { abs($0.count - path.count) <= limit }
            let suggestion = EditDistance.closest(to: path, among: nearby, limit: limit, count: 1).first
            return (.broken(
                message: "the link '\(destination)' goes to /\(path), which the site does not have",
                hint: suggestion.map { "did you mean /\($0)?" } ?? "check the address; site paths start at the site's root, such as /agencies/kisa/"), nil, path)
        }
        let target = fragment.map { Target(sitePath: stored, fragment: $0) }
        let storedPath = sitePath == path ? stored : path
        guard stored.utf8.elementsEqual(sitePath.utf8) else {
            // Written in another Unicode form than the file's or page's own: written as it is
            // published, or a server that compares bytes would not find it.
            return (.rewritten(routes.href(stored) + (query.map { "?" + $0 } ?? "")
                + (fragment.map { "#" + Routes.percentEncode($0) } ?? "")), target, storedPath)
        }
        guard routes.baseURL.path != "/" else { return (.unchanged, target, storedPath) }
        return (.rewritten(String(routes.baseURL.path.dropLast()) + destination), target, storedPath)
    }

    /// A relative link to anything but a Markdown file (`map.png`, `../other/`): resolved
    /// against the page's own address as a browser would, checked there, and written from
    /// the site's root, so that it still works where the same HTML is shown elsewhere (a
    /// term's description on page 2 of its list, a feed).
    private func relativeSitePathLink(
        _ destination: String, path: String, query: String?, fragment: String?, from contentPath: String, reads: inout SiteReads
    ) -> (Result, Target?) {
        guard let page = contentPaths[contentPath] else { return (.unchanged, nil) }  // not published: not shown
        guard let resolved = Self.resolve(path, against: page) else {
            return (.broken(
                message: "the link '\(destination)' climbs above the site's root from /\(page)",
                hint: "write the site path from the root, such as /images/map.svg"), nil)
        }
        // `x/`, `.` and `..` name folders: their pages' paths end with `/`.
        let last = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let isFolder = path.hasSuffix("/") || last == "." || last == ".."
        let sitePath = resolved.isEmpty || !isFolder ? resolved : resolved + "/"
        switch sitePathLink(destination, path: sitePath, query: query, fragment: fragment, reads: &reads) {
        case (.rewritten, let target, let stored), (.unchanged, let target, let stored):
            let href = routes.href(stored) + (query.map { "?" + $0 } ?? "")
                + (fragment.map { "#" + Routes.percentEncode($0) } ?? "")
            return (.rewritten(href), target)
        case (.broken(_, let hint), let target, _):
            let message = "the link '\(destination)' goes to /\(sitePath), which the site does not have"
            // A file from static/ linked relative to the article's file rather than from the root.
            var fromRoot = path
            while fromRoot.hasPrefix("../") || fromRoot.hasPrefix("./") { fromRoot = String(fromRoot.drop { $0 != "/" }.dropFirst()) }
            fromRoot = fromRoot.removingPrefix("static/") ?? fromRoot
            reads.lookUp(fromRoot)
            if sitePaths.contains(fromRoot) {
                return (.broken(
                    message: message,
                    hint: "did you mean /\(fromRoot)? Files in static/ are published at the site's root, and relative links resolve against this page's address, /\(page)"), target)
            }
            let suggestion = hint.hasPrefix("did you mean") ? hint + " " : ""
            return (.broken(
                message: message,
                hint: suggestion + "relative links resolve against this page's address, /\(page); write site paths from the root, such as /images/map.svg"), target)
        case (let other, let target, _):
            return (other, target)
        }
    }

    /// A link to a page that is not published; when it names a `#fragment` that page does
    /// not have either, that is said too (publishing it would not mend the link).
    private func unlinked(
        _ destination: String, _ target: String, _ reason: String, fragment: String?, headings: [String]?
    ) -> Result {
        var message = "the link '\(destination)' goes to \(target), which is \(reason): the link is left out until it is published"
        var hint = "publish the target first, or remove the link; with --strict this stops the build"
        if let fragment, !fragment.isEmpty, let headings, !headings.contains(fragment) {
            message += "; and \(target) has no heading #\(fragment)"
            if let suggestion = EditDistance.closest(to: fragment, among: headings, limit: max(2, fragment.count / 3), count: 1).first {
                hint = "did you mean #\(suggestion)? And " + hint
            } else {
                hint = "its headings are " + (headings.isEmpty ? "none" : headings.map { "#" + $0 }.joined(separator: ", ")) + "; " + hint
            }
        }
        return .unlinked(message: message, hint: hint)
    }

    package static func firstFolder(_ path: String) -> String {
        path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
    }

    /// Whether `rewrite` decides on `destination` from its text alone, whatever the site:
    /// an address with a scheme or `//`, an empty one, or one with a scheme no link may use.
    /// What a body's links became is checked again after a site's pages move (the preview)
    /// only for the others.
    package static func readsSite(_ destination: String) -> Bool {
        unsafeScheme(of: destination) == nil && !isOffSite(destination)
    }

    /// Another site's address (a scheme, or `//`), or an empty one: left as written.
    private static func isOffSite(_ destination: String) -> Bool {
        destination.isEmpty || destination.hasPrefix("//") || hasScheme(destination)
    }

    private static func hasScheme(_ text: String) -> Bool {
        // On bytes: a scheme is ASCII, and no byte of a non-ASCII character is one.
        guard let colon = text.utf8Offset(of: UInt8(ascii: ":")) else { return false }
        let scheme = text.utf8.prefix(colon)
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard let first = scheme.first, isLetter(first) else { return false }
        return scheme.allSatisfy {
            isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
                || $0 == UInt8(ascii: ".")
        }
    }

    /// A destination's path (percent-decoded), query and fragment (percent-decoded).
    package static func split(_ destination: String) -> (path: String, query: String?, fragment: String?) {
        // On bytes, as a browser splits an address: at the first `#`, then at the first `?`
        // before it (both ASCII, so never a byte of another character; reading Characters
        // here was most of the cost of checking every body's links again).
        let utf8 = destination.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var end = utf8.count
        var fragment: String?
        if let hash = destination.utf8Offset(of: UInt8(ascii: "#")) {
            fragment = percentDecoded(String(destination[index(hash + 1)...]))
            end = hash
        }
        var query: String?
        if let mark = destination.utf8Offset(of: UInt8(ascii: "?"), before: end) {
            query = String(destination[index(mark + 1)..<index(end)])
            end = mark
        }
        return (percentDecoded(end == utf8.count ? destination : String(destination[..<index(end)])), query, fragment)
    }

    /// `folder/relative`, with `.` and `..` applied; nil when it climbs above the root.
    package static func resolve(_ relative: String, against folder: String) -> String? {
        var components = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }

    /// The relative path from a folder to a content path, for suggestions.
    package static func relative(_ target: String, from folder: String) -> String {
        let from = folder.split(separator: "/")
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }

    package static func percentDecoded(_ text: String) -> String {
        guard text.utf8Offset(of: UInt8(ascii: "%")) != nil else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
