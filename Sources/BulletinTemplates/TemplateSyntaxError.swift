/// A mistake in a template's text, with where it is and, when there is one, how to fix it.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in a sentence: `the section 'articles' opened here is never closed`.
    public var message: String
    /// The line of the tag's opening delimiter (`{{`), counted from 1.
    public var line: Int
    /// The column of the tag's opening delimiter, counted from 1 in Unicode scalars.
    public var column: Int
    /// How to fix it, when that can be said: `add {{/articles}} where the section ends`.
    public var hint: String?

    /// An error with this message, at this position, with this hint.
    public init(message: String, line: Int, column: Int, hint: String? = nil) {
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint
    }

    /// `line:column: message`, as compilers print it (the caller adds the file's name).
    public var description: String {
        "\(line):\(column): \(message)"
    }
}
