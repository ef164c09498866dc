import BulletinKit

/// The site as it is served at one moment: the files of the last good build and what the
/// browser needs to know about the last attempt.
struct SiteSnapshot: Sendable {
    /// The last good site by output path; empty before the first good build.
    var files: [String: FileContents] = [:]
    /// Counts good builds that changed something; 0 before the first.
    var version = 0
    /// Whether the last attempt succeeded.
    var ok = false
    /// The last attempt's errors and warnings, as the terminal shows them.
    var report = ""
    /// The output paths the last good build changed or removed.
    var changed: [String] = []

    /// The Server-Sent Event the reload script reads.
    var event: String {
        var json = "{\"version\":\(version),\"ok\":\(ok),\"changed\":["
        json += changed.map(Self.quoted).joined(separator: ",")
        json += "],\"diagnostics\":" + Self.quoted(report) + "}"
        return "event: state\ndata: \(json)\n\n"
    }

    /// A JSON string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // U+2028 and U+2029 are escaped too: they end lines in older JavaScript.
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
