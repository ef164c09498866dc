import BulletinCore
package import BulletinContent

/// Addresses from front matter that may go into an `href`.
package enum WebURL {
    /// An http or https URL from a parameter (`website:`), or nil: only such a value may go
    /// into `href` (`javascript:` and friends never do).
    package static func safe(_ value: ParamValue?) -> String? {
        guard case .string(let text)? = value else { return nil }
        let url = text.trimmingWhitespace
        return BaseURL.isAbsoluteWebURL(url) && url.count > 8 && WebAddress.problem(with: url) == nil ? url : nil
    }

    /// A list of names from a parameter (`parties: [Republic of Korea, European Union]`).
    package static func names(_ value: ParamValue?) -> [String] {
        guard case .list(let items)? = value else { return [] }
        // An empty or invisible item would show as a stray comma.
        return items.compactMap { item in
            guard case .string(let text) = item, !text.isVisiblyEmpty else { return nil }
            return text.trimmingWhitespace
        }
    }
}
