#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pipeline: load, parse, resolve, render, write. Each phase is timed; only `load` and
/// `write` touch the disk, and nothing is written unless every phase succeeded.
public enum Builder {
    /// Builds a site in memory from a source tree.
    public static func build(_ tree: SourceTree, options: BuildOptions, collectExternalLinks: Bool = false) -> BuildResult {
        var clock = PhaseClock()
        var diagnostics: [Diagnostic] = []

        let (content, parseProblems) = ContentParser.parse(tree, baseURLOverride: options.baseURL)
        diagnostics += parseProblems
        let (theme, themeProblems) = Theme.load(from: tree)
        diagnostics += themeProblems
        clock.mark("parse")

        let selection = SiteResolver.Selection(drafts: options.drafts, future: options.future, now: options.now)
        let (site, resolveProblems) = SiteResolver.resolve(content, assets: tree.assets, selection: selection)
        diagnostics += resolveProblems
        clock.mark("resolve")

        let (bodies, findings) = SiteRenderer.renderBodies(
            site, unpublished: unpublished(content, site: site), collectExternalLinks: collectExternalLinks)
        diagnostics += findings.diagnostics
        clock.mark("markdown")

        var output: OutputTree?
        if let theme, !diagnostics.hasErrors {
            output = SiteRenderer.render(site, bodies: bodies, theme: theme)
            clock.mark("render")
        }
        diagnostics += FragmentCheck.verify(findings.fragments, output: output, bodies: bodies, site: site)
        diagnostics = diagnostics.map { $0.escalated(strict: options.strict) }.sorted()
        return BuildResult(
            diagnostics: diagnostics, output: diagnostics.hasErrors ? nil : output, counts: PageCounts(site),
            timings: clock.phases, externalLinks: findings.externalLinks)
    }

    /// Loads from disk, builds, and writes the output folder when the build succeeded.
    /// Options that would overwrite an input (`BuildOptions.misuse()`) write nothing.
    public static func run(_ options: BuildOptions) -> BuildResult {
        if let problem = options.misuse() {
            return BuildResult(
                diagnostics: [Diagnostic(.error, .outputProblem, problem, at: SourceLocation(file: options.outputPath))],
                output: nil, counts: PageCounts(), timings: [])
        }
        var clock = PhaseClock()
        let (tree, loadProblems) = SiteLoader.load(contentPath: options.contentPath, templatesPath: options.templatesPath)
        clock.mark("load")
        var result = build(tree, options: options)
        result.diagnostics = (loadProblems.map { $0.escalated(strict: options.strict) } + result.diagnostics).sorted()
        result.timings = clock.phases + result.timings
        guard let output = result.output, !result.diagnostics.hasErrors else {
            result.output = nil
            return result
        }
        var writeClock = PhaseClock()
        do {
            try OutputWriter.write(output, to: options.outputPath)
        } catch {
            result.diagnostics.append(Diagnostic(
                .error, .outputProblem, error.description, at: SourceLocation(file: options.outputPath)))
            result.output = nil
        }
        writeClock.mark("write")
        result.timings += writeClock.phases
        return result
    }

    /// Articles and pages that exist but are not published, for messages about links to them.
    static func unpublished(_ content: ParsedContent, site: Site) -> [String: String] {
        var reasons: [String: String] = [:]
        for article in content.articles where site.contentPaths[article.path] == nil {
            reasons[article.path] = article.draft ? "a draft" : "dated in the future (\(article.date.isoDate))"
        }
        for page in content.pages where site.contentPaths[page.path] == nil {
            reasons[page.path] = "a draft"
        }
        return reasons
    }
}

/// Wall-clock time of each phase.
struct PhaseClock {
    private(set) var phases: [(phase: String, seconds: Double)] = []
    private var last = PhaseClock.now()

    mutating func mark(_ phase: String) {
        let now = Self.now()
        phases.append((phase, now - last))
        last = now
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
