import BulletinCore
import BulletinContent
import BulletinBuild

/// What the preview's builder holds between two batches of file events: the folders as last
/// read, the site built from them, and what the terminal and the browsers were last told.
struct PreviewSession {
    private(set) var tree: SourceTree
    /// The problems of the last time the folders were walked.
    private var loadProblems: [Diagnostic]
    private(set) var live: LiveSite
    /// The version the browsers were last given; renewed whenever the served bytes change.
    private(set) var version = 0
    /// The diagnostics the terminal has shown in full.
    private(set) var reported: [Diagnostic] = []

    /// Reads the folders and builds the site.
    init(options: BuildOptions) {
        (tree, loadProblems) = SiteLoader.load(contentPath: options.contentPath, templatesPath: options.templatesPath)
        live = LiveSite(tree: tree, options: options, loadProblems: loadProblems)
        settle(changed: nil)
    }

    /// Updates the site for a batch of file events; nil when the batch changed nothing the
    /// site is built from.
    mutating func apply(_ batch: FileWatcher.Batch, roots: [FileWatcher.Root: String], options: BuildOptions) -> LiveSite.Outcome? {
        let outcome: LiveSite.Outcome
        switch EditPlan(batch, tree: tree, roots: roots, refused: Self.refused(loadProblems, options: options)) {
        case .nothing:
            return nil
        case .files(let changes):
            if let (newTree, problems) = tree.reloading(
                changes, contentPath: options.contentPath, templatesPath: options.templatesPath) {
                tree = newTree
                outcome = live.update(tree: tree, changes: changes, loadProblems: problems)
            } else {
                (tree, loadProblems) = SiteLoader.load(contentPath: options.contentPath, templatesPath: options.templatesPath)
                outcome = live.update(tree: tree, changes: [], loadProblems: loadProblems)
            }
        case .everything:
            (tree, loadProblems) = SiteLoader.load(contentPath: options.contentPath, templatesPath: options.templatesPath)
            outcome = live.update(tree: tree, changes: [], loadProblems: loadProblems)
        }
        settle(changed: outcome.changed.union(outcome.removed))
        return outcome
    }

    /// A new version for the browsers when the site is current and its bytes changed (always
    /// after the first build).
    private mutating func settle(changed: Set<String>?) {
        if live.isCurrent && (changed == nil || !changed!.isEmpty) { version += 1 }
    }

    /// Records that the terminal has been told of the current diagnostics.
    mutating func markReported() {
        reported = live.diagnostics
    }

    /// The files the loader reported problems with, by root, as paths under it.
    private static func refused(_ problems: [Diagnostic], options: BuildOptions) -> [FileWatcher.Root: Set<String>] {
        var result: [FileWatcher.Root: Set<String>] = [:]
        let prefixes: [(FileWatcher.Root, String)] = [
            (.content, SiteLoader.displayRoot(options.contentPath) + "/"),
            (.templates, SiteLoader.displayRoot(options.templatesPath) + "/"),
        ]
        for problem in problems {
            for (root, prefix) in prefixes {
                if problem.location.file.hasPrefix(prefix) {
                    result[root, default: []].insert(String(problem.location.file.dropFirst(prefix.count)))
                }
            }
        }
        return result
    }

}
