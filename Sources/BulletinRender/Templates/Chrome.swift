import BulletinCore
package import BulletinResolve
import BulletinTemplates
import Synchronization

/// The header and footer every page shares, rendered once per navigation state instead of
/// once per page (15,000 times on a large site).
///
/// `partials/site-header.mustache` and `partials/site-footer.mustache` see `site` (with
/// `site.nav` marked for the page), `i18n`, and `page.kind`, `page.isHome`, `page.is404`,
/// `page.section`, `page.lang` and `page.translations` (the language switcher); nothing else
/// of the page, which is what lets them be shared. The layout puts them in with `{{{header}}}` and `{{{footer}}}`.
package final class Chrome: Sendable {
    private let inputs: RenderInputs
    private let rendered = Mutex<[Key: (header: String, footer: String)]>([:])

    /// What tells two pages' header and footer apart.
    private struct Key: Hashable {
        let lang: String
        let kind: String
        let section: String
        let current: String
        /// The language switcher's links: each other language's version of the page (or home).
        let switcher: [Alternate]
    }

    package init(inputs: RenderInputs) {
        self.inputs = inputs
    }

    /// The header and footer for `page`, whose section is `section`.
    package func parts(for page: PlannedPage, section: String) -> (header: String, footer: String) {
        let routes = inputs.site.routes
        let data = inputs.sites[page.lang]!
        // The page is current in the navigation only when it is one of its links.
        let current = data.currentNavigationPath(page, routes: routes)
        let kind = page.kind
        // The language switcher links to the page's translations, or to the other languages'
        // homes: part of the state, so pages without translations still share one header.
        let alternates = inputs.alternates[page.path] ?? []
        let key = Key(
            lang: page.lang, kind: kind.templateName, section: section, current: current,
            switcher: alternates.filter { $0.lang != page.lang })
        if let parts = rendered.withLock({ $0[key] }) { return parts }
        let views = Views(routes: routes, strings: data.strings, lang: page.lang)
        var pageObject: TemplateObject = [
            "kind": .text(kind.templateName), "section": .text(section), "isHome": .bool(kind == .home),
            "is404": .bool(kind == .notFound), "lang": .text(page.lang),
        ]
        if !alternates.isEmpty { pageObject["translations"] = views.translations(alternates) }
        let context: TemplateValue = [
            "site": views.site(data, markedFor: (current, section)),
            "page": .object(pageObject),
            "i18n": data.strings.value,
        ]
        let library = inputs.theme.library
        let parts = (
            header: library["site-header"]?.render(context, library: library) ?? "",
            footer: library["site-footer"]?.render(context, library: library) ?? ""
        )
        rendered.withLock { $0[key] = parts }
        return parts
    }
}
