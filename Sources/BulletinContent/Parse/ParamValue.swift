
/// Free-form data from front matter: the keys Bulletin does not know itself, which reach the
/// templates as `params.<key>` (of articles, pages, terms and the site).
///
/// Plain `true`/`false` become booleans, so that `{{#params.featured}}` works; numbers stay
/// text as written; `null` is absent.
public enum ParamValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case list([ParamValue])
    case object([String: ParamValue])
}

extension ParamValue {
    /// The value of a YAML node; nil for `null`.
    package init?(_ yaml: YAMLValue) {
        switch yaml.kind {
        case .scalar(let text, let plain):
            if yaml.isNull { return nil }
            if plain, ["true", "True", "TRUE"].contains(text) {
                self = .bool(true)
            } else if plain, ["false", "False", "FALSE"].contains(text) {
                self = .bool(false)
            } else {
                self = .string(text)
            }
        case .sequence(let items):
            self = .list(items.compactMap(ParamValue.init))
        case .mapping(let pairs):
            var fields: [String: ParamValue] = [:]
            for pair in pairs {
                if let value = ParamValue(pair.value) { fields[pair.key] = value }
            }
            self = .object(fields)
        }
    }
}
