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
        json += changed.map(JSONText.quoted).joined(separator: ",")
        json += "],\"diagnostics\":" + JSONText.quoted(report) + "}"
        return "event: state\ndata: \(json)\n\n"
    }
}
