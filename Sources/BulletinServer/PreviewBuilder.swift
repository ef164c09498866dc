import BulletinCore
import BulletinContent
import BulletinBuild
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Builds the site in memory, then waits for edits and updates it, one batch at a time, on
/// a thread of its own (a full build must not hold up the server's threads). Each result is
/// published to the `SiteState` and told to the terminal.
final class PreviewBuilder: @unchecked Sendable {
    private let options: BuildOptions
    private let state: SiteState
    private let console: PreviewConsole
    private let roots: [FileWatcher.Root: String]
    private let watcher: FileWatcher?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts watching at once, so that no edit made during the first build is missed.
    init(options: BuildOptions, state: SiteState, console: PreviewConsole) {
        self.options = options
        self.state = state
        self.console = console
        roots = [
            .content: CopiedFile.realFolder(options.contentPath) ?? options.contentPath,
            .templates: CopiedFile.realFolder(options.templatesPath) ?? options.templatesPath,
        ]
        do {
            watcher = try FileWatcher(content: roots[.content]!, templates: roots[.templates]!)
        } catch {
            console.problems("warning: \(error.description); the preview will not rebuild when files change\n")
            watcher = nil
        }
    }

    /// Builds, then keeps updating until `stop()`.
    func start() {
        let thread = DispatchQueue(label: "bulletin.preview.builder")
        thread.async { [self] in
            run()
            finished.signal()
        }
    }

    /// Stops watching and waits for the update in progress to end.
    func stop() {
        guard let watcher else { return }
        watcher.stop()
        finished.wait()
    }

    // MARK: - The loop

    private func run() {
        var started = Self.now()
        var (tree, loadProblems) = SiteLoader.load(contentPath: options.contentPath, templatesPath: options.templatesPath)
        var live = LiveSite(tree: tree, options: options, loadProblems: loadProblems)
        var version = 0
        var reported: [Diagnostic] = []
        publish(live, changed: nil, version: &version, reported: &reported, strategy: "full", started: started)

        while let batch = watcher?.next() {
            started = Self.now()
            let outcome: LiveSite.Outcome
            // `loadProblems`: those of the last time the folders were walked.
            switch EditPlan(batch, tree: tree, roots: roots, refused: refused(loadProblems)) {
            case .nothing:
                continue
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
            publish(live, changed: outcome.changed.union(outcome.removed), version: &version, reported: &reported,
                    strategy: outcome.strategy.description, started: started)
        }
    }

    /// The files the loader reported problems with, by root, as paths under it.
    private func refused(_ problems: [Diagnostic]) -> [FileWatcher.Root: Set<String>] {
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

    /// Hands the site to the server and the browsers, and tells the terminal: new problems in
    /// full (not the same warnings after every save), then one line.
    private func publish(
        _ live: LiveSite, changed: Set<String>?, version: inout Int, reported: inout [Diagnostic], strategy: String,
        started: Double
    ) {
        let changedPaths = changed.map { $0.sorted() } ?? []
        if live.isCurrent && (changed == nil || !changedPaths.isEmpty) { version += 1 }
        let errors = live.diagnostics.filter { $0.severity == .error }
        let warnings = live.diagnostics.count(where: { $0.severity == .warning })
        // The overlay shows errors only: a large site can have thousands of warnings, which
        // the terminal lists once.
        let overlay = errors.map { $0.formatted() }.joined(separator: "\n")
            + (warnings == 0 || errors.isEmpty ? "" : "\n(and \(warnings) warning\(warnings == 1 ? "" : "s"); see the terminal)")
        state.publish(SiteSnapshot(
            files: live.hasSite ? live.files : [:], version: live.hasSite ? version : 0, ok: live.isCurrent,
            report: overlay, changed: changedPaths))
        let milliseconds = Int(((Self.now() - started) * 1000).rounded())

        if live.diagnostics != reported {
            let seen = Set(reported)
            let fresh = live.diagnostics.filter { !seen.contains($0) }
            if !fresh.isEmpty { console.problems(fresh.map { $0.formatted() + "\n" }.joined()) }
            reported = live.diagnostics
        }
        let problems = warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"
        if !live.isCurrent {
            console.line("Not rebuilt: \(errors.count) error\(errors.count == 1 ? "" : "s")\(problems) in \(milliseconds) ms. "
                + (live.hasSite ? "Still serving the last good version." : "Waiting for a fix."))
        } else if changed == nil {
            console.line("Built \(live.files.count) files in \(milliseconds) ms\(problems).")
        } else {
            console.line("Rebuilt in \(milliseconds) ms (\(strategy)): \(changedPaths.count) file"
                + "\(changedPaths.count == 1 ? "" : "s") changed\(problems).")
        }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
