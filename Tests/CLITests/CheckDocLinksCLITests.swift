import ChecksTestSupport
import Foundation
import Testing

/// End to end: the built `check-doc-links` on `Fixtures/links/site`, against the loopback server of
/// `Fixtures/links/server.py` (one per test, so request counts are the test's own).
@Suite struct CheckDocLinksCLITests {
    static let tool = "check-doc-links"
    static let secret = "s3cr3t-value"

    var site: URL { FixturePaths.fixture("links/site") }

    func run(_ arguments: [String], in folder: URL? = nil, server: LinkTestServer) throws -> ToolProcess {
        try ToolProcess.run(
            Self.tool, arguments, in: folder ?? site,
            environment: ["LINKS_TEST_PORT": "\(server.port)", "LINKS_TEST_KEY": Self.secret])
    }

    /// The server's port varies from run to run; goldens say PORT.
    func normalised(_ text: String, _ server: LinkTestServer) -> String {
        text.replacingOccurrences(of: ":\(server.port)", with: ":PORT")
    }

    @Test func siteMatchesExpectedTextWithOneRequestPerURL() throws {
        let server = try LinkTestServer()
        defer { server.stop() }
        let run = try run(["--root", ".", "-c", ".markdown-link-check.json"], server: server)
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        assertGolden(normalised(run.stdout, server), path: "links/site/expected.txt", comparingJSON: false)

        let counts = try server.counts()
        func requests(_ path: String) -> Int { (counts[path]?["GET"] ?? 0) + (counts[path]?["HEAD"] ?? 0) }
        // Cited three times from two files (once with a #fragment): one request.
        #expect(requests("/ok") == 1)
        #expect(requests("/status/404") == 1)
        // HEAD refused, then GET: two requests, no finding.
        #expect(counts["/nohead"]?["HEAD"] == 1)
        #expect(counts["/nohead"]?["GET"] == 1)
        // The configured header reached /secret (200) and stayed behind on the redirect to another host.
        #expect(counts["/secret"]?["secret"] == 1)
        #expect(requests("/leak-check") == 1)
        #expect(counts["/leak-check"]?["secret"] == 0)
        // Ignored and suppressed links are never requested.
        #expect(requests("/ignored/status/404") == 0)
        #expect(requests("/status/500") == 0)
    }

    @Test func siteMatchesExpectedJSON() throws {
        let server = try LinkTestServer()
        defer { server.stop() }
        let run = try run(["--root", ".", "-c", ".markdown-link-check.json", "--format", "json"], server: server)
        #expect(run.status == 1)
        assertGolden(normalised(run.stdout, server), path: "links/site/expected.json", comparingJSON: true)
    }

    @Test(arguments: [
        ["--format", "text"], ["--format", "json"], ["--format", "github"], ["--format", "sarif"], ["--format", "junit"],
        ["--format", "markdown"], ["-v"], ["-v", "--format", "json"], ["--print-config"],
    ])
    func theConfiguredSecretIsNeverPrinted(_ extra: [String]) throws {
        let server = try LinkTestServer()
        defer { server.stop() }
        let run = try run(["--root", ".", "-c", ".markdown-link-check.json", "--exclude", "docs/guide.md"] + extra, server: server)
        #expect(run.status == (extra == ["--print-config"] ? 0 : 1))
        #expect(!run.stdout.isEmpty)
        #expect(!run.stdout.contains(Self.secret))
        #expect(!run.stderr.contains(Self.secret))
        #expect(!run.stdout.contains("X-Api-Key"))
        if extra != ["--print-config"] {
            #expect(try server.counts()["/secret"]?["secret"] == 1)
        }
    }

    @Test func verboseListsAliveLinksAndQuietDropsThem() throws {
        let server = try LinkTestServer()
        defer { server.stop() }
        let verbose = try run(["--root", ".", "-c", ".markdown-link-check.json", "--exclude", "docs/guide.md", "-v"], server: server)
        #expect(verbose.stdout.contains("docs/README.md:3:3: note: alive: 200 ok [link-ok]"))
        #expect(verbose.stdout.contains("docs/README.md:11:3: note: ignored: matches an ignore pattern [link-ignored]"))
        #expect(verbose.stdout.contains("[link-skipped]"))
        let quiet = try run(["--root", ".", "-c", ".markdown-link-check.json", "--exclude", "docs/guide.md", "-v", "-q"], server: server)
        #expect(!quiet.stdout.contains("note:"))
        #expect(quiet.stdout.contains("[dead-link]"))
    }

