internal import Foundation

// MARK: - The JSON report

/// The report `bulletin check --format json` prints, version 1 of the schema in
/// docs/diagnostics.schema.json: counts, then every diagnostic with every field present
/// (null when it has no value).
public struct DiagnosticJSONReport: Encodable, Sendable {
    public let version = 1
    public let errors: Int
    public let warnings: Int
    public let notes: Int
    public let diagnostics: [Entry]

    public struct Entry: Encodable, Sendable {
        package let severity: String
        package let code: String
        package let title: String
        package let message: String
        package let file: String
        package let line: Int?
        package let column: Int?
        package let hint: String?
        package let source: String?

        package enum CodingKeys: String, CodingKey {
            case severity, code, title, message, file, line, column, hint, source
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(severity, forKey: .severity)
            try container.encode(code, forKey: .code)
            try container.encode(title, forKey: .title)
            try container.encode(message, forKey: .message)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(hint, forKey: .hint)
            try container.encode(source, forKey: .source)
        }
    }

    package enum CodingKeys: String, CodingKey {
        case version, errors, warnings, notes, diagnostics
    }

    public init(_ diagnostics: [Diagnostic]) {
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.filter { $0.severity == .warning }.count
        notes = diagnostics.filter { $0.severity == .note }.count
        self.diagnostics = diagnostics.map {
            Entry(
                severity: $0.severity.rawValue, code: $0.code.rawValue, title: $0.code.title, message: $0.message,
                file: $0.location.file, line: $0.location.line, column: $0.location.column, hint: $0.hint,
                source: $0.location.line == nil ? nil : $0.sourceLine)
        }
    }

    /// Pretty-printed with sorted keys: stable, and readable in a CI log.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
