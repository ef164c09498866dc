import Foundation
import Testing

/// The external tools the tests run, which scripts/test installs: the Nu HTML validator,
/// jsonschema and actionlint, in a Python environment named by `BULLETIN_TOOLS`.
enum TestTools {
    static var binFolder: String {
        ProcessInfo.processInfo.environment["BULLETIN_TOOLS"]
            ?? FileManager.default.homeDirectoryForCurrentUser.path + "/.cache/bulletin-tools/venv/bin"
    }

    /// The path of a tool, or nil (and a failed test) when it is not installed: these tests
    /// must not pass silently where the tool is missing.
    static func path(_ name: String) -> String? {
        let path = binFolder + "/" + name
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("\(name) is not installed in \(binFolder): run ./scripts/test, which installs it")
            return nil
        }
        return path
    }

    static var vnuJar: String? {
        let environment = ProcessInfo.processInfo.environment
        if let jar = environment["BULLETIN_VNU_JAR"], FileManager.default.fileExists(atPath: jar) { return jar }
        let lib = binFolder + "/../lib"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []
        if let jar = versions.map({ "\(lib)/\($0)/site-packages/vnujar/vnu.jar" }).first(where: FileManager.default.fileExists(atPath:)) {
            return jar
        }
        Issue.record("the Nu HTML validator is not installed: run ./scripts/test, which installs it")
        return nil
    }
}
