import BulletinKit

/// Prints diagnostics to standard error and counts them.
struct DiagnosticReport {
    let diagnostics: [Diagnostic]

    init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// "2 errors, 1 warning".
    var countLine: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    func print() {
        for diagnostic in diagnostics {
            FileHandleLite.standardError.write(diagnostic.formatted() + "\n\n")
        }
    }
}
