/// A Mustache template, parsed once into a render plan.
///
/// The syntax and semantics are the Mustache specification's (comments, set delimiters,
/// interpolation, sections, inverted sections, partials, and the optional inheritance and
/// dynamic names), plus swift-mustache's transforms: `{{count(terms)}}`,
/// `{{uppercased(title)}}`, and in a list section `{{first()}}`, `{{last()}}`, `{{index()}}`,
/// `{{even()}}`, `{{odd()}}`. Lambdas are not supported: data never holds code.
///
/// Where it renders differently from swift-mustache 2.1.1, on purpose:
/// - `{{x}}` escapes per Unicode scalar (a `"` before a combining mark is still `&quot;`) and
///   drops the code points HTML forbids; a list renders its items joined with `", "` and an
///   object renders nothing, where swift-mustache prints Swift's description of them.
/// - Standalone lines follow the specification: a line holding two tags (`{{/a}}{{>b}}`)
///   keeps its line break, where swift-mustache sometimes drops it after a section whose
///   opening tag stood alone; white space on a last line without a line break is kept; a
///   line ends at `\n` or `\r\n`, not at a lone `\r`.
/// - An indented standalone partial indents every line of its template, also the lines of a
///   section's later items and lines after `\r\n`; a line that renders nothing gets no
///   indentation (swift-mustache indents only after `\n`, once per section, and always
///   writes the white space before the tag).
/// - Set-delimiter tags last to the end of the template, also past the end of a section
///   (swift-mustache goes back to the delimiters the section began with).
/// - An unknown transform or a pragma (`{{%...}}`) is a syntax error, not an empty string.
public struct Template: Sendable {
    let plan: RenderPlan

    /// Parses `text`; a syntax error names its line and column (from 1, counting Unicode scalars).
    public init(_ text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text)
        plan = try parser.parse()
    }

    /// Renders with `library` supplying partials by name, appending UTF-8 bytes to `output`.
    /// `expectedSize`, when known, saves growing the render's memory step by step (a page
    /// in its layout is tens of kilobytes; the layout alone a few). Into an empty `output`,
    /// the array made keeps that room (`capacity`) when the render fits in it.
    public func render(
        _ context: TemplateValue, library: TemplateLibrary = TemplateLibrary(), into output: inout [UInt8], expectedSize: Int = 0
    ) {
        let capacity = Swift.max(expectedSize, plan.bytes.count * 2, 256)
        guard output.isEmpty else {
            let renderer = run(context, library, into: .memoryOfItsOwn(capacity: capacity))
            renderer.output.withBytes { output.append(contentsOf: $0) }
            return
        }
        // Into an empty array, the render writes in the array's own memory: a page, and then
        // the page in its layout, were each copied out of the render's buffer (every byte of
        // the site copied twice more). Past `expectedSize`, the bytes move to the render's
        // own memory, and are copied in once at the end.
        var outgrown: [UInt8]?
        output = [UInt8](unsafeUninitializedCapacity: capacity) { memory, initialized in
            let renderer = run(context, library, into: .lent(memory))
            if renderer.output.isLent {
                initialized = renderer.output.count
            } else {
                outgrown = renderer.output.withBytes { Array($0) }
                initialized = 0
            }
        }
        if let outgrown { output = outgrown }
    }

    /// Renders with `library` supplying partials by name.
    public func render(_ context: TemplateValue, library: TemplateLibrary = TemplateLibrary()) -> String {
        let renderer = run(context, library, into: .memoryOfItsOwn(capacity: plan.bytes.count * 2))
        return renderer.output.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Where a render writes.
    private enum Destination {
        case memoryOfItsOwn(capacity: Int)
        /// Memory lent by an array being made (`ByteBuffer(lending:)`).
        case lent(UnsafeMutableBufferPointer<UInt8>)
    }

    private func run(_ context: TemplateValue, _ library: TemplateLibrary, into destination: Destination) -> TemplateRenderer {
        // The render reads the context where it is: it stays there until the render ends.
        withUnsafePointer(to: context) { context in
            let output = switch destination {
            case .memoryOfItsOwn(let capacity): ByteBuffer(capacity: capacity)
            case .lent(let memory): ByteBuffer(lending: memory)
            }
            var renderer = TemplateRenderer(context: context, library: library, output: output)
            renderer.render(.init(plan: plan, libraryIndex: -1), 0..<plan.nodes.count)
            renderer.end()
            return renderer
        }
    }

    /// Every tag, in order, with its position and whether it sits inside a section: what Bulletin's
    /// own checks need (missing partials, partial cycles outside sections, ...).
    public var tags: [TemplateTag] { plan.tags }

    /// The names of the partials the template includes by name (`{{> name}}`, `{{< name}}`),
    /// each once, in the order they first appear; dynamic partials (`{{>* field}}`) are named
    /// by data and not listed.
    public var partialNames: [String] { plan.partialNames }
}
