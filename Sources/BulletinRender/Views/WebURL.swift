import BulletinCore
package import BulletinContent

/// Addresses from front matter that may go into an `href`.
package enum WebURL {
    /// An http or https URL from a parameter (`website:`), or nil: only such a value may go
    /// into `href` (`javascript:` and friends never do).
    package static func safe(_ value: ParamValue?) -> String? {
        guard case .string(let text)? = value else { return nil }
        let url = text.trimmingWhitespace
        return BaseURL.isAbsoluteWebURL(url) && url.count > 8 ? url : nil
    }

    /// A list of names from a parameter (`parties: [Republic of Korea, European Union]`).
    package static func names(_ value: ParamValue?) -> [String] {
        guard case .list(let items)? = value else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }
}
