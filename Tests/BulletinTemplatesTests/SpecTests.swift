import BulletinTemplates
import Testing

/// The official Mustache specification, every test of the required files and of the two
/// optional modules Bulletin supports (inheritance, dynamic names). Lambdas are not run:
/// Bulletin's data never holds code.
@Suite struct SpecTests {
    @Test("comments", arguments: SpecCase.load("comments"))
    func comments(_ test: SpecCase) throws { try check(test) }

    @Test("delimiters", arguments: SpecCase.load("delimiters"))
    func delimiters(_ test: SpecCase) throws { try check(test) }

    @Test("interpolation", arguments: SpecCase.load("interpolation"))
    func interpolation(_ test: SpecCase) throws { try check(test) }

    @Test("inverted", arguments: SpecCase.load("inverted"))
    func inverted(_ test: SpecCase) throws { try check(test) }

    @Test("partials", arguments: SpecCase.load("partials"))
    func partials(_ test: SpecCase) throws { try check(test) }

    @Test("sections", arguments: SpecCase.load("sections"))
    func sections(_ test: SpecCase) throws { try check(test) }

    @Test("~inheritance", arguments: SpecCase.load("~inheritance"))
    func inheritance(_ test: SpecCase) throws { try check(test) }

    @Test("~dynamic-names", arguments: SpecCase.load("~dynamic-names"))
    func dynamicNames(_ test: SpecCase) throws { try check(test) }

    @Test("every file has its tests", arguments: [
        ("comments", 12), ("delimiters", 14), ("interpolation", 42), ("inverted", 22), ("partials", 12),
        ("sections", 34), ("~inheritance", 27), ("~dynamic-names", 21),
    ])
    func counts(file: String, count: Int) {
        #expect(SpecCase.load(file).count == count)
    }

    private func check(_ test: SpecCase) throws {
        let rendered = try test.render()
        #expect(rendered == test.expected, "\(test.description)\ntemplate: \(test.template.debugDescription)")
    }
}
