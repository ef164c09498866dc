extension DiagnosticCode {
    /// A few words naming the kind of problem: the title of a GitHub annotation, the heading
    /// in docs/diagnostics.md.
    public var title: String {
        switch self {
        case .invalidEncoding: "not UTF-8"
        case .missingFrontMatter: "no front matter"
        case .unclosedFrontMatter: "unclosed front matter"
        case .yamlSyntax: "malformed YAML"
        case .yamlTooLarge: "front matter too large"
        case .duplicateKey: "duplicate key"
        case .missingKey: "missing key"
        case .wrongType: "wrong type"
        case .invalidDate: "invalid date"
        case .invalidValue: "invalid value"
        case .unknownKey: "unknown key"
        case .invalidSlug: "invalid slug"
        case .reservedSlug: "reserved slug"
        case .urlCollision: "two pages at one URL"
        case .invalidTermID: "invalid term id"
        case .termKeyConflict: "name claimed twice"
        case .unregisteredTerm: "unregistered term"
        case .sessionWithoutDialogue: "session without dialogue"
        case .missingSiteConfig: "no site.yaml"
        case .unexpectedFile: "unused file"
        case .symlinkOutsideRoot: "symbolic link out of its folder"
        case .unreadable: "unreadable"
        case .missingTemplate: "missing template"
        case .templateSyntax: "template syntax"
        case .missingPartial: "missing partial"
        case .brokenLink: "broken link"
        case .outputProblem: "output folder"
        case .missingAltText: "image without alt text"
        case .duplicateSession: "duplicate session"
        case .updatedBeforeDate: "updated before date"
        case .summaryTooLong: "summary too long"
        case .rawHTMLDropped: "raw HTML dropped"
        case .unusedRegistryEntry: "unused registry entry"
        case .externalLinkFailed: "external link failed"
        case .unsafeLink: "unsafe link"
        case .futureArticle: "dated in the future"
        }
    }
}
