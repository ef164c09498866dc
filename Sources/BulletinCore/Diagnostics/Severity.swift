/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable {
    /// The build cannot succeed.
    case error
    /// Probably a mistake; fails the build only with `--strict`.
    case warning
    /// Worth knowing; never fails the build.
    case note
}
