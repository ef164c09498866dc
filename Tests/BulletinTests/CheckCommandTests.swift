@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinResolve
@testable import BulletinRender
@testable import BulletinBuild
import Foundation
import Testing

/// `bulletin check`: one run reports every mistake, in each format.
@Suite struct CheckCommandTests {
    static let mistakes = packageRoot + "/Tests/Fixtures/mistakes"

    /// Every mistake of Tests/Fixtures/mistakes: code, file, line and column.
    static let expected: [(code: String, file: String, line: Int?, column: Int?)] = [
        ("BUL015", "Content/agencies/Bad Id.md", 1, 1),
        ("BUL016", "Content/agencies/kisa-copy.md", 3, 8),
        ("BUL033", "Content/agencies/unused.md", 1, 1),
        ("BUL014", "Content/articles/2025/same.md", 1, 1),
        ("BUL010", "Content/articles/bad-lang.md", 4, 7),
        ("BUL012", "Content/articles/bad-slug.md", 4, 7),
        ("BUL005", "Content/articles/bomb.md", 2, 1),
        ("BUL006", "Content/articles/duplicate-key.md", 4, 1),
        ("BUL009", "Content/articles/invalid-date.md", 3, 7),
        ("BUL001", "Content/articles/latin1.md", 2, 11),
        ("BUL026", "Content/articles/links.md", 8, 1),
        ("BUL026", "Content/articles/links.md", 8, 23),
        ("BUL026", "Content/articles/links.md", 8, 48),
        ("BUL026", "Content/articles/links.md", 10, 1),
        ("BUL028", "Content/articles/links.md", 10, 1),
        ("BUL032", "Content/articles/links.md", 10, 14),
        ("BUL031", "Content/articles/long-summary.md", 4, 10),
        ("BUL007", "Content/articles/missing-title.md", 1, 1),
        ("BUL002", "Content/articles/no-front-matter.md", 1, 1),
        ("BUL020", "Content/articles/photo.jpg", 1, 1),
        ("BUL013", "Content/articles/reserved.md", 4, 7),
        ("BUL029", "Content/articles/session-one.md", 5, 10),
        ("BUL018", "Content/articles/session-only.md", 4, 10),
        ("BUL003", "Content/articles/unclosed.md", 1, 1),
        ("BUL011", "Content/articles/unknown-key.md", 4, 1),
        ("BUL017", "Content/articles/unregistered.md", 4, 18),
        ("BUL030", "Content/articles/updated.md", 4, 10),
        ("BUL008", "Content/articles/wrong-type.md", 5, 10),
        ("BUL004", "Content/articles/yaml.md", 2, 13),
    ]

    func check(_ arguments: [String]) throws -> BulletinProcess.Result {
        try BulletinProcess.run(["check", "--templates", packageRoot + "/Templates"] + arguments, in: Self.mistakes)
    }

    @Test func everyMistakeIsReportedInOneRunWithItsPlaceAndCode() throws {
        let result = try check(["--format", "json"])
        #expect(result.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        let diagnostics = report["diagnostics"] as! [[String: Any]]
        let found = diagnostics.map {
            ($0["code"] as! String, $0["file"] as! String, $0["line"] as? Int, $0["column"] as? Int)
        }
        for mistake in Self.expected {
            #expect(found.contains { $0 == mistake }, "not reported: \(mistake)")
        }
        // Sorted by file, then line.
        let files = found.map(\.1)
        #expect(files == files.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
        #expect(report["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count)
    }

