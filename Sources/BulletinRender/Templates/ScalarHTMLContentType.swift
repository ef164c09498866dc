
internal import BulletinCore
internal import Mustache

/// The content type every template renders in: HTML escaping per Unicode scalar
/// (`HTMLEscaping`), where swift-mustache's own escaping looks at whole Characters.
package struct ScalarHTMLContentType: MustacheContentType {
    /// The name templates are parsed with: every template starts in this content type.
    package static let name = "BULLETIN_HTML"

    /// Registers the content type with swift-mustache (once per process).
    package static let registered: Void = {
        MustacheContentTypes.register(ScalarHTMLContentType(), named: name)
    }()

    package func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
