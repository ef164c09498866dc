public import BulletinCore
import BulletinContent

/// `bulletin check`: every phase of a build except writing, and, when asked, the external
/// links. The result's diagnostics are sorted by file and line; warnings are errors with
/// `strict`.
public enum Checker {
    public static func run(_ options: BuildOptions, external: ExternalLinkChecker?) async -> [Diagnostic] {
        if let problem = options.misuse(checkingOutput: false) {
            return [Diagnostic(.error, .unreadable, problem, at: SourceLocation(file: options.contentPath))]
        }
        let (tree, loadProblems) = SiteLoader.load(contentPath: options.contentPath, templatesPath: options.templatesPath)
        let result = Builder.build(tree, options: options, collectExternalLinks: external != nil)
        var diagnostics = loadProblems + result.diagnostics
        if let external {
            diagnostics += await external.check(result.externalLinks)
        }
        return diagnostics.map { $0.escalated(strict: options.strict) }.sorted()
    }
}
