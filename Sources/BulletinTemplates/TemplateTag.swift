/// One tag of a template, as written: what Bulletin's own checks of a theme read (partials
/// that do not exist, partials that include themselves outside any section, ...).
public struct TemplateTag: Sendable, Equatable {
    /// The character after the opening delimiter that says what the tag is: `#` section,
    /// `^` inverted section, `/` end of section, `>` partial, `<` parent, `$` block, `!`
    /// comment, `&` or `{` unescaped variable, `=` set delimiters; `""` for a variable.
    public var sigil: String
    /// The name as written, without the padding: `articles`, `count(terms)`, `article-card`,
    /// `*dynamic` for a dynamic partial; the comment's text for `!`; the new delimiters
    /// (`<% %>`) for `=`.
    public var name: String
    /// The line of the tag's opening delimiter, counted from 1.
    public var line: Int
    /// The column of the tag's opening delimiter, counted from 1 in Unicode scalars.
    public var column: Int
    /// How many sections (`{{#...}}` and `{{^...}}`) the tag sits in: 0 at the top level. A
    /// section's own opening and closing tags count as outside it. Blocks and parents
    /// (`{{$...}}`, `{{<...}}`) do not count: whether they render does not depend on data.
    public var sectionDepth: Int

    /// A tag with these properties (templates make them; tests compare with them).
    public init(sigil: String, name: String, line: Int, column: Int, sectionDepth: Int) {
        self.sigil = sigil
        self.name = name
        self.line = line
        self.column = column
        self.sectionDepth = sectionDepth
    }
}
