import BulletinContent
import BulletinCore
import BulletinMarkdown
import BulletinResolve

// MARK: - Atom

extension FeedRenderer {
    /// The feed as Atom 1.0: absolute links, RFC 3339 dates with offsets, ids that never
    /// change, each entry with its summary, its full content and its terms as categories.
    package func atom(_ feed: Feed) -> [UInt8] {
        let site = inputs.site
        let routes = site.routes
        let x = XMLText.escape
        let (title, subtitle) = titles(feed)
        let data = inputs.sites[feed.lang]!
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(x(feed.lang))">
            <title>\(x(title))</title>

            """
        if !subtitle.isEmpty { xml += "<subtitle>\(x(subtitle))</subtitle>\n" }
        xml += """
            <link rel="self" type="application/atom+xml" href="\(x(routes.absolute(feed.atomPath)))"/>
            <link rel="alternate" type="text/html" href="\(x(routes.absolute(feed.folder)))"/>
            <id>\(feed.id(site: site))</id>
            <updated>\(feed.updated(site: site).rfc3339)</updated>
            <author><name>\(x(data.title))</name><uri>\(x(routes.absolute(routes.localized(Routes.home, feed.lang))))</uri></author>
            <generator>Bulletin</generator>

            """
        // Made as the bytes written, at their size: a term's feed holds its articles' whole
        // content (hundreds of kilobytes), grown and then copied as a String before.
        let end = "</feed>\n"
        var bytes: [UInt8] = []
        bytes.reserveCapacity(feed.articles.reduce(xml.utf8.count + end.utf8.count) { $0 + entries[$1]!.atom.count })
        bytes += xml.utf8
        for index in feed.articles { bytes += entries[index]!.atom }
        bytes += end.utf8
        return bytes
    }
}

extension Feed {
    /// Feed readers resolve relative links against the feed, not the page: every link and
    /// image of an article's HTML made absolute, as the browser would resolve it on the
    /// article's page at `pageURL` (`#notes`, `../other/`, `/agencies/kisa/`); links with a
    /// scheme or a host (`https:`, `mailto:`, `//host`) stay as they are.
    /// The result is bytes: feed entries are made as bytes, and it is valid UTF-8, the page's
    /// HTML with Strings put in.
    package static func absoluteLinks(_ html: [UInt8], pageURL: String) -> [UInt8] {
        // On the bytes: every body of the site goes through here once, and the markers are
        // ASCII. A value is an attribute's from `="` to the next `"`; it is a link when the
        // attribute's name, just before, is ` href` or ` src`.
        let base = ResolutionBase(pageURL)
        return html.withUnsafeBufferPointer { bytes -> [UInt8] in
            var result: [UInt8] = []
            var rewritten = false
            var copied = 0
            // Where the text after the last `="` (or the last link's closing quote) starts: a
            // name is looked for there only.
            var segment = 0
            var index = 0
            // Each `=` found by memchr: a body is text for the most part.
            while let equals = bytes.offset(of: UInt8(ascii: "="), from: index, before: bytes.count - 1) {
                index = equals
                guard bytes[index + 1] == UInt8(ascii: "\"") else {
                    index += 1
                    continue
                }
                let valueStart = index + 2
                let isLink = Self.ends(bytes, at: index, with: " href", after: segment) || Self.ends(bytes, at: index, with: " src", after: segment)
                guard isLink, let close = bytes.offset(of: UInt8(ascii: "\""), from: valueStart) else {
                    index = valueStart
                    segment = valueStart
                    continue
                }
                if !rewritten {
                    result.reserveCapacity(bytes.count + 256)
                    rewritten = true
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<valueStart]))
                var resolved = resolve(String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<close]), as: UTF8.self), against: base)
                resolved.withUTF8 { result.append(contentsOf: $0) }
                copied = close
                segment = close
                index = close
            }
            guard rewritten else { return html }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return result
        }
    }

    /// Whether a path may have a `.` or `..` segment: whether `/.` is in it before its query
    /// or fragment (a segment like `.well-known` says yes too, and takes the long way).
    private static func mayHaveDotSegment(_ reference: String) -> Bool {
        var afterSlash = false
        for byte in reference.utf8 {
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return false }
            if afterSlash && byte == UInt8(ascii: ".") { return true }
            afterSlash = byte == UInt8(ascii: "/")
        }
        return false
    }

    /// Whether `bytes[..<end]`, looking no further back than `start`, ends with `suffix`.
    private static func ends(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, with suffix: StaticString, after start: Int) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard end - start >= count else { return false }
        let pattern = UnsafeBufferPointer(start: suffix.utf8Start, count: count)
        for offset in 0..<count where bytes[end - count + offset] != pattern[offset] { return false }
        return true
    }

    /// A URL reference resolved against an absolute `http(s)://host/path/` URL (RFC 3986,
    /// section 5.2, for the references Markdown produces).
    package static func resolve(_ reference: String, against base: String) -> String {
        resolve(reference, against: ResolutionBase(base))
    }

    /// An absolute URL split once for the links of a page (a body has dozens): its origin
    /// (`https://host`) and its path without query or fragment.
    struct ResolutionBase {
        let url: String
        let origin: String
        let path: String

        init(_ url: String) {
            self.url = url
            let bytes = Array(url.utf8)
            var start = 0
            // Past `scheme://`, the path starts at the next `/`.
            if let scheme = bytes.indices.first(where: { $0 + 2 < bytes.count && bytes[$0] == 0x3A && bytes[$0 + 1] == 0x2F && bytes[$0 + 2] == 0x2F }) {
                start = scheme + 3
            }
            let pathStart = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
            let pathEnd = bytes[pathStart...].firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
            origin = String(decoding: bytes[..<pathStart], as: UTF8.self)
            path = String(decoding: bytes[pathStart..<pathEnd], as: UTF8.self)
        }
    }

    /// Whether a reference has a scheme (`https:`, `mailto:`): a `:` before any `/`, `?` or `#`.
    private static func hasScheme(_ reference: String) -> Bool {
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return true
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return false
            default: continue
            }
        }
        return false
    }

    static func resolve(_ reference: String, against base: ResolutionBase) -> String {
        if reference.utf8.starts(with: "//".utf8) || hasScheme(reference) { return reference }
        let origin = base.origin
        let basePath = base.path
        if reference.isEmpty { return base.url }
        if reference.hasPrefix("#") { return origin + basePath + reference }
        // A path from the root without dot segments (most links of a body: `/articles/x/`)
        // resolves to the origin and the reference as it is: the segment walk below would
        // give it back unchanged.
        if reference.utf8.first == UInt8(ascii: "/"), !Self.mayHaveDotSegment(reference) {
            return origin + reference
        }
        let pathEnd = reference.firstIndex { $0 == "?" || $0 == "#" } ?? reference.endIndex
        let path = String(reference[..<pathEnd])
        let suffix = String(reference[pathEnd...])
        if path.isEmpty { return origin + basePath + suffix }  // `?query`
        let folder = basePath.lastIndex(of: "/").map { String(basePath[...$0]) } ?? "/"
        let merged = path.hasPrefix("/") ? path : folder + path
        // Dot segments removed; a trailing `.` or `..` leaves a folder.
        var output: [Substring] = []
        let segments = merged.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (position, segment) in segments.enumerated() {
            let last = position == segments.count - 1
            switch segment {
            case ".": if last { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if last { output.append("") }
            default: output.append(segment)
            }
        }
        return origin + "/" + output.joined(separator: "/") + suffix
    }
}
