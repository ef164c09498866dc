import BulletinTemplates
import Foundation
import Testing

/// The package's root folder, found from this file.
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

/// One test of the Mustache specification (`Tests/Fixtures/mustache-spec/*.json`).
struct SpecCase: Sendable, CustomTestStringConvertible {
    var name: String
    var description: String
    var template: String
    var data: TemplateValue
    var partials: [String: String]
    var expected: String

    var testDescription: String { name }

    /// Every test of a spec file, in order.
    static func load(_ file: String) -> [SpecCase] {
        let path = packageRoot + "/Tests/Fixtures/mustache-spec/\(file).json"
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("cannot read \(path)")
            return []
        }
        do {
            return try JSONDecoder().decode(SpecFile.self, from: data).tests.map { test in
                SpecCase(
                    name: test.name, description: test.desc, template: test.template,
                    data: test.data.templateValue ?? .object(TemplateObject()), partials: test.partials ?? [:],
                    expected: test.expected)
            }
        } catch {
            Issue.record("cannot decode \(path): \(error)")
            return []
        }
    }

    /// Renders the template with the partials and returns the output.
    func render() throws -> String {
        var library: [String: Template] = [:]
        for (name, text) in partials { library[name] = try Template(text) }
        return try Template(template).render(data, library: TemplateLibrary(partials: library))
    }
}

private struct SpecFile: Decodable {
    var tests: [Test]

    struct Test: Decodable {
        var name: String
        var desc: String
        var data: JSON
        var template: String
        var partials: [String: String]?
        var expected: String
    }
}

/// A JSON value, as the spec's `data` holds them.
enum JSON: Decodable {
    case null, bool(Bool), integer(Int), decimal(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .decimal(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    /// The data as templates see it. JSON's `null` is absent (a field holding it is left
    /// out). Whole numbers are numbers; the spec's decimals (`1.21`) are text in their
    /// shortest decimal form, which renders as the spec expects: Bulletin's data has no
    /// fractions, so `TemplateValue` has no case for them. (Text is truthy, as a number is,
    /// so a section on a decimal renders as it would on a number.)
    var templateValue: TemplateValue? {
        switch self {
        case .null: nil
        case .bool(let value): .bool(value)
        case .integer(let value): .number(value)
        case .decimal(let value): .text(String(describing: value))
        case .string(let value): .text(value)
        case .array(let items): .list(items.compactMap(\.templateValue))
        case .object(let fields): .object(TemplateObject(fields.compactMapValues(\.templateValue)))
        }
    }
}
