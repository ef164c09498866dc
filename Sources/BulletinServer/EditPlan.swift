#if canImport(Glibc)
import Glibc
#endif
import BulletinCore
import BulletinContent

/// What a batch of file events asks of the live site: nothing (an editor's swap file), the
/// files that changed in place (fast, incremental), or loading everything again (a file or
/// folder was added, removed or renamed, or events were lost).
enum EditPlan: Equatable {
    case nothing
    case files(Set<SourceChange>)
    case everything

    /// Reads the batch against the tree as last loaded; `roots` are the absolute folders.
    /// `refused`: the paths the last load reported and left out of the tree (a symbolic link
    /// out of the folder, an unreadable file); one of them gone loads everything again, so
    /// that its error goes too, rather than passing for an editor's temporary file.
    init(
        _ batch: FileWatcher.Batch, tree: SourceTree, roots: [FileWatcher.Root: String],
        refused: [FileWatcher.Root: Set<String>] = [:]
    ) {
        if batch.overflowed {
            self = .everything
            return
        }
        var changes: Set<SourceChange> = []
        for touch in batch.touches.sorted(by: { $0.path < $1.path }) where !Self.isIgnored(touch) {
            if touch.isFolder {
                self = .everything
                return
            }
            let known = Self.isKnown(touch, in: tree)
            var status = stat()
            let exists = roots[touch.root].map { lstat($0 + "/" + touch.path, &status) == 0 } ?? false
            switch (known, exists) {
            case (true, true):
                changes.insert(touch.root == .content ? .content(touch.path) : .template(touch.path))
            case (false, false):
                if refused[touch.root]?.contains(touch.path) == true {
                    self = .everything
                    return
                }
                continue  // came and went within the batch: a temporary file
            default:
                self = .everything
                return
            }
        }
        self = changes.isEmpty ? .nothing : .files(changes)
    }

    /// Files the loader skips, and the temporary files editors write beside the one saved:
    /// Vim's swap files and its `4913` probe, Emacs's lock and backup files.
    static func isIgnored(_ touch: FileWatcher.Touch) -> Bool {
        let components = touch.path.split(separator: "/")
        guard let name = components.last else { return true }
        if name.hasSuffix("~") || name == "4913" || name.hasPrefix(".#")
            || [".swp", ".swo", ".swx"].contains(where: { name.hasSuffix($0) }) {
            return true
        }
        // Hidden names are skipped by the loader except under the copied folders.
        let copied = touch.root == .content ? "static" : "assets"
        if components.first == Substring(copied) { return false }
        return components.contains { $0.hasPrefix(".") }
    }

    private static func isKnown(_ touch: FileWatcher.Touch, in tree: SourceTree) -> Bool {
        switch touch.root {
        case .content:
            if let path = touch.path.dropPrefix("static/") { return tree.staticFiles.contains { $0.path == path } }
            return tree.content.contains { $0.path == touch.path }
        case .templates:
            if let path = touch.path.dropPrefix("assets/") { return tree.assets.contains { $0.path == path } }
            return tree.templates.contains { $0.path == touch.path }
        }
    }
}

extension String {
    /// The rest after `prefix`, or nil when it does not start with it.
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
