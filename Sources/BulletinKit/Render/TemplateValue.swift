public import Mustache

/// Free-form data for templates: the `params` of articles, pages, terms and the site, taken
/// from front-matter keys Bulletin does not know itself.
///
/// Plain `true`/`false` become booleans, so `{{#params.featured}}` works; numbers stay text
/// as written; `null` is absent.
public enum TemplateValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// What swift-mustache should see: Swift strings, booleans and arrays, so that sections
    /// and inverted sections behave as Mustache users expect.
    var mustacheValue: Any {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag
        case .list(let items): items
        case .object: self
        }
    }
}

extension TemplateValue: MustacheParent {
    public func child(named name: String) -> Any? {
        guard case .object(let fields) = self else { return nil }
        return fields[name]?.mustacheValue
    }
}

extension TemplateValue: MustacheCustomRenderable {
    /// `{{.}}` inside a list of texts.
    public var renderText: String {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .list(let items): items.map(\.renderText).joined(separator: ", ")
        case .object: ""
        }
    }

    public var isNull: Bool {
        if case .bool(false) = self { return true }
        if case .list(let items) = self { return items.isEmpty }
        return false
    }
}

extension TemplateValue {
    /// The value of a YAML node as template data; nil for `null`.
    init?(_ yaml: YAMLValue) {
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
            self = .list(items.compactMap(TemplateValue.init))
        case .mapping(let pairs):
            var fields: [String: TemplateValue] = [:]
            for pair in pairs {
                if let value = TemplateValue(pair.value) { fields[pair.key] = value }
            }
            self = .object(fields)
        }
    }
}
