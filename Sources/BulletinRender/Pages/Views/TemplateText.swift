import BulletinCore

public import Mustache

/// A text value as templates see it.
///
/// swift-mustache renders a plain `String` after a chain of dynamic casts (template? custom
/// renderable? lambda? optional?) and `String(describing:)`, and a section over one pushes it
/// on the context stack, where each later lookup reflects on it with `Mirror`. This wrapper is
/// a custom renderable and an (empty) parent, which swift-mustache recognises first: the same
/// output with a fraction of the runtime work on every page.
public struct TemplateText: Sendable, MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public var renderText: String { text }
    public var isNull: Bool { false }

    public func child(named name: String) -> Any? { nil }

    /// The transforms swift-mustache offers on strings (`{{uppercased(title)}}`...).
    public func transform(_ name: String) -> Any? {
        text.transform(name)
    }
}

extension Optional where Wrapped == String {
    /// The text for a template, or nil (absent) when there is none.
    package var templateText: Any? {
        map(TemplateText.init)
    }
}

extension String {
    package var templateText: Any { TemplateText(self) }
}

extension Int {
    package var templateText: Any { TemplateText(String(self)) }
}