    @Test func offlineRunsTheLocalChecksOnly() throws {
        let server = try LinkTestServer()
        defer { server.stop() }
        let run = try run(["--root", ".", "-c", ".markdown-link-check.json", "--offline"], server: server)
        #expect(run.status == 1)
        #expect(
            run.stdout == "docs/README.md:12:31: error: file not found: docs/nowhere.md [missing-file]\n"
                + "check-doc-links: failed: 1 error, 0 warnings (2 files, 2 links)\n")
        #expect(try server.counts().keys.allSatisfy { $0 == "/__counts" || $0.hasPrefix("ua:") })
    }

    @Test func remoteFragmentsAreOptIn() throws {
        let server = try LinkTestServer()
        defer { server.stop() }
        let run = try run(["--root", ".", "-c", ".markdown-link-check.json", "--exclude", "docs/guide.md", "--remote-fragments"], server: server)
        #expect(
            run.stdout.contains(
                "docs/README.md:3:36: error: no anchor #install in http://127.0.0.1:\(server.port)/ok (no id or name attribute with that value) [missing-remote-fragment]"
            ))
        // The page was read once (GET) for all its citations.
        #expect(try server.counts()["/ok"]?["GET"] == 1)
    }

    @Test func theCacheAnswersASecondRun() throws {
        let server = try LinkTestServer()
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("links-cache-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: site, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["--root", ".", "-c", ".markdown-link-check.json", "--exclude", "docs/guide.md", "--cache", "--format", "json"]
        let first = try run(arguments, in: folder, server: server)
        let second = try run(arguments, in: folder, server: server)
        func summary(_ run: ToolProcess) throws -> [String: Int] {
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return object?["summary"] as? [String: Int] ?? [:]
        }
        #expect(try summary(first)["cached"] == 0)
        // ok, secret, redirect/other-host and nohead were alive: cached. The failures were asked again.
        #expect(try summary(second)["cached"] == 4)
        #expect(try summary(second)["errors"] == summary(first)["errors"])
        let counts = try server.counts()
        #expect(counts["/ok"]?["HEAD"] == 1)
        #expect(counts["/status/404"]?["HEAD"] == 2)
        let cache = try String(contentsOf: folder.appendingPathComponent(".autogit-checks-cache"), encoding: .utf8)
        #expect(cache.contains("\"doc-links\""))
        #expect(!cache.contains("status/404"))
    }

    @Test(arguments: [
        (["-c", "missing.json"], "check-doc-links: error: missing.json: cannot read the markdown-link-check config ("),
        (["-c", "invalid.json"], "check-doc-links: error: invalid.json:1:19: invalid json: expected a string key; fix the syntax at that line\n"),
        (["-c", "unknown-key.json"], "check-doc-links: error: unknown-key.json: unknown key 'retryOnn429'; did you mean 'retryOn429'?\n"),
        (
            ["-c", "bad-regex.json"],
            "check-doc-links: error: bad-regex.json: 'replacementPatterns[0].pattern' is not a valid regular expression (not a valid regular expression): ^(https\n"
        ),
    ])
    func badConfigurationIsExitTwoNamingFileAndKey(_ arguments: [String], _ expected: String) throws {
        let run = try ToolProcess.run(Self.tool, ["--root", ".", "--offline"] + arguments, in: FixturePaths.fixture("links/bad-config"))
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix(expected))
    }

    @Test(arguments: [["--host-concurrency", "0"], ["-a", "two hundred"], ["--max-cache-age", "soon"], ["--timeout", "0"]])
    func badFlagsAreUsageErrors(_ arguments: [String]) throws {
        let run = try ToolProcess.run(Self.tool, ["--root", ".", "--offline"] + arguments, in: FixturePaths.fixture("links/bad-config"))
        #expect(run.status == 64)
    }

    @Test func listRulesShowsLocalAndRemoteRules() throws {
        let run = try ToolProcess.run(Self.tool, ["--list-rules"], in: site)
        #expect(run.status == 0)
        #expect(run.stdout.contains("missing-anchor\t"))
        #expect(run.stdout.contains("dead-link\terror\t"))
        #expect(run.stdout.contains("host-unreachable\terror\t"))
    }

    @Test func versionIsTheToolkitVersion() throws {
        let run = try ToolProcess.run(Self.tool, ["--version"], in: site)
        #expect(run.stdout == "0.1.0\n")
    }
}
