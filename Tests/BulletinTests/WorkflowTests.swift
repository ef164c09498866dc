@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinRender
@testable import BulletinBuild
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

    /// Each job that builds Bulletin installs every package scripts/install-dependencies
    /// installs for any build (a release build links tcmalloc, and `check --external` loads
    /// libcurl: a package missing from the workflow fails the publishing, not the tests).
    @Test func theWorkflowInstallsWhatABuildNeeds() throws {
        let script = try String(contentsOfFile: packageRoot + "/scripts/install-dependencies", encoding: .utf8)
        let line = try #require(script.split(separator: "\n").first { $0.hasPrefix("for p in ") && $0.contains("libcmark-dev") })
        let packages = line.dropFirst("for p in ".count).prefix { $0 != ";" }.split(separator: " ").map(String.init)
        #expect(packages.contains("libcurl4-openssl-dev"))
        let text = try String(contentsOfFile: Self.workflow, encoding: .utf8)
        let installs = text.split(separator: "\n").filter { $0.contains("apt-get install") }
        let builds = text.components(separatedBy: "swift build -c release").count - 1
        #expect(builds > 0 && installs.count == builds, "one install for each job that builds")
        for install in installs {
            for package in packages { #expect(install.contains(package), "\(package) in: \(install)") }
        }
    }

    // MARK: - The tests on pull requests that change code

    /// A pull request that changes code runs the README's test command, in a container where
    /// Chromium really runs; one that changes only content does not (and keeps `check`).
    @Test func codeChangesRunEveryTestInDebian() throws {
        let jobs = try #require(try Self.parsed()["jobs"])
        let test = try #require(jobs["test"], "no test job")
        let steps = test["steps"]?.items ?? []
        #expect(steps.contains { $0["run"]?.text?.trimmingCharacters(in: .whitespacesAndNewlines) == "./scripts/test" })
        #expect(test["needs"]?.text == "changes")
        let condition = try #require(test["if"]?.text)
        #expect(condition.contains("github.event_name == 'pull_request'"))
        #expect(condition.contains("needs.changes.outputs.code != 'false'"), "skipped only when no code changed")

        // Debian (Ubuntu's chromium is a snap that cannot run in a container), with a Swift
        // at least as new as the package needs.
        let image = try #require(test["container"]?["image"]?.text ?? test["container"]?.text)
        #expect(image.hasPrefix("swift:") && image.hasSuffix("-bookworm"), "\(image)")
        let manifest = try String(contentsOfFile: packageRoot + "/Package.swift", encoding: .utf8)
        let tools = try #require(manifest.split(separator: "\n").first?.split(separator: ":").last)
            .trimmingCharacters(in: .whitespaces)
        let version = String(image.dropFirst("swift:".count).prefix { $0.isNumber || $0 == "." })
        let numbers = { (text: String) in text.split(separator: ".").compactMap { Int($0) } }
        #expect(!numbers(version).isEmpty && !numbers(version).lexicographicallyPrecedes(numbers(tools)),
                "swift \(version) is older than the package's tools version \(tools)")

        // The content check stays as it was: every pull request, needing nothing else.
        let check = try #require(jobs["check"])
        #expect(check["needs"] == nil)
        #expect(check["if"]?.text == "github.event_name == 'pull_request'")
    }

    /// Every job builds with one Swift (the resolved dependencies need 6.2 tools or newer:
    /// Hummingbird 2.28, swift-log 1.16), and keys its cached build by it, since modules built
    /// by another Swift cannot be imported.
    @Test func everyJobBuildsWithOneSwift() throws {
        let jobs = try #require(try Self.parsed()["jobs"])
        guard case .mapping(let pairs) = jobs.kind else { throw WorkflowFailure.notAMapping }
        let images = pairs.compactMap { $0.value["container"]?["image"]?.text ?? $0.value["container"]?.text }
        #expect(images.count == 3, "\(images)")
        let versions = Set(images.map { String($0.dropFirst("swift:".count).prefix { $0.isNumber || $0 == "." }) })
        let version = try #require(versions.count == 1 ? versions.first : nil, "\(images)")
        #expect(!version.hasPrefix("6.0") && !version.hasPrefix("6.1"), "\(version)")
        for pair in pairs {
            for step in pair.value["steps"]?.items ?? [] where step["uses"]?.text?.hasPrefix("actions/cache@") == true {
                #expect(step["with"]?["key"]?.text?.contains("-\(version)-") == true, "\(pair.key)'s cache key names no Swift")
            }
        }
    }

    private enum WorkflowFailure: Error { case notAMapping }

    /// The pattern the workflow's `changes` job matches the changed files against, applied as
    /// `grep -E` would to the paths named in the README and to content.
    @Test(arguments: [
        ("Sources/BulletinBuild/Build/Builder.swift", true),
        ("Tests/BulletinTests/WorkflowTests.swift", true),
        ("Templates/layout.mustache", true),
        ("Templates/assets/style.css", true),
        ("Package.swift", true),
        ("Package.resolved", true),
        ("scripts/test", true),
        (".github/workflows/publish.yml", true),
        ("docs/diagnostics.schema.json", true),
        ("Content/articles/2025/x.md", false),
        ("Content/agencies/kisa.md", false),
        ("Content/static/Sources/x.swift", false),
        ("Content/site.yaml", false),
        ("README.md", false),
        ("docs/serve.md", false),
        ("Package.swift.orig", false),
    ])
    func codePathsAreFound(path: String, isCode: Bool) throws {
        let jobs = try #require(try Self.parsed()["jobs"])
        let changes = try #require(jobs["changes"], "no changes job")
        #expect(changes["if"]?.text == "github.event_name == 'pull_request'")
        #expect(changes["outputs"]?["code"]?.text == "${{ steps.diff.outputs.code }}")
        let step = try #require(changes["steps"]?.items.first { $0["id"]?.text == "diff" })
        #expect(step["run"]?.text?.contains("grep -qE \"$CODE\"") == true)
        let pattern = try #require(step["env"]?["CODE"]?.text)
        let expression = try NSRegularExpression(pattern: pattern)
        let found = expression.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
        #expect(found == isCode, "\(path)")
    }

    /// The workflow as data, read by Bulletin's own YAML reader.
    static func parsed() throws -> YAMLValue {
        let text = try String(contentsOfFile: workflow, encoding: .utf8)
        let pairs = try YAMLReader.parseMapping(text, firstLine: 1, in: SourceText(file: workflow, text: text)).get()
        return YAMLValue(kind: .mapping(pairs), line: 1, column: 1)
    }
}

extension YAMLValue {
    /// A mapping's value for `key`.
    fileprivate subscript(key: String) -> YAMLValue? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    fileprivate var text: String? {
        guard case .scalar(let text, _) = kind else { return nil }
        return text
    }

    fileprivate var items: [YAMLValue] {
        guard case .sequence(let items) = kind else { return [] }
        return items
    }
}
