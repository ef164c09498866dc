/// A parsed template, compiled once into what rendering walks: a flat array of nodes, the
/// template's literal text as one byte array, and the names it looks up, split and hashed.
///
/// A section's body is the nodes after it up to its `end`, so rendering is a loop over
/// indices with no tree to chase and nothing to allocate.
///
/// A class, so that a `Template` (and each partial a render enters) is one reference to
/// retain rather than five arrays; nothing in it changes after parsing.
final class RenderPlan: Sendable {
    let nodes: [Node]
    /// Every literal text and indentation of the template, end to end.
    let bytes: [UInt8]
    /// The values the nodes look up, by index.
    let values: [ValueReference]
    /// The keys of the values' paths, end to end.
    let keys: [TemplateKey]
    /// The transforms of the values, end to end.
    let transforms: [TemplateTransform]
    /// The names of the partials the template includes, by index (`{{> name}}`, `{{< name}}`).
    let partialNames: [String]
    /// The names of the blocks it defines or overrides, by index (`{{$ name}}`).
    let blockNames: [String]
    /// Every tag, for `Template.tags`.
    let tags: [TemplateTag]

    init(
        nodes: [Node], bytes: [UInt8], values: [ValueReference], keys: [TemplateKey], transforms: [TemplateTransform],
        partialNames: [String], blockNames: [String], tags: [TemplateTag]
    ) {
        self.nodes = nodes
        self.bytes = bytes
        self.values = values
        self.keys = keys
        self.transforms = transforms
        self.partialNames = partialNames
        self.blockNames = blockNames
        self.tags = tags
    }
}

/// One instruction of a render plan.
struct Node: Sendable {
    var kind: Kind
    /// Whether the node begins a line of the template (nothing before it on its line is
    /// rendered): inside an indented partial, the indentation goes before what it renders.
    var startsLine: Bool

    enum Kind: Sendable {
        /// Literal text: `plan.bytes[range]`.
        case text(TextRange)
        /// `{{x}}` (escaped) or `{{{x}}}` / `{{& x}}`.
        case variable(value: Int32, escaped: Bool)
        /// `{{#x}}`: the body is the nodes up to `end`.
        case section(value: Int32, end: Int32)
        /// `{{^x}}`: the body is the nodes up to `end`.
        case inverted(value: Int32, end: Int32)
        /// `{{> name}}` or `{{>* name}}`; a standalone one indents each line it renders by `indentation`.
        case partial(PartialTarget, indentation: TextRange)
        /// `{{< name}}...{{/name}}`: the nodes up to `end` are its `override`s. A standalone
        /// parent indents like a partial; one that is not renders `indentation` as text first.
        case parent(PartialTarget, indentation: TextRange, standalone: Bool, end: Int32)
        /// `{{$ name}}...{{/name}}` directly inside a parent: the nodes up to `end` replace
        /// the block of that name wherever the parent (and what it includes) expands it.
        case override(block: Int32, end: Int32)
        /// `{{$ name}}...{{/name}}` elsewhere: expands the innermost override of that name
        /// (reindented by `indentation`), or else the nodes up to `end` as they are.
        case block(block: Int32, indentation: TextRange, end: Int32)
    }
}

/// A range of `RenderPlan.bytes`.
struct TextRange: Sendable {
    var start: Int32
    var count: Int32

    static let empty = TextRange(start: 0, count: 0)
}

/// Which partial a partial tag includes.
enum PartialTarget: Sendable {
    /// `{{> name}}`: `plan.partialNames[index]`.
    case named(Int32)
    /// `{{>* name}}`: the partial named by the text that `plan.values[index]` finds.
    case dynamic(Int32)
}

/// What a tag looks up, compiled: where the lookup starts, its path, and the transforms to
/// apply to what it finds. Plain integers (the keys and transforms are ranges of the plan's
/// arrays), so reading one while rendering retains nothing.
struct ValueReference: Sendable {
    var base: Base
    /// `plan.keys[keyStart..<keyStart + keyCount]`: `a.b.c` is `a`, `b`, `c`.
    var keyStart: Int32
    var keyCount: Int32
    /// `plan.transforms[...]`, applied in order: `count(reversed(x))` is `reversed`, `count`.
    var transformStart: Int32
    var transformCount: Int32

    enum Base: Sendable {
        /// `.`: the top of the context stack.
        case current
        /// `a.b.c`: `a` is looked up down the context stack, then `b` in it, `c` in that.
        case path
        /// `.a.b` (swift-mustache's syntax): `a` is looked up in the top of the stack only.
        case pathFromTop
        /// `first()`: the first transform applies to the position in the list being rendered.
        case listPosition
    }
}
