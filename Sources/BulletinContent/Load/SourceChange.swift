import BulletinCore

/// A file that changed under one of the two roots a site is loaded from.
public enum SourceChange: Hashable, Sendable {
    /// A path under the content folder (`articles/2025/x.md`, `static/logo.svg`).
    case content(String)
    /// A path under the templates folder (`article.mustache`, `assets/style.css`).
    case template(String)
}
