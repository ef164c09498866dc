import Foundation
import Testing

/// The real binary on the bulletin's own Content/: the site builds, every link and anchor
/// resolves, and the W3C Nu HTML validator reports no error.
@Suite(.serialized) struct EndToEndTests {
    @Test func theBulletinBuildsIntoAValidSiteWithoutBrokenLinks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path + "/Public"
        let result = try BulletinProcess.run(["build", "--output", output])
        #expect(result.status == 0, "bulletin build failed:\n\(result.standardError)")
        #expect(result.standardError.isEmpty, "the bulletin's own content should build without warnings:\n\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Wrote "))

        let checker = SiteLinkChecker(root: output, baseURL: URL(string: "https://bulletin.example.org/")!)
        let (pages, links, problems) = try checker.check()
        #expect(pages > 100)
        #expect(links > 1000)
        #expect(problems.isEmpty, "broken links:\n\(problems.map(\.description).joined(separator: "\n"))")

        try expectValidHTML(output)

        // Every feed valid against RFC 4287's grammar, the sitemap against its schema.
        let schemas = packageRoot + "/Tests/Fixtures/schemas"
        let feeds = try FileManager.default.subpathsOfDirectory(atPath: output).filter { $0.hasSuffix("feed.xml") }.map { output + "/" + $0 }
        #expect(feeds.count > 50)
        let jing = try BulletinProcess.run("/usr/bin/jing", ["-c", schemas + "/atom.rnc"] + feeds, in: output)
        #expect(jing.status == 0, "jing: \(jing.standardOutput)\(jing.standardError)")
        // The bulletin is in two languages: its sitemap carries xhtml:link alternates.
        let sitemap = try BulletinProcess.run(
            "/usr/bin/xmllint", ["--noout", "--schema", schemas + "/sitemap-hreflang.xsd", output + "/sitemap.xml"], in: output)
        #expect(sitemap.status == 0, "xmllint: \(sitemap.standardError)")
        for json in try FileManager.default.subpathsOfDirectory(atPath: output).filter({ $0.hasSuffix(".json") }) {
            let data = try Data(contentsOf: URL(fileURLWithPath: output + "/" + json))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(json) is not valid JSON")
        }
    }

    @Test func theSiteWorksUnderABasePath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path + "/Public"
        let result = try BulletinProcess.run(["build", "--output", output, "--base-url", "https://example.github.io/bulletin/"])
        #expect(result.status == 0, "\(result.standardError)")
        let checker = SiteLinkChecker(root: output, baseURL: URL(string: "https://example.github.io/bulletin/")!)
        let (_, _, problems) = try checker.check()
        #expect(problems.isEmpty, "broken links:\n\(problems.prefix(20).map(\.description).joined(separator: "\n"))")
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(home.contains("href=\"/bulletin/articles/\""))
        #expect(home.contains("<link rel=\"canonical\" href=\"https://example.github.io/bulletin/\">"))
    }

    @Test func theCheckersCatchWhatTheyCheck() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>
            <a href="/missing/">a</a> <a href="#nowhere">b</a> <a href="javascript:alert(1)">c</a>
            <p id="twice"></p><p id="twice"></p><div><span></div></body></html>
            """
        try Data(page.utf8).write(to: URL(fileURLWithPath: folder.path + "/index.html"))
        let checker = SiteLinkChecker(root: folder.path, baseURL: URL(string: "https://bulletin.example.org/")!)
        let reasons = try checker.check().problems.map(\.reason)
        #expect(reasons.contains("no file at /missing/"))
        #expect(reasons.contains("no id \"nowhere\" in /index.html"))
        #expect(reasons.contains("a javascript: URL"))
        #expect(reasons.contains("an id is used twice"))
        let validation = try validateHTML(folder.path)
        #expect(validation?.status != 0, "the validator should reject a page with a stray </div>")
    }

    /// Runs vnu.jar (`BULLETIN_VNU_JAR`, which scripts/test sets) over every page.
    func expectValidHTML(_ folder: String) throws {
        guard let result = try validateHTML(folder) else { return }
        #expect(result.status == 0, "the Nu HTML validator found errors:\n\(result.standardOutput)\(result.standardError)")
    }

    /// The validator's verdict on every page under `folder`; nil (and a failed test) when it
    /// is not installed.
    func validateHTML(_ folder: String) throws -> BulletinProcess.Result? {
        guard let jar = TestTools.vnuJar else { return nil }
        let java = ["/usr/bin/java", "/usr/local/bin/java"].first(where: FileManager.default.isExecutableFile(atPath:)) ?? "/usr/bin/java"
        return try BulletinProcess.run(
            java, ["-Xss2m", "-jar", jar, "--errors-only", "--skip-non-html", "--format", "gnu", folder], in: folder)
    }
}
