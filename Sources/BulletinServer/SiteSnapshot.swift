import BulletinCore

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
    /// When the last good build that changed something was published (set by `stamped`).
    var changedAt: ContinuousClock.Instant?
    /// When the last good build that changed a file pages load (`isLoadedByPages`) was
    /// published. The first build counts as changing them all: a page still open from an
    /// earlier run of the server may show anything.
    var assetsChangedAt: ContinuousClock.Instant?

    /// This snapshot with the times of the last changes, carried over from `previous` when
    /// this one changed nothing (a failed build, or one whose output is the same).
    func stamped(after previous: SiteSnapshot, at now: ContinuousClock.Instant) -> SiteSnapshot {
        var stamped = self
        stamped.changedAt = previous.changedAt
        stamped.assetsChangedAt = previous.assetsChangedAt
        guard version > 0 else { return stamped }
        if version != previous.version {
            stamped.changedAt = now
            if previous.version == 0 || changed.contains(where: Self.isLoadedByPages) { stamped.assetsChangedAt = now }
        }
        return stamped
    }

    /// Whether a page may show the file as part of itself (a stylesheet, an image, a script,
    /// a font): anything but pages, feeds, indexes and text files, which a page links to.
    static func isLoadedByPages(_ path: String) -> Bool {
        ![".html", ".xml", ".json", ".txt"].contains { path.hasSuffix($0) }
    }

    /// The Server-Sent Event the reload script reads: the state, `tag` (what the listener's
    /// page shows now, `PreviewResponder.pageTag`; null for a stream opened for no page),
    /// and how long ago, in microseconds, the site and the files pages load last changed
    /// (null before the first good build). Ages rather than times or versions: the page
    /// compares them with its own age on its own clock, and they need no common clock.
    func event(tag: String?, at now: ContinuousClock.Instant) -> String {
        func ago(_ instant: ContinuousClock.Instant?) -> String {
            guard let instant else { return "null" }
            let (seconds, attoseconds) = (now - instant).components
            return String(max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
        }
        var json = "{\"version\":\(version),\"ok\":\(ok),\"changed\":["
        json += changed.map(JSONText.quoted).joined(separator: ",")
        json += "],\"diagnostics\":" + JSONText.quoted(report)
        json += ",\"tag\":" + (tag.map(JSONText.quoted) ?? "null")
        json += ",\"changedAgo\":" + ago(changedAt) + ",\"assetsChangedAgo\":" + ago(assetsChangedAt) + "}"
        return "event: state\ndata: \(json)\n\n"
    }
}
