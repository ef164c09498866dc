/// A problem found in the input, as a value: phases return these and the command prints them.
public struct Diagnostic: Error, Sendable, Hashable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    /// The text of the line the location points at, shown with a caret under the column.
    public var sourceLine: String?
    /// How to fix it, when we can tell.
    public var hint: String?

    public init(
        _ severity: Severity,
        _ code: DiagnosticCode,
        _ message: String,
        at location: SourceLocation,
        sourceLine: String? = nil,
        hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        // Every diagnostic about the input names a line and column (the contract): one about
        // a whole file (an unused file, two files with one URL) points at its start. The
        // output folder is no source file: its problems name only the folder.
        self.location = location.line == nil && code != .outputProblem
            ? SourceLocation(file: location.file, line: 1, column: 1) : location
        self.sourceLine = sourceLine
        self.hint = hint
    }

    /// The same diagnostic with warnings raised to errors (`--strict`).
    package func escalated(strict: Bool) -> Diagnostic {
        guard strict, severity == .warning else { return self }
        var copy = self
        copy.severity = .error
        return copy
    }
}

extension Diagnostic: Comparable {
    /// Sorted by file, line and column; at one place, errors before warnings before notes,
    /// then by message, so that the order never depends on thread scheduling.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location < rhs.location { return true }
        if rhs.location < lhs.location { return false }
        if lhs.severity != rhs.severity { return lhs.severity.rank < rhs.severity.rank }
        return lhs.message.codePointPrecedes(rhs.message)
    }
}

extension Severity {
    fileprivate var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these diagnostics stops a build.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
