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
    /// Where the UTF-8 of a text or bytes value is stored, or nil: any other value, a text
    /// not stored as contiguous UTF-8, or a text of up to 15 bytes (Swift keeps those inside
    /// the value itself, and hands out their bytes only as a temporary copy). A render writes
    /// most of its tags from here: reading the bytes where they are, before anything else is
    /// written, lets the compiler skip the copy of the value, and with it a reference count
    /// that both cores changed for strings every page writes (the site's title, the labels).
    /// The pointer leaves `withContiguousStorageIfAvailable` on purpose, as
    /// `TemplateObject.storedFields` does: it is valid while the value is stored unchanged.
    @inline(__always)
    var storedUTF8: UnsafeBufferPointer<UInt8>? {
        switch self {
        case .text(let text):
            // Longer than 15 bytes, a string is never small: its bytes live in its storage.
            guard text.utf8.count > 15 else { return nil }
            return text.utf8.withContiguousStorageIfAvailable { $0 }
        case .utf8(let bytes):
            return bytes.withUnsafeBufferPointer { $0 }
        default:
            return nil
        }
    }
}
