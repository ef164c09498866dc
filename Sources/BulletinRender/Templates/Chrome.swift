import BulletinCore

internal import Mustache
import Synchronization

/// The header and footer every page shares, rendered once per navigation state instead of
/// once per page (15,000 times on a large site).
///
/// `partials/site-header.mustache` and `partials/site-footer.mustache` see `site` (with
/// `site.nav` marked for the page) and `page.kind`, `page.isHome`, `page.is404` and
/// `page.section`; nothing else of the page, which is what lets them be shared. The layout
/// puts them in with `{{{header}}}` and `{{{footer}}}`.
package final class Chrome: Sendable {
    private let theme: Theme
    private let rendered = Mutex<[String: (header: String, footer: String)]>([:])

    package init(theme: Theme) {
        self.theme = theme
    }

    /// The header and footer for a page of `kind` in `section`, whose navigation is `site`.
    package func parts(kind: String, section: String, site: SiteView) -> (header: String, footer: String) {
        let current = site.nav.filter(\.isCurrent).map(\.url).joined()
        let key = kind + "\u{0}" + section + "\u{0}" + current
        if let parts = rendered.withLock({ $0[key] }) { return parts }
        let context = ChromeContext(site: site, kind: kind, section: section)
        let parts = (
            header: theme.library.getTemplate(named: "site-header")?.render(context, library: theme.library) ?? "",
            footer: theme.library.getTemplate(named: "site-footer")?.render(context, library: theme.library) ?? ""
        )
        rendered.withLock { $0[key] = parts }
        return parts
    }
}

/// What the header and footer partials see.
private struct ChromeContext: MustacheParent {
    package let site: SiteView
    package let kind: String
    package let section: String

    package func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": PageFacts(kind: kind, section: section)
        default: nil
        }
    }

    package struct PageFacts: MustacheParent {
        package let kind: String
        package let section: String

        package func child(named name: String) -> Any? {
            switch name {
            case "kind": kind.templateText
            case "section": section.templateText
            case "isHome": kind == "home"
            case "is404": kind == "404"
            default: nil
            }
        }
    }
}
