import ChecksCore
import ChecksTestSupport
import Foundation
import Testing

@testable import LinkProbe

@Suite struct RemoteLinkCheckerTests {
    func options(root: String = "/nonexistent-root") -> RemoteCheckOptions {
        var options = RemoteCheckOptions(root: root)
        options.policy = fastPolicy()
        return options
    }

    func at(_ file: String, _ line: Int, _ url: String) -> RemoteLinkOccurrence {
        RemoteLinkOccurrence(file: file, line: line, column: 3, url: url)
    }

    @Test func eachUniqueURLIsRequestedOnceWhateverCitesIt() throws {
        let server = try SharedServer.get()
        let dead = server.url("dedupe", "status/404")
        let alive = server.url("dedupe", "ok")
        let occurrences = [
            at("a.md", 1, dead), at("b.md", 7, dead + "#frag"), at("c.md", 2, dead),
            at("a.md", 2, alive), at("b.md", 1, alive + "#x"),
        ]
        let result = RemoteLinkChecker.run(occurrences, options: options())
        #expect(try server.requests("dedupe", "status/404") == 1)
        #expect(try server.requests("dedupe", "ok") == 1)
        #expect(result.urls == 2)
        #expect(result.requests == 2)
        #expect(result.checkedLinks == 5)
        // One diagnostic per failing occurrence, with the URL as written.
        let found = result.diagnostics.map { "\($0.file):\($0.line) \($0.rule) \($0.target ?? "")" }.sorted()
        #expect(found == ["a.md:1 dead-link \(dead)", "b.md:7 dead-link \(dead)#frag", "c.md:2 dead-link \(dead)"])
        #expect(result.diagnostics.allSatisfy { $0.message == "dead link: 404 not found" })
    }

