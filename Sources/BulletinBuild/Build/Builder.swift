package import BulletinCore
public import BulletinContent
import BulletinRender
import BulletinOutput

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pipeline: load, parse, resolve, render and write. Each phase is timed; only `load`
/// and the output sink touch the disk. Pages are written into a staging folder as they are
/// rendered, and the output folder is replaced only when every phase succeeded.
public enum Builder {
    /// Builds a site in memory from a source tree.
    public static func build(_ tree: SourceTree, options: BuildOptions, collectExternalLinks: Bool = false) -> BuildResult {
        let sink = MemorySink()
        var result = build(tree, options: options, collectExternalLinks: collectExternalLinks) { _ in sink }
        if result.rendered && !result.diagnostics.hasErrors { result.output = sink.tree }
        return result
    }

    /// The phases from parse to render. `sink(pagesToKeep)` gives where the rendered files go;
    /// it is called only when nothing has failed by then (`earlier` holds the load phase's
    /// diagnostics), and returns nil when it cannot write.
    /// (Handed over, the tree's source bytes are let go of once parsed.)
    package static func build(
        _ tree: consuming SourceTree, options: BuildOptions, collectExternalLinks: Bool = false, earlier: [Diagnostic] = [],
        sink makeSink: (Set<String>) -> (any OutputSink)?
    ) -> BuildResult {
        var handed: SourceTree? = consume tree
        return Parallel.$workers.withValue(options.workers) {
            phases(handed.take()!, options: options, collectExternalLinks: collectExternalLinks, earlier: earlier, sink: makeSink)
        }
    }

    private static func phases(
        _ tree: consuming SourceTree, options: BuildOptions, collectExternalLinks: Bool, earlier: [Diagnostic],
        sink makeSink: (Set<String>) -> (any OutputSink)?
    ) -> BuildResult {
        var clock = PhaseClock()
        var prepared = PreparedBuild(consume tree, options: options, collectExternalLinks: collectExternalLinks, clock: &clock)
        // The bodies' findings gathered once (10,000 articles' findings, by path).
        let findings = prepared.bodies.allFindings
        var diagnostics = earlier + prepared.earlierDiagnostics + findings.diagnostics

        var rendered = false
        var renderParts: [(phase: String, seconds: Double)] = []
        var page: ((String) -> [UInt8]?)?
        if let theme = prepared.theme, !diagnostics.map({ $0.escalated(strict: options.strict) }).hasErrors,
           let sink = makeSink(findings.fragments.pagesToKeep) {
            // The render's parts, listed after it as `render · values` and so on.
            var parts: [(phase: String, seconds: Double)] = []
            // Taken out of the bodies, so that the search indexes let go of them once read.
            let searchWords = ReleasableValues(prepared.bodies.takeSearchWords())
            // And the articles' HTML, so that each is let go of once its page is written.
            let articleHTML = ReleasableValues(prepared.bodies.takeArticleHTML())
            SiteRenderer.render(
                prepared.site, bodies: prepared.bodies, searchWords: searchWords, articleHTML: articleHTML, theme: theme, into: sink
            ) { parts.append(($0, $1)) }
            if let failure = sink.failure {
                diagnostics.append(Diagnostic(.error, .outputProblem, failure, at: SourceLocation(file: options.outputPath)))
            }
            rendered = true
            page = sink.retained
            clock.mark("render")
            renderParts = parts.map { ("render · " + $0.phase, $0.seconds) }
        }
        diagnostics += FragmentCheck.verify(findings.fragments, page: page, bodies: prepared.bodies, site: prepared.site)
        diagnostics = diagnostics.map { $0.escalated(strict: options.strict) }.sorted()
        let result = BuildResult(
            diagnostics: diagnostics, output: nil, counts: PageCounts(prepared.site), timings: clock.phases + renderParts,
            externalLinks: findings.externalLinks, rendered: rendered)
        // Freeing the values of a large site takes a single core a tenth of a second at
        // 10,000 articles; the output's commit and the report need none of it (and when the
        // process ends after the build, the system takes it back at once).
        Parallel.releaseAtEnd(consume prepared)
        return result
    }

    /// Loads from disk, builds, and replaces the output folder when the build succeeded.
    /// Options that would overwrite an input (`BuildOptions.misuse()`) write nothing.
    public static func run(_ options: BuildOptions) -> BuildResult {
        Parallel.$workers.withValue(options.workers) {
            Parallel.$processEndsAfter.withValue(options.processEndsAfter) { runPhases(options) }
        }
    }

    private static func runPhases(_ options: BuildOptions) -> BuildResult {
        if let problem = options.misuse() {
            return BuildResult(
                diagnostics: [Diagnostic(.error, .outputProblem, problem, at: SourceLocation(file: options.outputPath))],
                output: nil, counts: PageCounts(), timings: [])
        }
        if let refusal = OutputGuard.check(options.outputPath) {
            var result = BuildResult(
                diagnostics: [Diagnostic(.error, .outputProblem, refusal.message, at: SourceLocation(file: options.outputPath), hint: refusal.hint)],
                output: nil, counts: PageCounts(), timings: [])
            result.refusal = refusal
            return result
        }
        var clock = PhaseClock()
        let (tree, loadProblems) = SiteLoader.load(contentPath: options.contentPath, templatesPath: options.templatesPath)
        clock.mark("load")
        var staged: StagedOutput?
        var stagingFailure: Diagnostic?
        var result = build(consume tree, options: options, earlier: loadProblems.map { $0.escalated(strict: options.strict) }) { keep in
            do throws(StagedOutput.Failure) {
                staged = try StagedOutput(outputPath: options.outputPath, keep: keep)
            } catch {
                stagingFailure = Diagnostic(.error, .outputProblem, error.description, at: SourceLocation(file: options.outputPath))
            }
            return staged
        }
        if let stagingFailure { result.diagnostics.append(stagingFailure) }
        result.timings = clock.phases + result.timings
        var commitClock = PhaseClock()
        if let staged {
            if result.diagnostics.hasErrors {
                staged.discard()
            } else {
                do {
                    try staged.commit()
                } catch {
                    result.diagnostics.append(Diagnostic(
                        .error, .outputProblem, error.description, at: SourceLocation(file: options.outputPath),
                        hint: error.refusal?.hint))
                    result.refusal = error.refusal
                }
            }
        }
        commitClock.mark("swap")
        result.timings += commitClock.phases
        return result
    }

}

/// Wall-clock time of each phase.
package struct PhaseClock {
    package private(set) var phases: [(phase: String, seconds: Double)] = []
    private var last = PhaseClock.now()

    package mutating func mark(_ phase: String) {
        let now = Self.now()
        phases.append((phase, now - last))
        last = now
    }

    /// Adds a phase that ran alongside the others, timed on its own (the next mark still
    /// counts from the last one).
    package mutating func record(_ phase: String, seconds: Double) {
        phases.append((phase, seconds))
    }

    package static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
