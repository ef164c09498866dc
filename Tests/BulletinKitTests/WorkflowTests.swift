import Foundation
import Testing

/// The publishing workflow in .github/workflows, checked by actionlint.
@Suite struct WorkflowTests {
    static let workflow = packageRoot + "/.github/workflows/publish.yml"

    @Test func actionlintFindsNothing() throws {
        guard let actionlint = TestTools.path("actionlint") else { return }
        let result = try BulletinProcess.run(actionlint, ["-no-color", Self.workflow], in: packageRoot)
        #expect(result.status == 0, "actionlint:\n\(result.standardOutput)\(result.standardError)")
    }

    @Test func actionlintWouldCatchAMistake() throws {
        guard let actionlint = TestTools.path("actionlint") else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let broken = try String(contentsOfFile: Self.workflow, encoding: .utf8)
            .replacingOccurrences(of: "runs-on: ubuntu-24.04", with: "runs-on: ubuntu-24.04\n    timeout-minutes: soon")
        try Data(broken.utf8).write(to: URL(fileURLWithPath: folder.path + "/broken.yml"))
        let result = try BulletinProcess.run(actionlint, ["-no-color", folder.path + "/broken.yml"], in: folder.path)
        #expect(result.status != 0)
    }

    @Test func pullRequestsAreCheckedAndMainIsPublished() throws {
        let text = try String(contentsOfFile: Self.workflow, encoding: .utf8)
        #expect(text.contains("pull_request:"))
        #expect(text.contains("branches: [main]"))
        #expect(text.contains("bulletin check --strict --format github"))
        #expect(text.contains("libcmark-dev"))
        #expect(text.contains("actions/cache@"))
        #expect(text.contains("bulletin build --strict --base-url"))
        #expect(text.contains("actions/upload-pages-artifact@"))
        #expect(text.contains("path: Public"))
        #expect(text.contains("actions/deploy-pages@"))
    }
}
