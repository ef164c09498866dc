package import BulletinResolve
package import BulletinTemplates
import Synchronization

/// The `site` value of pages' template data, made once per navigation state instead of once
/// per page: it is the same on every page of a language but for the section marked and the
/// link marked current, and a page is current in the navigation only when it is one of its
/// links (as `Chrome` keys the header and footer).
package final class SiteValueCache: Sendable {
    private let inputs: RenderInputs
    private let values = Mutex<[String: TemplateValue]>([:])

    package init(inputs: RenderInputs) {
        self.inputs = inputs
    }

    /// `site` for `page`, whose section is `section`.
    package func value(for page: PlannedPage, section: String) -> TemplateValue {
        let routes = inputs.site.routes
        let data = inputs.sites[page.lang]!
        let views = Views(routes: routes, strings: data.strings, lang: page.lang)
        let url = routes.href(page.path)
        let current = views.navigationPaths(data).contains { routes.href($0) == url } ? page.path : ""
        let key = [page.lang, section, current].joined(separator: "\u{0}")
        if let value = values.withLock({ $0[key] }) { return value }
        let value = views.site(data, markedFor: (page.path, section))
        values.withLock { $0[key] = value }
        return value
    }
}
