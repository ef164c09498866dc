import BulletinCore
import BulletinContent
import BulletinBuild
import ServiceLifecycle
import Synchronization

/// Builds the site in memory, then updates it batch after batch of file events, publishing
/// each result to the `SiteState` and telling the terminal.
///
/// A `Service` of the server's `ServiceGroup`, listed after the HTTP application and before
/// the watcher, so that the group stops them in the other order: the watcher first (its
/// batches end), then this builder (it finishes the update in progress and ends every event
/// stream), then the HTTP server (whose graceful shutdown waits for open responses, and no
/// stream is left open). The builds themselves run on a queue of its own (`BuildQueue`), off
/// the threads that answer requests; the service's task only waits for them.
struct PreviewBuilder: Service {
    /// The folders, drafts, future articles and the time; the base URL is set from
    /// `serverURL`.
    let options: BuildOptions
    let state: SiteState
    let console: PreviewConsole
    /// The file events, or why the folders cannot be watched (then the first build is all).
    let watching: Result<FileWatcher, FileWatcher.Failure>
    /// The server's own address (`http://127.0.0.1:1313/`), given once it listens: the site
    /// links to it, and with `--port 0` the port is only known then.
    let serverURL: AsyncStream<String>

    /// Builds, then updates until the watcher stops; then waits for its own turn to stop, and
    /// ends the event streams. The service group cancels it only if the server could not
    /// start, before anything was built.
    func run() async {
        // The one address, unless the server stops (or cannot start) before it listens.
        for await url in serverURL.cancelOnGracefulShutdown() {
            var options = options
            options.baseURL = BaseURL(url)
            await serve(options)
            break
        }
        // After the update in progress: the site will not change any more. Returning
        // earlier, before the group asks, would make it cancel the other services.
        try? await gracefulShutdown()
        state.close()
    }

    // MARK: - The loop

    private func serve(_ options: BuildOptions) async {
        let watcher: FileWatcher?
        switch watching {
        case .success(let success):
            watcher = success
        case .failure(let failure):
            console.problems("warning: \(failure.description); the preview will not rebuild when files change\n")
            watcher = nil
        }
        let queue = BuildQueue()
        let session = Mutex<PreviewSession?>(nil)
        await queue.run { [self] in
            let started = ContinuousClock.now
            session.withLock { session in
                var first = PreviewSession(options: options)
                publish(first.live, changed: nil, version: first.version, reported: [], strategy: .full, started: started)
                first.markReported()
                session = first
            }
        }

        guard let watcher else { return }
        for await batch in watcher.batches {
            await queue.run { [self] in
                let started = ContinuousClock.now
                session.withLock { session in
                    guard var current = session.take() else { return }
                    defer { session = current }
                    let reported = current.reported
                    guard let outcome = current.apply(batch, roots: watcher.roots, options: options) else { return }
                    publish(current.live, changed: outcome.changed.union(outcome.removed), version: current.version,
                            reported: reported, strategy: outcome.strategy, started: started)
                    current.markReported()
                    if console.timings {
                        console.problems(outcome.timings.map { "  \($0.phase): \(Int(($0.seconds * 1000).rounded())) ms\n" }.joined())
                    }
                }
            }
        }
    }

    /// Hands the site to the server and the browsers, and tells the terminal: new problems in
    /// full (not the same warnings after every save), then one line.
    private func publish(
        _ live: LiveSite, changed: Set<String>?, version: Int, reported: [Diagnostic], strategy: RebuildStrategy,
        started: ContinuousClock.Instant
    ) {
        let changedPaths = changed.map { $0.sorted() } ?? []
        let errors = live.diagnostics.filter { $0.severity == .error }
        let warnings = live.diagnostics.count(where: { $0.severity == .warning })
        // The overlay shows errors only: a large site can have thousands of warnings, which
        // the terminal lists once.
        let overlay = errors.map { $0.formatted() }.joined(separator: "\n")
            + (warnings == 0 || errors.isEmpty ? "" : "\n(and \(warnings) warning\(warnings == 1 ? "" : "s"); see the terminal)")
        state.publish(SiteSnapshot(
            files: live.hasSite ? live.files : [:], version: live.hasSite ? version : 0, ok: live.isCurrent,
            report: overlay, changed: changedPaths))
        let (seconds, attoseconds) = (ContinuousClock.now - started).components
        let milliseconds = Int((Double(seconds) * 1000 + Double(attoseconds) / 1e15).rounded())

        if live.diagnostics != reported {
            let seen = Set(reported)
            let fresh = live.diagnostics.filter { !seen.contains($0) }
            if !fresh.isEmpty { console.problems(fresh.map { $0.formatted() + "\n" }.joined()) }
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
}
