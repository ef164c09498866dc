package import BulletinResolve
package import BulletinTemplates
import Synchronization

/// The `site` value of pages' template data, made once per navigation state instead of once
/// per page: it is the same on every page of a language but for the section marked and the
/// link marked current, and a page is current in the navigation only when it is one of its
/// links (as `Chrome` keys the header and footer).
package final class SiteValueCache: Sendable {
    private let inputs: RenderInputs
    private let values = Mutex<[Key: TemplateValue]>([:])

    /// What tells two pages' `site` values apart.
    private struct Key: Hashable {
        let lang: String
        let section: String
        let current: String
    }

    package init(inputs: RenderInputs) {
        self.inputs = inputs
    }

    /// `site` for `page`, whose section is `section`.
    package func value(for page: PlannedPage, section: String) -> TemplateValue {
        let routes = inputs.site.routes
        let data = inputs.sites[page.lang]!
        let key = Key(lang: page.lang, section: section, current: data.currentNavigationPath(page, routes: routes))
        if let value = values.withLock({ $0[key] }) { return value }
        let value = Views(routes: routes, strings: data.strings, lang: page.lang).site(data, markedFor: (page.path, section))
        values.withLock { $0[key] = value }
        return value
    }
}
