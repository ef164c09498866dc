/// One render: walks plans' nodes and appends bytes to its output.
///
/// The context stack is an array of pointers to values where they are stored, pushed and
/// popped in place; lookups compare precomputed hashes; text is appended as bytes. Nothing on
/// the way allocates but the output's growth, the stack's first push, and what transforms make.
struct TemplateRenderer: ~Copyable {
    /// A plan being rendered, and where it sits in the library (-1: the template rendered
    /// from outside, whose partials are looked up by name).
    struct Unit {
        let plan: RenderPlan
        let libraryIndex: Int
    }

    /// A parent's block, replacing the block of the same name in what the parent includes.
    struct Override {
        let name: String
        let unit: Unit
        let body: Range<Int>
    }

    /// Deeper partials (or expanded overrides) render nothing: a partial that includes itself
    /// whatever the data stops here instead of exhausting the stack.
    static let maximumDepth = 200

    /// A level of the context stack: its value where it is stored, and the value's fields
    /// when it is an object (empty when it is not), searched where they are stored.
    ///
    /// Nothing on the stack is copied or counted: a page's values (the site's, each card of
    /// a list) are shared by the pages both cores render, and a reference counted for each
    /// push had its count changed by both cores at once, page after page. A level's value
    /// lives at least as long as the level: the context lives for the whole render (the
    /// caller's, `end()` lets go of it); a field lives in the object of a level below (the
    /// data does not change while it is rendered); a list's items live in the list, which the
    /// section holds (`items`) while it pushes them; a value the render makes (a transform's,
    /// the empty list of an inverted section) is held by the call that pushes it until it
    /// pops it.
    private struct Level {
        let value: UnsafePointer<TemplateValue>
        let fields: UnsafeBufferPointer<TemplateObject.Entry>
    }

    private let library: TemplateLibrary
    private var stack: [Level] = []
    /// The position in the list being rendered, when the innermost push was a list's item
    /// (swift-mustache forgets it on any other push, in partials and in blocks, too).
    private var listPosition: ListPosition?
    /// The indentation of the standalone partials (and reindented blocks) being rendered.
    private var indentation: [UInt8] = []
    /// How much of `indentation` goes before the next byte written, or -1: set at the start of
    /// a template's line, written only if the line renders something.
    private var pendingIndentation = -1
    /// Outermost first: the first of a name wins, so a child's override beats its parent's.
    private var overrides: [Override] = []
    private var depth = 0
    /// What the render has written; it begins at the start of a line.
    private(set) var output: ByteBuffer

    /// A render of `context`, which must stay where it is, unchanged, until the render ends.
    init(context: UnsafePointer<TemplateValue>, library: TemplateLibrary, output: consuming ByteBuffer) {
        self.library = library
        self.output = output
        stack.reserveCapacity(16)
        push(context)
    }

    /// `value` must outlive its level (see `Level`).
    private mutating func push(_ value: UnsafePointer<TemplateValue>) {
        stack.append(Level(value: value, fields: value.pointee.storedObjectFields))
    }

    private mutating func pop() {
        stack.removeLast()
    }

    /// Lets go of the context: called when the render is over, so that a renderer kept for
    /// its output holds no pointer to a context that may be gone.
    mutating func end() {
        stack.removeAll()
    }

    // MARK: - Nodes

