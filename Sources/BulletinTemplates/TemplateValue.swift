/// Data for templates: what a tag can look up and render.
///
/// Absent values are simply not in their object: a lookup that finds nothing renders nothing
/// and makes a section falsey, as Mustache's `null` does.
///
/// How each case renders in `{{x}}`, and what a section `{{#x}}...{{/x}}` does with it:
///
/// | case | `{{x}}` | `{{#x}}` |
/// | --- | --- | --- |
/// | `text` | the text, HTML-escaped (`{{{x}}}` and `{{& x}}` insert it as it is) | renders once, with the text on the context stack (even `""`) |
/// | `utf8` | as `text` | as `text` |
/// | `bool` | `true` / `false` | `true` renders once with the stack unchanged; `false` skips |
/// | `number` | the number in decimal | renders once, with the number on the stack (even `0`) |
/// | `list` | the items rendered in turn, joined with `", "` | renders once per item, with the item on the stack; an empty list skips |
/// | `object` | nothing | renders once, with the object on the stack |
public enum TemplateValue: Sendable, Equatable {
    /// Text; `{{x}}` escapes it for HTML per Unicode scalar, `{{{x}}}` inserts it as it is.
    case text(String)
    /// Text held as its UTF-8 bytes, which must be valid UTF-8: a page already rendered, put
    /// into its layout without being made a `String` (which would check every byte again).
    /// It renders, and transforms, as `text` does; it is not equal to the same `text`.
    case utf8([UInt8])
    /// A truth value; a section on `false` is skipped, on `true` rendered once.
    case bool(Bool)
    /// A whole number, rendered in decimal.
    case number(Int)
    /// A list; a section repeats once per item.
    case list([TemplateValue])
    /// Named fields; `{{a.b}}` looks up `b` in the object `a`.
    case object(TemplateObject)
}

// MARK: - Convenience

extension TemplateValue {
    /// The text as a value, or nil (absent) when there is none: `object["summary"] = .text(summary)`.
    public static func text(_ text: String?) -> TemplateValue? {
        text.map(TemplateValue.text)
    }

    /// The number as a value, or nil (absent) when there is none.
    public static func number(_ number: Int?) -> TemplateValue? {
        number.map(TemplateValue.number)
    }

    /// Whether a section `{{#x}}` on this value renders: everything but `false` and the empty
    /// list (absent values are falsey too, but they are not values).
    public var isTruthy: Bool {
        switch self {
        case .bool(let value): value
        case .list(let items): !items.isEmpty
        case .text, .utf8, .number, .object: true
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    /// A string literal is text.
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// An integer literal is a number.
    public init(integerLiteral value: Int) {
        self = .number(value)
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// `true` and `false` are truth values.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// An array literal is a list.
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// A dictionary literal is an object: `["title": "Hello", "count": 3]`.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(fields: elements))
    }
}

extension TemplateValue {
    /// Calls `body` with the UTF-8 of a text or bytes value, where it is stored, and returns
    /// true; nil for any other value, or a text not stored as contiguous UTF-8. A method, so
    /// that a value read through a pointer is borrowed for the call: a render writes most of
    /// its tags so, without counting a reference to each string.
    @inline(__always)
    func withStoredUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool? {
        switch self {
        case .text(let text):
            return text.utf8.withContiguousStorageIfAvailable(body) == nil ? nil : true
        case .utf8(let bytes):
            bytes.withUnsafeBufferPointer(body)
            return true
        default:
            return nil
        }
    }
}
