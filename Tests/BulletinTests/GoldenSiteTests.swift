import BulletinCore
import BulletinContent
import BulletinRender
import BulletinBuild
import Foundation
import Testing

/// Tests/Fixtures/golden/Content, built with the repository's Templates/, must give exactly
/// the files in Tests/Fixtures/golden/Public. After an intentional change, regenerate them
/// with `BULLETIN_UPDATE_GOLDEN=1 swift test --filter GoldenSite` and commit them with it.
@Suite(.serialized) struct GoldenSiteTests {
    static let fixture = packageRoot + "/Tests/Fixtures/golden"

    @Test func theGoldenSiteIsBuiltFileByFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path + "/Public"
        let result = Builder.run(BuildOptions(
            contentPath: Self.fixture + "/Content", templatesPath: packageRoot + "/Templates", outputPath: output,
            now: TestSite.now))
        #expect(result.succeeded, "\(result.diagnostics.map { $0.formatted() })")
        // The one warning the fixture means to have: Harbour Police is not registered.
        #expect(result.warnings.map(\.code) == [.unregisteredTerm])

        let expectedFolder = Self.fixture + "/Public"
        if ProcessInfo.processInfo.environment["BULLETIN_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: expectedFolder)
            try FileManager.default.copyItem(atPath: output, toPath: expectedFolder)
            return
        }
        let actual = TemporaryFolder.snapshot(output)
        let expected = TemporaryFolder.snapshot(expectedFolder)
        #expect(Set(actual.keys) == Set(expected.keys), "files differ: extra \(Set(actual.keys).subtracting(expected.keys).sorted()), missing \(Set(expected.keys).subtracting(actual.keys).sorted())")
        for path in expected.keys.sorted() where actual[path] != expected[path] {
            Issue.record("\(path) differs from the golden file")
        }
    }
}