    mutating func render(_ unit: Unit, _ range: Range<Int>) {
        let plan = unit.plan
        let nodes = plan.nodes
        var index = range.lowerBound
        while index < range.upperBound {
            let node = nodes[index]
            if node.startsLine, !indentation.isEmpty, atLineStart {
                pendingIndentation = indentation.count
            }
            switch node.kind {
            case .text(let text):
                writeText(plan.bytes, text)
                index += 1

            case .variable(let value, let escaped):
                // A field written as it is (most tags) is written where it is stored: a copy
                // would count a reference to each string written, and strings every page
                // writes (the site's title, the labels) would have their count changed by
                // both cores at once, page after page.
                if let stored = storedValue(value, in: plan) {
                    write(stored: stored, escaped: escaped)
                } else if let found = resolve(value, in: plan) {
                    write(found, escaped: escaped)
                }
                index += 1

            case .section(let value, let end):
                // Where the value is stored when it is, as for a variable: a list's items are
                // then pushed without a count each.
                if let stored = storedValue(value, in: plan) {
                    renderSection(stored, unit, (index + 1)..<Int(end))
                } else if let found = resolve(value, in: plan) {
                    withUnsafePointer(to: found) { renderSection($0, unit, (index + 1)..<Int(end)) }
                }
                index = Int(end)

            case .inverted(let value, let end):
                let body = (index + 1)..<Int(end)
                switch resolve(value, in: plan) {
                case nil, .bool(false)?:
                    render(unit, body)
                case .list(let items)? where items.isEmpty:
                    // swift-mustache pushes the empty list, forgetting the list position.
                    let outer = listPosition
                    listPosition = nil
                    withUnsafePointer(to: TemplateValue.list(items)) { empty in
                        push(empty)
                        render(unit, body)
                        pop()
                    }
                    listPosition = outer
                default:
                    break
                }
                index = Int(end)

            case .partial(let target, let indentation):
                if let partial = resolvePartial(target, in: unit) {
                    enter(partial, indentation: plan.bytes, indentation)
                }
                index += 1

            case .parent(let target, let indentation, let standalone, let end):
                // Not standalone, the white space before the tag is just text.
                if !standalone { writeText(plan.bytes, indentation) }
                if let partial = resolvePartial(target, in: unit) {
                    let mark = overrides.count
                    var child = index + 1
                    while child < Int(end) {
                        guard case .override(let block, let overrideEnd) = nodes[child].kind else {
                            child += 1
                            continue
                        }
                        overrides.append(
                            Override(name: plan.blockNames[Int(block)], unit: unit, body: (child + 1)..<Int(overrideEnd)))
                        child = Int(overrideEnd)
                    }
                    enter(partial, indentation: plan.bytes, standalone ? indentation : .empty)
                    overrides.removeSubrange(mark...)
                }
                index = Int(end)

            case .override(_, let end):
                index = Int(end)  // read by its parent, never rendered in place

            case .block(let block, let blockIndentation, let end):
                let name = plan.blockNames[Int(block)]
                let outer = listPosition
                listPosition = nil
                if let override = overrides.first(where: { $0.name == name }) {
                    if depth < Self.maximumDepth {
                        depth += 1
                        let outerIndentation = indentation.count
                        indent(by: plan.bytes, blockIndentation, startsLine: node.startsLine)
                        render(override.unit, override.body)
                        dedent(to: outerIndentation)
                        depth -= 1
                    }
                } else {
                    render(unit, (index + 1)..<Int(end))
                }
                listPosition = outer
                index = Int(end)
            }
        }
    }

    /// A section of the value at `value`, which outlives the section's render.
    private mutating func renderSection(
        _ value: UnsafePointer<TemplateValue>, _ unit: Unit, _ body: Range<Int>
    ) {
        switch value.pointee {
        case .bool(let truth):
            if truth { render(unit, body) }
        case .list(let items):
            // `items` holds the list's storage (one count for the list): each item is pushed
            // where it is stored.
            let outer = listPosition
            items.withUnsafeBufferPointer { items in
                for offset in items.indices {
                    push(items.baseAddress! + offset)
                    listPosition = ListPosition(index: offset, count: items.count)
                    render(unit, body)
                    pop()
                }
            }
            listPosition = outer
        case .text, .utf8, .number, .object:
            let outer = listPosition
            listPosition = nil
            push(value)
            render(unit, body)
            pop()
            listPosition = outer
        }
    }

    // MARK: - Partials

