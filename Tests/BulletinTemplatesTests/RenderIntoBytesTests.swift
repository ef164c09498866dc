@testable import BulletinTemplates
import Testing

/// A render into bytes gives the same bytes as a render into a String, whether it fits the
/// memory of the array being made, outgrows it at any point (moving to memory of its own),
/// or appends to bytes already there.
@Suite struct RenderIntoBytesTests {
    @Test func everyWayGivesTheSameBytes() throws {
        let template = try Template("<p>{{title}}</p>{{#items}}<li>{{.}} {{count}}</li>\n{{/items}}{{{raw}}}{{^none}}!{{/none}}")
        for items in [0, 1, 5, 40, 400] {
            let context: TemplateValue = [
                "title": "A & B", "count": .number(items), "raw": .text(String(repeating: "x<y", count: items)),
                "items": .list((0..<items).map { .text("item \($0) é") }),
            ]
            let expected = Array(template.render(context).utf8)
            // Expected sizes from far too small (outgrown at once, or part of the way) to ample.
            for expectedSize in [0, 1, 64, 300, expected.count - 1, expected.count, expected.count + 1, 1 << 16] where expectedSize >= 0 {
                var bytes: [UInt8] = []
                template.render(context, into: &bytes, expectedSize: expectedSize)
                #expect(bytes == expected, "\(items) items, expected size \(expectedSize)")
                var appended: [UInt8] = Array("before".utf8)
                template.render(context, into: &appended, expectedSize: expectedSize)
                #expect(appended == Array("before".utf8) + expected)
            }
        }
    }
}
