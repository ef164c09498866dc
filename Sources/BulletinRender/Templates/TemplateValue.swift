import BulletinCore

public import BulletinContent
public import Mustache

/// Params as swift-mustache sees them: Swift strings, booleans and arrays, so that sections
/// and inverted sections behave as Mustache users expect.
extension ParamValue {
    package var mustacheValue: Any {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag
        case .list(let items): items
        case .object: self
        }
    }
}

extension ParamValue: MustacheParent {
    public func child(named name: String) -> Any? {
        guard case .object(let fields) = self else { return nil }
        return fields[name]?.mustacheValue
    }
}

extension ParamValue: MustacheCustomRenderable {
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