    private func resolvePartial(_ target: PartialTarget, in unit: Unit) -> Unit? {
        let found: Int?
        switch target {
        case .named(let name):
            if unit.libraryIndex >= 0 {
                let linked = library.links[unit.libraryIndex][Int(name)]
                found = linked >= 0 ? linked : nil
            } else {
                found = library.index[unit.plan.partialNames[Int(name)]]
            }
        case .dynamic(let value):
            switch resolve(value, in: unit.plan) {
            case .text(let name)?: found = library.index[name]
            case .utf8(let bytes)?: found = library.index[String(decoding: bytes, as: UTF8.self)]
            default: return nil
            }
        }
        return found.map { Unit(plan: library.plans[$0], libraryIndex: $0) }
    }

    private mutating func enter(
        _ partial: Unit, indentation bytes: [UInt8], _ range: TextRange
    ) {
        guard depth < Self.maximumDepth else { return }
        depth += 1
        let outerIndentation = indentation.count
        let outer = listPosition
        listPosition = nil
        indent(by: bytes, range, startsLine: true)
        render(partial, 0..<partial.plan.nodes.count)
        dedent(to: outerIndentation)
        listPosition = outer
        depth -= 1
    }

    // MARK: - Indentation

    private var atLineStart: Bool {
        output.count == 0 || output.last == 0x0A
    }

    private mutating func indent(by bytes: [UInt8], _ range: TextRange, startsLine: Bool) {
        guard range.count > 0 else { return }
        indentation.append(contentsOf: bytes[Int(range.start)..<Int(range.start + range.count)])
        if startsLine, atLineStart { pendingIndentation = indentation.count }
    }

    private mutating func dedent(to count: Int) {
        guard indentation.count > count else { return }
        indentation.removeSubrange(count...)
        if pendingIndentation > count { pendingIndentation = count > 0 ? count : -1 }
    }

    @inline(__always)
    private mutating func writePendingIndentation() {
        if pendingIndentation >= 0 {
            let count = pendingIndentation
            indentation.withUnsafeBufferPointer { output.append(UnsafeBufferPointer(rebasing: $0[0..<count])) }
            pendingIndentation = -1
        }
    }

    // MARK: - Writing

