/// One render: walks plans' nodes and appends bytes to the output.
///
/// The context stack is an array pushed and popped in place; lookups compare precomputed
/// hashes; text is appended as bytes. Nothing on the way allocates but the output's growth,
/// the stack's first push, and what transforms make.
struct TemplateRenderer {
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

    private let library: TemplateLibrary
    private var stack: [TemplateValue]
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
    /// Where this render began in the output (the start of a line).
    private let outputStart: Int

    init(context: TemplateValue, library: TemplateLibrary, outputStart: Int) {
        self.library = library
        self.outputStart = outputStart
        stack = [context]
        stack.reserveCapacity(16)
    }

    // MARK: - Nodes

    mutating func render(_ unit: Unit, _ range: Range<Int>, into output: inout [UInt8]) {
        let plan = unit.plan
        var index = range.lowerBound
        while index < range.upperBound {
            let node = plan.nodes[index]
            if node.startsLine, !indentation.isEmpty, atLineStart(output) {
                pendingIndentation = indentation.count
            }
            switch node.kind {
            case .text(let text):
                writeText(plan.bytes, text, into: &output)
                index += 1

            case .variable(let value, let escaped):
                if let found = resolve(plan.values[Int(value)]) { write(found, escaped: escaped, into: &output) }
                index += 1

            case .section(let value, let end):
                if let found = resolve(plan.values[Int(value)]) {
                    renderSection(found, unit, (index + 1)..<Int(end), into: &output)
                }
                index = Int(end)

            case .inverted(let value, let end):
                let body = (index + 1)..<Int(end)
                switch resolve(plan.values[Int(value)]) {
                case nil, .bool(false)?:
                    render(unit, body, into: &output)
                case .list(let items)? where items.isEmpty:
                    // swift-mustache pushes the empty list, forgetting the list position.
                    let outer = listPosition
                    listPosition = nil
                    stack.append(.list(items))
                    render(unit, body, into: &output)
                    stack.removeLast()
                    listPosition = outer
                default:
                    break
                }
                index = Int(end)

            case .partial(let target, let indentation):
                if let partial = resolvePartial(target, in: unit) {
                    enter(partial, indentation: plan.bytes, indentation, into: &output)
                }
                index += 1

            case .parent(let target, let indentation, let standalone, let end):
                // Not standalone, the white space before the tag is just text.
                if !standalone { writeText(plan.bytes, indentation, into: &output) }
                if let partial = resolvePartial(target, in: unit) {
                    let mark = overrides.count
                    var child = index + 1
                    while child < Int(end) {
                        guard case .override(let block, let overrideEnd) = plan.nodes[child].kind else {
                            child += 1
                            continue
                        }
                        overrides.append(
                            Override(name: plan.blockNames[Int(block)], unit: unit, body: (child + 1)..<Int(overrideEnd)))
                        child = Int(overrideEnd)
                    }
                    enter(partial, indentation: plan.bytes, standalone ? indentation : .empty, into: &output)
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
                        indent(by: plan.bytes, blockIndentation, startsLine: node.startsLine, output)
                        render(override.unit, override.body, into: &output)
                        dedent(to: outerIndentation)
                        depth -= 1
                    }
                } else {
                    render(unit, (index + 1)..<Int(end), into: &output)
                }
                listPosition = outer
                index = Int(end)
            }
        }
    }

    private mutating func renderSection(
        _ value: TemplateValue, _ unit: Unit, _ body: Range<Int>, into output: inout [UInt8]
    ) {
        switch value {
        case .bool(let truth):
            if truth { render(unit, body, into: &output) }
        case .list(let items):
            let outer = listPosition
            for (offset, item) in items.enumerated() {
                stack.append(item)
                listPosition = ListPosition(index: offset, count: items.count)
                render(unit, body, into: &output)
                stack.removeLast()
            }
            listPosition = outer
        case .text, .number, .object:
            let outer = listPosition
            listPosition = nil
            stack.append(value)
            render(unit, body, into: &output)
            stack.removeLast()
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
            guard case .text(let name)? = resolve(unit.plan.values[Int(value)]) else { return nil }
            found = library.index[name]
        }
        return found.map { Unit(plan: library.plans[$0], libraryIndex: $0) }
    }

    private mutating func enter(
        _ partial: Unit, indentation bytes: [UInt8], _ range: TextRange, into output: inout [UInt8]
    ) {
        guard depth < Self.maximumDepth else { return }
        depth += 1
        let outerIndentation = indentation.count
        let outer = listPosition
        listPosition = nil
        indent(by: bytes, range, startsLine: true, output)
        render(partial, 0..<partial.plan.nodes.count, into: &output)
        dedent(to: outerIndentation)
        listPosition = outer
        depth -= 1
    }

    // MARK: - Indentation

    private func atLineStart(_ output: [UInt8]) -> Bool {
        output.count == outputStart || output.last == 0x0A
    }

    private mutating func indent(by bytes: [UInt8], _ range: TextRange, startsLine: Bool, _ output: [UInt8]) {
        guard range.count > 0 else { return }
        indentation.append(contentsOf: bytes[Int(range.start)..<Int(range.start + range.count)])
        if startsLine, atLineStart(output) { pendingIndentation = indentation.count }
    }

    private mutating func dedent(to count: Int) {
        guard indentation.count > count else { return }
        indentation.removeSubrange(count...)
        if pendingIndentation > count { pendingIndentation = count > 0 ? count : -1 }
    }

    @inline(__always)
    private mutating func writePendingIndentation(into output: inout [UInt8]) {
        if pendingIndentation >= 0 {
            output.append(contentsOf: indentation[0..<pendingIndentation])
            pendingIndentation = -1
        }
    }

    // MARK: - Writing

    private mutating func writeText(_ bytes: [UInt8], _ range: TextRange, into output: inout [UInt8]) {
        guard range.count > 0 else { return }
        var start = Int(range.start)
        let end = start + Int(range.count)
        writePendingIndentation(into: &output)
        if indentation.isEmpty {
            output.append(contentsOf: bytes[start..<end])
            return
        }
        // Inside an indented partial, every line of its text is indented.
        while start < end {
            var lineEnd = start
            while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd < end { lineEnd += 1 }
            writePendingIndentation(into: &output)
            output.append(contentsOf: bytes[start..<lineEnd])
            if lineEnd < end { pendingIndentation = indentation.count }
            start = lineEnd
        }
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool, into output: inout [UInt8]) {
        switch value {
        case .text(let text):
            guard !text.isEmpty else { return }
            writePendingIndentation(into: &output)
            if escaped {
                HTMLEscaper.append(text, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .number(let number):
            writePendingIndentation(into: &output)
            Self.appendDecimal(number, to: &output)
        case .bool(let truth):
            writePendingIndentation(into: &output)
            output.append(contentsOf: truth ? "true".utf8 : "false".utf8)
        case .list(let items):
            for (offset, item) in items.enumerated() {
                if offset > 0 {
                    writePendingIndentation(into: &output)
                    output.append(contentsOf: ", ".utf8)
                }
                write(item, escaped: escaped, into: &output)
            }
        case .object:
            break
        }
    }

    static func appendDecimal(_ number: Int, to output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        let start = output.count
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        var low = start
        var high = output.count - 1
        while low < high {
            output.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    // MARK: - Lookup

    private func resolve(_ reference: ValueReference) -> TemplateValue? {
        var value: TemplateValue?
        var next = 0
        switch reference.base {
        case .current:
            value = stack.last
        case .path(let keys, let topOnly):
            value = lookup(keys, topOnly: topOnly)
        case .listPosition:
            guard let listPosition, let first = reference.transforms.first else { return nil }
            value = first.apply(to: listPosition)
            next = 1
        }
        while next < reference.transforms.count {
            guard let current = value else { return nil }
            value = reference.transforms[next].apply(to: current)
            next += 1
        }
        return value
    }

    /// The first key is looked up down the stack, from the top; the rest in what it finds
    /// (a broken chain is absent, without looking further down).
    private func lookup(_ keys: [TemplateKey], topOnly: Bool) -> TemplateValue? {
        var found: TemplateValue?
        var level = stack.count - 1
        let bottom = topOnly ? level : 0
        while level >= bottom {
            if case .object(let object) = stack[level], let value = object.value(for: keys[0]) {
                found = value
                break
            }
            level -= 1
        }
        guard var current = found else { return nil }
        var next = 1
        while next < keys.count {
            guard case .object(let object) = current, let value = object.value(for: keys[next]) else { return nil }
            current = value
            next += 1
        }
        return current
    }
}