    @Test func anUnreachableHostIsSummarisedOnce() {
        let occurrences = [at("a.md", 4, "http://127.0.0.1:1/one"), at("b.md", 1, "http://127.0.0.1:1/two"), at("a.md", 9, "http://127.0.0.1:1/one")]
        let result = RemoteLinkChecker.run(occurrences, options: options())
        #expect(result.diagnostics.count { $0.rule == RemoteLinkRules.linkFailed } == 3)
        let summary = result.diagnostics.filter { $0.rule == RemoteLinkRules.hostUnreachable }
        #expect(summary.count == 1)
        #expect(summary.first?.file == "a.md")
        #expect(summary.first?.line == 4)
        #expect(
            summary.first?.message == "host unreachable: 3 links (could not connect to 127.0.0.1:1); "
                + "check the host name, or ignore it if this runner cannot reach it")
    }

    @Test func ignoreReplaceAndAliveCodesFollowMarkdownLinkCheck() throws {
        let server = try SharedServer.get()
        let config = try MarkdownLinkCheckConfig.parse(
            """
            {"ignorePatterns": [{"pattern": "^http://test\\\\.invalid/skip"}],
             "replacementPatterns": [{"pattern": "^http://test\\\\.invalid/(?<rest>.*)$", "replacement": "http://127.0.0.1:{{env.P}}/t/replace/$<rest>"}],
             "aliveStatusCodes": [200, 410]}
            """, file: "c.json", environment: ["P": "\(server.port)"], projectBaseUrl: "file:///x")
        var options = options()
        options.ignorePatterns = config.ignorePatterns
        options.replacements = config.replacementPatterns
        options.aliveStatusCodes = Set(config.aliveStatusCodes ?? [])
        options.verbose = true
        let result = RemoteLinkChecker.run(
            [
                at("a.md", 1, "http://test.invalid/skip/status/404"),
                at("a.md", 2, "http://test.invalid/status/410"),
                at("a.md", 3, "http://test.invalid/status/404"),
                at("a.md", 4, "mailto:someone@example.com"),
            ], options: options)
        let found = result.diagnostics.map { "\($0.line) \($0.rule) \($0.severity.rawValue)" }.sorted()
        #expect(found == ["1 link-ignored note", "2 link-ok note", "3 dead-link error", "4 link-skipped note"])
        #expect(try server.requests("replace", "status/410") == 1)
        #expect(try server.requests("replace", "skip/status/404") == 0)
    }

    @Test func malformedURLsAreDiagnosticsNotCrashes() {
        let result = RemoteLinkChecker.run(
            [at("a.md", 1, "https://"), at("a.md", 2, "http://exa mple.com/"), at("a.md", 3, "https://host:70000/"), at("a.md", 4, "http:nohost")],
            options: options())
        #expect(result.diagnostics.map(\.rule) == Array(repeating: RemoteLinkRules.malformedURL, count: 4))
        #expect(result.requests == 0)
    }

    @Test func remoteFragmentsAreCheckedAgainstThePage() throws {
        let server = try SharedServer.get()
        let page = server.url("fragments", "page")
        var options = options()
        options.remoteFragments = true
        let result = RemoteLinkChecker.run(
            [
                at("a.md", 1, page + "#install"), at("a.md", 2, page + "#usage"), at("a.md", 3, page + "#legacy"),
                at("a.md", 4, page + "#top"), at("a.md", 5, page + "#missing"), at("a.md", 6, page + "#in-script"),
                at("a.md", 7, page + "#commented-out"),
            ], options: options)
        #expect(result.diagnostics.map(\.line) == [5, 6, 7])
        #expect(result.diagnostics.allSatisfy { $0.rule == RemoteLinkRules.missingRemoteFragment })
        #expect(result.diagnostics.first?.message == "no anchor #missing in \(page) (no id or name attribute with that value)")
        #expect(try server.counts()["/t/fragments/page"]?["GET"] == 1)

        // Off by default: the fragment is not looked at, and HEAD is enough.
        let plain = RemoteLinkChecker.run([at("a.md", 1, server.url("fragments-off", "page") + "#missing")], options: self.options())
        #expect(plain.diagnostics.isEmpty)
        #expect(try server.counts()["/t/fragments-off/page"]?["HEAD"] == 1)
    }

    @Test func successesAreCachedAndFailuresAreNot() throws {
        let server = try SharedServer.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = options(root: folder.path)
        options.cachePath = folder.appendingPathComponent(ProbeCache.fileName).path
        let occurrences = [at("a.md", 1, server.url("cache", "ok")), at("a.md", 2, server.url("cache", "status/404"))]

        let first = RemoteLinkChecker.run(occurrences, options: options)
        #expect(first.cached == 0)
        let second = RemoteLinkChecker.run(occurrences, options: options)
        #expect(second.cached == 1)
        #expect(second.diagnostics.map(\.line) == [2])
        #expect(try server.requests("cache", "ok") == 1)
        #expect(try server.requests("cache", "status/404") == 2)

        options.maxCacheAge = 0
        options.now = Date().addingTimeInterval(5)
        let expired = RemoteLinkChecker.run(occurrences, options: options)
        #expect(expired.cached == 0)
        #expect(try server.requests("cache", "ok") == 2)
    }

    @Test func fileURLsFromReplacementsAreCheckedInsideTheRoot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x".utf8).write(to: folder.appendingPathComponent("here.md"))
        var options = options(root: folder.path)
        options.replacements = [.init(pattern: try JSRegex("^https://docs\\.example/"), replacement: "file://\(folder.path)/", global: false)]
        let result = RemoteLinkChecker.run(
            [
                at("a.md", 1, "https://docs.example/here.md"), at("a.md", 2, "https://docs.example/gone.md"),
                at("a.md", 3, "https://docs.example/../../etc/passwd"),
            ], options: options)
        #expect(result.diagnostics.map(\.line) == [2, 3])
        #expect(result.diagnostics.first?.message == "dead link: no file at \(folder.path)/gone.md (after replacementPatterns)")
        #expect(result.diagnostics.last?.message == "dead link: /etc/passwd is outside the repository root (after replacementPatterns)")

        // Written as file: by hand, no replacement: the message does not blame one.
        options.replacements = []
        let written = RemoteLinkChecker.run([at("a.md", 4, "file:///etc/passwd"), at("a.md", 5, "file://\(folder.path)/gone.md")], options: options)
        #expect(
            written.diagnostics.map(\.message) == [
                "dead link: /etc/passwd is outside the repository root", "dead link: no file at \(folder.path)/gone.md",
            ])
    }
}