    private mutating func writeText(_ bytes: [UInt8], _ range: TextRange) {
        guard range.count > 0 else { return }
        writePendingIndentation()
        bytes.withUnsafeBufferPointer { bytes in
            var start = Int(range.start)
            let end = start + Int(range.count)
            if indentation.isEmpty {
                output.append(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                return
            }
            // Inside an indented partial, every line of its text is indented.
            while start < end {
                var lineEnd = start
                while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd < end { lineEnd += 1 }
                writePendingIndentation()
                output.append(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]))
                if lineEnd < end { pendingIndentation = indentation.count }
                start = lineEnd
            }
        }
    }

    /// `write(_:escaped:)` of a value where it is stored, for the text and bytes it holds
    /// (`TemplateValue.storedUTF8`); anything else is copied and written so.
    private mutating func write(stored: UnsafePointer<TemplateValue>, escaped: Bool) {
        guard let bytes = stored.pointee.storedUTF8 else {
            write(stored.pointee, escaped: escaped)
            return
        }
        guard !bytes.isEmpty else { return }
        writePendingIndentation()
        if escaped { HTMLEscaper.append(bytes, to: &output) } else { output.append(bytes) }
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            guard !text.isEmpty else { return }
            writePendingIndentation()
            // A native string is contiguous UTF-8 already, read in place (withUTF8 would
            // need a copy of the value to mutate); one bridged from elsewhere is made so once.
            let written: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
                if escaped { HTMLEscaper.append(bytes, to: &output) } else { output.append(bytes) }
            }
            if written == nil {
                var text = text
                text.withUTF8 { bytes in
                    if escaped { HTMLEscaper.append(bytes, to: &output) } else { output.append(bytes) }
                }
            }
        case .utf8(let bytes):
            guard !bytes.isEmpty else { return }
            writePendingIndentation()
            bytes.withUnsafeBufferPointer { bytes in
                if escaped { HTMLEscaper.append(bytes, to: &output) } else { output.append(bytes) }
            }
        case .number(let number):
            writePendingIndentation()
            appendDecimal(number)
        case .bool(let truth):
            writePendingIndentation()
            output.append(truth ? "true" : "false")
        case .list(let items):
            for (offset, item) in items.enumerated() {
                if offset > 0 {
                    writePendingIndentation()
                    output.append(", ")
                }
                write(item, escaped: escaped)
            }
        case .object:
            break
        }
    }

    private mutating func appendDecimal(_ number: Int) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        let start = output.count
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        output.reverse(from: start)
    }

    // MARK: - Lookup

    private func resolve(_ index: Int32, in plan: RenderPlan) -> TemplateValue? {
        let reference = plan.values[Int(index)]
        var value: TemplateValue?
        var next = Int(reference.transformStart)
        let end = next + Int(reference.transformCount)
        switch reference.base {
        case .current:
            value = stack.last?.value.pointee
        case .path, .pathFromTop:
            value = lookup(
                plan.keys, Int(reference.keyStart)..<Int(reference.keyStart + reference.keyCount),
                topOnly: reference.base == .pathFromTop)
        case .listPosition:
            guard let listPosition, next < end else { return nil }
            value = plan.transforms[next].apply(to: listPosition)
            next += 1
        }
        while next < end {
            guard let current = value else { return nil }
            value = plan.transforms[next].apply(to: current)
            next += 1
        }
        return value
    }

    /// Where the value of a reference that is a path with no transforms is stored, or nil
    /// (not found, or another kind of reference).
    private func storedValue(_ index: Int32, in plan: RenderPlan) -> UnsafePointer<TemplateValue>? {
        let reference = plan.values[Int(index)]
        guard reference.transformCount == 0 else { return nil }
        if reference.base == .current { return stack.last?.value }
        guard reference.base == .path || reference.base == .pathFromTop else { return nil }
        let entry = lookupEntry(
            plan.keys, Int(reference.keyStart)..<Int(reference.keyStart + reference.keyCount),
            topOnly: reference.base == .pathFromTop)
        return entry.map { UnsafeRawPointer($0).advanced(by: MemoryLayout<TemplateObject.Entry>.offset(of: \.value)!).assumingMemoryBound(to: TemplateValue.self) }
    }

    /// The first key is looked up down the stack, from the top; the rest in what it finds
    /// (a broken chain is absent, without looking further down). Only the value found is
    /// copied.
    private func lookup(_ keys: [TemplateKey], _ path: Range<Int>, topOnly: Bool) -> TemplateValue? {
        lookupEntry(keys, path, topOnly: topOnly)?.pointee.value
    }

    /// The field the path leads to, where it is stored: valid while the stack's objects are.
    private func lookupEntry(_ keys: [TemplateKey], _ path: Range<Int>, topOnly: Bool) -> UnsafePointer<TemplateObject.Entry>? {
        keys.withUnsafeBufferPointer { keys in
            stack.withUnsafeBufferPointer { levels -> UnsafePointer<TemplateObject.Entry>? in
                var found: UnsafePointer<TemplateObject.Entry>?
                var level = levels.count - 1
                let bottom = topOnly ? level : 0
                while level >= bottom {
                    if let entry = TemplateObject.entry(in: levels[level].fields, for: keys[path.lowerBound]) {
                        found = entry
                        break
                    }
                    level -= 1
                }
                guard var current = found else { return nil }
                for next in path.dropFirst() {
                    guard let entry = TemplateObject.entry(in: current.pointee.value.storedObjectFields, for: keys[next])
                    else { return nil }
                    current = entry
                }
                return current
            }
        }
    }
}
