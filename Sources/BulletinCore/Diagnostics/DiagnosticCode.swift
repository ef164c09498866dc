/// A stable identifier for each kind of diagnostic, documented in `docs/diagnostics.md`.
///
/// Codes never change meaning once published; new kinds get new numbers.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // MARK: - Reading files
    /// A text file is not valid UTF-8.
    case invalidEncoding = "BUL001"
    /// A Markdown file does not start with `---`.
    case missingFrontMatter = "BUL002"
    /// The front matter has no closing `---` line.
    case unclosedFrontMatter = "BUL003"
    /// The YAML is malformed.
    case yamlSyntax = "BUL004"
    /// The YAML expands beyond the size limit (an alias bomb).
    case yamlTooLarge = "BUL005"
    /// A key appears twice in one mapping.
    case duplicateKey = "BUL006"
    /// A required key is missing or empty.
    case missingKey = "BUL007"
    /// A value has the wrong type.
    case wrongType = "BUL008"
    /// A date is not a valid `YYYY-MM-DD` or RFC 3339 date-time.
    case invalidDate = "BUL009"
    /// A value is of the right type but not allowed (`perPage: 0`, an unknown `lang`).
    case invalidValue = "BUL010"
    /// A key is unknown but close to a known one (`tittle`).
    case unknownKey = "BUL011"

    // MARK: - URLs
    /// A slug is empty, unsafe or not in slug form.
    case invalidSlug = "BUL012"
    /// A slug is a reserved top-level name.
    case reservedSlug = "BUL013"
    /// Two inputs would be written to the same URL.
    case urlCollision = "BUL014"

    // MARK: - Terms
    /// A registry file name is not a valid term id.
    case invalidTermID = "BUL015"
    /// Two registry entries of one taxonomy claim the same name.
    case termKeyConflict = "BUL016"
    /// A reference matches no registered term.
    case unregisteredTerm = "BUL017"
    /// A `session` without a `dialogue`.
    case sessionWithoutDialogue = "BUL018"

    // MARK: - Site layout
    /// `Content/site.yaml` is missing.
    case missingSiteConfig = "BUL019"
    /// A file or folder that Bulletin does not use.
    case unexpectedFile = "BUL020"
    /// A symbolic link leads outside its root folder.
    case symlinkOutsideRoot = "BUL021"
    /// A file or folder could not be read.
    case unreadable = "BUL022"

    // MARK: - Templates
    /// A required template is missing.
    case missingTemplate = "BUL023"
    /// A template does not parse.
    case templateSyntax = "BUL024"
    /// A template includes a partial that does not exist.
    case missingPartial = "BUL025"

    // MARK: - Links
    /// An internal link (to a `.md` file or a site path, with its `#fragment`) that leads
    /// nowhere.
    case brokenLink = "BUL026"

    // MARK: - Output
    /// The output folder cannot be written or would destroy an input.
    case outputProblem = "BUL027"

    // MARK: - Content checks
    /// An image without alt text.
    case missingAltText = "BUL028"
    /// Two articles of one dialogue claim the same session number.
    case duplicateSession = "BUL029"
    /// `updated` is earlier than `date`.
    case updatedBeforeDate = "BUL030"
    /// A `summary` longer than lists and feeds show.
    case summaryTooLong = "BUL031"
    /// Raw HTML in Markdown, which is not published.
    case rawHTMLDropped = "BUL032"
    /// A registry entry that no article uses.
    case unusedRegistryEntry = "BUL033"
    /// An external link that did not answer with success (`check --external`).
    case externalLinkFailed = "BUL034"
    /// A link or image whose address could run a script or open a local file
    /// (`javascript:`, `vbscript:`, `data:`, `file:`): published as plain text.
    case unsafeLink = "BUL035"
    /// An article dated after the build's time, which the build leaves out (a note).
    case futureArticle = "BUL036"
    /// Translations of one article that disagree on a fact: its date, series, session,
    /// place or terms.
    case translationDrift = "BUL037"
    /// An article to be published whose title is still the original's, as
    /// `bulletin new --translation-of` wrote it for the translator to replace.
    case untranslatedTitle = "BUL038"
}
