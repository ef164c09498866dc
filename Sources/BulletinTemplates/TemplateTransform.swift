/// swift-mustache's transforms, which Bulletin's documentation promises themes:
/// `{{count(terms)}}`, `{{uppercased(title)}}`, and in a list section `{{^last()}}, {{/last()}}`.
///
/// A transform applies to some kinds of value and gives nil (absent) on any other, as
/// swift-mustache's do: `count` of a text is absent, so `{{count(title)}}` renders nothing.
/// Inside a list section, a transform of no name (`first()`) applies to the item's position.
enum TemplateTransform: String, CaseIterable, Sendable {
    // text
    case capitalized, lowercased, uppercased
    // text, lists and objects
    case empty
    // text and lists
    case reversed
    // lists and objects
    case count
    // lists
    case first, last, sorted
    // numbers
    case equalzero, plusone, minusone
    // numbers and the position in a list
    case even, odd
    // the position in a list only: `{{index()}}`
    case index

    /// The transform's result on a value.
    func apply(to value: TemplateValue) -> TemplateValue? {
        switch value {
        case .text(let text): apply(toText: text)
        case .utf8(let bytes): apply(toText: String(decoding: bytes, as: UTF8.self))
        case .list(let items): apply(toList: items)
        case .number(let number): apply(toNumber: number)
        case .object(let object): apply(toObject: object)
        // swift-mustache has no transforms for Bool.
        case .bool: nil
        }
    }

    /// The transform's result on the position in the list being rendered (`{{first()}}`).
    func apply(to position: ListPosition) -> TemplateValue? {
        switch self {
        case .first: .bool(position.index == 0)
        case .last: .bool(position.index == position.count - 1)
        case .index: .number(position.index)
        case .even: .bool(position.index & 1 == 0)
        case .odd: .bool(position.index & 1 == 1)
        default: nil
        }
    }

    private func apply(toText text: String) -> TemplateValue? {
        switch self {
        case .empty: .bool(text.isEmpty)
        case .capitalized: .text(Capitalization.capitalized(text))
        case .lowercased: .text(text.lowercased())
        case .uppercased: .text(text.uppercased())
        // By Character, as swift-mustache's `Substring(reversed())`: a letter keeps its accents.
        case .reversed: .text(String(text.reversed()))
        default: nil
        }
    }

    private func apply(toList items: [TemplateValue]) -> TemplateValue? {
        switch self {
        case .first: items.first
        case .last: items.last
        case .reversed: .list(items.reversed())
        case .count: .number(items.count)
        case .empty: .bool(items.isEmpty)
        case .sorted: Self.sorted(items)
        default: nil
        }
    }

    /// swift-mustache's transforms of a dictionary but `enumerated` and `sorted`, whose
    /// key-value tuples it reads by reflection.
    private func apply(toObject object: TemplateObject) -> TemplateValue? {
        switch self {
        case .count: .number(object.count)
        case .empty: .bool(object.isEmpty)
        default: nil
        }
    }

    private func apply(toNumber number: Int) -> TemplateValue? {
        switch self {
        case .equalzero: .bool(number == 0)
        // Wrapping, where Swift's `+` in swift-mustache would stop the process at Int.max.
        case .plusone: .number(number &+ 1)
        case .minusone: .number(number &- 1)
        case .even: .bool(number & 1 == 0)
        case .odd: .bool(number & 1 == 1)
        default: nil
        }
    }

    /// swift-mustache sorts arrays whose elements are Comparable: here, lists of only texts
    /// or only numbers. Any other list has no order, so the result is absent.
    private static func sorted(_ items: [TemplateValue]) -> TemplateValue? {
        var texts: [String] = []
        var numbers: [Int] = []
        for item in items {
            switch item {
            case .text(let text): texts.append(text)
            case .utf8(let bytes): texts.append(String(decoding: bytes, as: UTF8.self))
            case .number(let number): numbers.append(number)
            default: return nil
            }
        }
        if texts.isEmpty { return .list(numbers.sorted().map(TemplateValue.number)) }
        if numbers.isEmpty { return .list(texts.sorted().map(TemplateValue.text)) }
        return nil
    }

    /// The names, for messages: `capitalized, count, empty, ...`.
    static var names: String {
        allCases.map(\.rawValue).sorted().joined(separator: ", ")
    }
}

/// Where the item being rendered sits in its list: what `first()`, `last()`, `index()`,
/// `even()` and `odd()` read.
struct ListPosition: Sendable {
    var index: Int
    var count: Int
}
