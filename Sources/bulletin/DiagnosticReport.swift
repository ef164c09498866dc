import BulletinCore

/// Prints diagnostics to standard error and counts them.
struct DiagnosticReport {
    let diagnostics: [Diagnostic]

    init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }

    var notes: Int { diagnostics.filter { $0.severity == .note }.count }

    /// "2 errors, 1 warning" (and notes, when there are any).
    var countLine: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))" + (notes > 0 ? ", \(plural(notes, "note"))" : "")
    }

    func print() {
        for diagnostic in diagnostics {
            FileHandleLite.standardError.write(diagnostic.formatted() + "\n\n")
        }
    }
}
