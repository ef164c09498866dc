/// Turns Markdown link destinations into site URLs: a relative link to another content
/// file's `.md` becomes that page's URL; a root-relative link (`/agencies/kisa/`) gets the
/// site's base path. A link to a `.md` file that is not published is an error.
struct LinkRewriter: Sendable {
    let routes: Routes
    /// Site paths by content path.
    let contentPaths: [String: String]
    /// Content paths that exist but are not published, with why ("a draft").
    let unpublished: [String: String]

    enum Result: Equatable {
        case unchanged
        case rewritten(String)
        case broken(message: String, hint: String)
    }

    /// The new destination of a link written in the file at `contentPath`.
    func rewrite(_ destination: String, from contentPath: String) -> Result {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || hasScheme(destination) {
            return .unchanged
        }
        if destination.hasPrefix("/") {
            guard routes.baseURL.path != "/" else { return .unchanged }
            return .rewritten(String(routes.baseURL.path.dropLast()) + destination)
        }
        var path = destination
        var suffix = ""
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[cut...])
            path = String(path[..<cut])
        }
        path = percentDecoded(path)
        guard path.hasSuffix(".md") else { return .unchanged }
        guard let target = Self.resolve(path, against: contentPath.deletingLastPathComponent) else {
            return .broken(
                message: "the link '\(destination)' leads outside the content folder",
                hint: "link to another article's file relative to this one, such as ../2025/other.md")
        }
        if let sitePath = contentPaths[target] {
            let fragment = suffix.hasPrefix("?") ? (suffix.firstIndex(of: "#").map { String(suffix[$0...]) } ?? "") : suffix
            return .rewritten(routes.href(sitePath) + fragment)
        }
        if let reason = unpublished[target] {
            return .broken(
                message: "the link '\(destination)' goes to \(target), which is \(reason) and is not published",
                hint: "publish it first, or remove the link")
        }
        let suggestions = EditDistance.closest(to: target, among: contentPaths.keys.sorted(), limit: max(3, target.count / 4), count: 1)
        return .broken(
            message: "the link '\(destination)' goes to \(target), which does not exist",
            hint: suggestions.first.map { "did you mean \(Self.relative($0, from: contentPath.deletingLastPathComponent))?" }
                ?? "check the file name; links are relative to this file's folder")
    }

    private func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// `folder/relative`, with `.` and `..` applied; nil when it climbs above the root.
    static func resolve(_ relative: String, against folder: String) -> String? {
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
    static func relative(_ target: String, from folder: String) -> String {
        let from = folder.split(separator: "/")
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }

    private func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
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