    @Test func theJSONReportMatchesItsSchema() throws {
        let result = try check(["--format", "json"])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data(result.standardOutput.utf8).write(to: URL(fileURLWithPath: folder.path + "/report.json"))
        guard let python = TestTools.path("python") else { return }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            jsonschema.validate(json.load(open(sys.argv[2])), schema, cls=jsonschema.Draft202012Validator)
            bad = {"version": 1, "errors": 0, "warnings": 0, "notes": 0, "diagnostics": [{"code": "X"}]}
            try:
                jsonschema.validate(bad, schema)
                sys.exit("the schema accepted a malformed report")
            except jsonschema.ValidationError:
                pass
            """
        let validation = try BulletinProcess.run(
            python, ["-c", script, packageRoot + "/docs/diagnostics.schema.json", folder.path + "/report.json"], in: folder.path)
        #expect(validation.status == 0, "\(validation.standardError)")
    }

    @Test func theGitHubFormatIsWorkflowCommands() throws {
        let lines = try check(["--format", "github"]).standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains(
            "::error file=Content/articles/invalid-date.md,line=3,col=7,title=BUL009 invalid date::'date' is not a real date or time: \"2025-02-30\" (February 2025 has 28 days)%0Ahint: check the digits: dates are YYYY-MM-DD"))
        #expect(lines.contains(
            "::warning file=Content/articles/photo.jpg,line=1,col=1,title=BUL020 unused file::Bulletin does not use this file; it is not published%0Ahint: images and other files go in static/, and are linked as /name"))
        #expect(lines.contains { $0.hasPrefix("::notice file=Content/agencies/unused.md,line=1,col=1,title=BUL033 unused registry entry::") })
        #expect(lines.last == "20 errors, 9 warnings, 2 notes")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("::") })
    }

    @Test func workflowCommandsEscapeWhatGitHubRequires() {
        let diagnostic = Diagnostic(
            .warning, .unknownKey, "50% of \"a, b\":\nsecond line",
            at: SourceLocation(file: "Content/a,b:c.md", line: 2, column: 3), hint: "x")
        #expect(diagnostic.githubCommand()
            == "::warning file=Content/a%2Cb%3Ac.md,line=2,col=3,title=BUL011 unknown key::50%25 of \"a, b\":%0Asecond line%0Ahint: x")
    }

    @Test func theHumanFormatEndsWithTheCounts() throws {
        let result = try check([])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("Content/articles/yaml.md:2:13: error: malformed YAML"))
        #expect(result.standardOutput.hasSuffix("20 errors, 9 warnings, 2 notes\n"), "\(result.standardOutput.suffix(80))")
    }

    @Test func aCleanSiteExitsZeroAndWarningsFailOnlyWithStrict() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestSite.standard().write(to: folder.path)
        let clean = try BulletinProcess.run(["check"], in: folder.path)
        #expect(clean.status == 0)
        #expect(clean.standardOutput == "No problems found.\n")
        try Data("---\ntitle: A\ndate: 2024-01-01\ntittle: x\n---\n".utf8)
            .write(to: URL(fileURLWithPath: folder.path + "/Content/articles/a.md"))
        #expect(try BulletinProcess.run(["check"], in: folder.path).status == 0)
        #expect(try BulletinProcess.run(["check", "--strict"], in: folder.path).status == 1)
        #expect(try BulletinProcess.run(["check", "--format", "xml"], in: folder.path).status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Public"), "check writes nothing")
    }

    @Test func everyCodeIsDocumented() throws {
        let page = try String(contentsOfFile: packageRoot + "/docs/diagnostics.md", encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(page.contains("### \(code.rawValue) \(code.title)\n"), "docs/diagnostics.md lacks \(code.rawValue)")
        }
        #expect(Set(DiagnosticCode.allCases.map(\.rawValue)).count == DiagnosticCode.allCases.count)
    }
}

/// External links, against a local HTTP server.
@Suite(.serialized) struct ExternalLinkTests {
    @Test func failuresAreWarningsAtTheFirstUse() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("ok".utf8).write(to: URL(fileURLWithPath: folder.path + "/ok.html"))
        // Both listen on ports the system picked, and say which once they listen.
        let server = try await LoopbackServer.start(
            "/usr/bin/python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path],
            portAfter: "Serving HTTP on 127.0.0.1 port ")
        defer { server.stop() }
        // A port that accepts connections and never answers: the timeout.
        let silent = try await LoopbackServer.start("/usr/bin/python3", ["-u", "-c", """
            import signal, socket
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            s.listen(8)
            print("listening on port", s.getsockname()[1], flush=True)
            signal.pause()
            """], portAfter: "listening on port ")
        defer { silent.stop() }

        func link(_ url: String, _ line: Int) -> ExternalLink {
            ExternalLink(url: url, location: SourceLocation(file: "a.md", line: line, column: 1), sourceLine: nil)
        }
        let base = "http://127.0.0.1:\(server.port)"
        let diagnostics = await ExternalLinkChecker(concurrency: 2, timeout: 2).check([
            link(base + "/ok.html", 1), link(base + "/missing.html", 2), link(base + "/missing.html", 3),
            link("http://127.0.0.1:\(silent.port)/", 4), link("http://127.0.0.1:1/", 5),
        ])
        #expect(diagnostics.map(\.location.line) == [2, 4, 5])
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.code == .externalLinkFailed })
        #expect(diagnostics[0].message == "\(base)/missing.html answered HTTP 404 (linked 1 more time after this)")
        #expect(diagnostics[1].message.contains("timed out"))
        #expect(diagnostics[2].message.contains("could not be reached"))
    }

    /// A server that refuses HEAD is asked with GET, whose body is not waited for; redirects
    /// are followed to their end; an address with a space or another script is sent as a
    /// browser sends it (percent-encoded).
    @Test func headRefusedThenGetAndRedirectsFollowed() async throws {
        let server = try await LoopbackServer.start("/usr/bin/python3", ["-u", "-c", """
            import http.server, time
            class Handler(http.server.BaseHTTPRequestHandler):
                def answer(self, body):
                    if self.path == "/moved":
                        self.send_response(301); self.send_header("Location", "/final"); self.end_headers()
                    elif self.path == "/moved-to-nothing":
                        self.send_response(302); self.send_header("Location", "/gone"); self.end_headers()
                    elif self.path in ("/final", "/get-only", "/my%20file.pdf", "/%ED%95%9C.txt"):
                        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers()
                        if body: self.wfile.write(b"ok")
                    elif self.path == "/slow-body":
                        # The first bytes at once, the rest after longer than the timeout.
                        self.send_response(200); self.send_header("Content-Length", "2048"); self.end_headers()
                        self.wfile.write(b"x" * 1024); self.wfile.flush()
                        time.sleep(8)
                        self.wfile.write(b"x" * 1024)
                    else:
                        self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers()
                def do_HEAD(self):
                    if self.path in ("/get-only", "/slow-body"):
                        self.send_response(405); self.send_header("Content-Length", "0"); self.end_headers()
                    else:
                        self.answer(False)
                def do_GET(self): self.answer(True)
                def log_message(self, *args): pass
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
            print("listening on port", server.server_address[1], flush=True)
            server.serve_forever()
            """], portAfter: "listening on port ")
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        func link(_ path: String, _ line: Int) -> ExternalLink {
            ExternalLink(url: base + path, location: SourceLocation(file: "a.md", line: line, column: 1), sourceLine: nil)
        }
        let diagnostics = await ExternalLinkChecker(concurrency: 3, timeout: 5).check([
            link("/get-only", 1), link("/moved", 2), link("/moved-to-nothing", 3), link("/final", 4),
            link("/my file.pdf", 5), link("/한.txt", 6), link("/slow-body", 7),
        ])
        #expect(diagnostics.map(\.location.line) == [3])
        #expect(diagnostics.first?.message == "\(base)/moved-to-nothing answered HTTP 404")
    }
}
