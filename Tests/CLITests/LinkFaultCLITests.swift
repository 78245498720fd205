import ChecksTestSupport
import Foundation
import Testing

/// End to end: the built `check-doc-links` against the misbehaving servers of
/// `Fixtures/links/fault_server.py`. One run over every fault with 2 s timeouts and no retries: each
/// link gets its finding, and the whole run ends within the timeout plus start-up.
@Suite struct LinkFaultCLITests {
    static let server: Result<LinkFaultServer, Error> = Result { try LinkFaultServer() }

    /// (line in doc.md, link, rule, start of the message) for every fault; the TLS message ends in
    /// OpenSSL's wording ("self-signed certificate", "self signed certificate" before 3.0).
    static func faults(_ server: LinkFaultServer) -> [(line: Int, url: String, rule: String?, message: String?)] {
        [
            (1, server.url("silent"), "link-failed", "link failed: timed out after 2 s"),
            (2, server.url("trickle"), "link-failed", "link failed: timed out after 2 s"),
            (3, server.url("headers"), "link-failed", "link failed: response headers larger than 256 KiB, reading stopped"),
            (4, server.url("huge"), nil, nil),
            (5, server.url("huge", "nohead"), nil, nil),
            (6, server.url("tls"), "link-failed", "link failed: tls error (SSL certificate problem: self"),
            (
                7, server.url("refused"), "link-failed",
                "link failed: host unreachable: could not connect to 127.0.0.1:\(server.ports["refused"] ?? 0)"
            ),
            (8, "http://no-such-host.invalid/", "link-failed", "link failed: host unreachable: could not resolve no-such-host.invalid"),
        ]
    }

    static func tree(_ server: LinkFaultServer, toml: String = "[doc-links]\nretry-count = 0\n") throws -> TemporaryTree {
        let tree = try TemporaryTree()
        try tree.write("doc.md", faults(server).map { "- [link \($0.line)](\($0.url))" }.joined(separator: "\n") + "\n")
        try tree.write(".autogit-checks.toml", toml)
        return tree
    }

    static func diagnostics(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["diagnostics"] as? [[String: Any]])
    }

    @Test func everyFaultGetsItsFindingWithinTheTimeout() throws {
        let server = try Self.server.get()
        let tree = try Self.tree(server)
        let start = Date()
        let run = try ToolProcess.run(
            "check-doc-links", ["--root", ".", "doc.md", "--timeout", "2", "--connect-timeout", "2", "--format", "json"],
            in: URL(fileURLWithPath: tree.root))
        #expect(run.status == 1, "\(run.stderr)")
        // 2 s for the two that wait out the timeout, in parallel; the rest is start-up and slack.
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 2 + 2.5, "the run took \(seconds) s")
        let found = try Self.diagnostics(run.stdout)
        for fault in Self.faults(server) {
            let here = found.filter { ($0["line"] as? Int) == fault.line }
            guard let rule = fault.rule, let message = fault.message else {
                #expect(here.isEmpty, "line \(fault.line): \(here)")
                continue
            }
            #expect(here.count == 1, "line \(fault.line): \(here)")
            #expect(here.first?["rule"] as? String == rule)
            let actual = here.first?["message"] as? String ?? ""
            #expect(actual.hasPrefix(message), "line \(fault.line): \(actual)")
        }
        #expect(found.count == 6)
    }

    @Test func insecureAcceptsASelfSignedCertificate() throws {
        let server = try Self.server.get()
        let tree = try TemporaryTree()
        try tree.write("doc.md", "[secure](\(server.url("tls")))\n")
        let root = URL(fileURLWithPath: tree.root)
        let strict = try ToolProcess.run("check-doc-links", ["--root", ".", "doc.md", "--timeout", "2"], in: root)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("link failed: tls error (SSL certificate problem: self"))

        let flag = try ToolProcess.run("check-doc-links", ["--root", ".", "doc.md", "--timeout", "2", "--insecure", "--cache"], in: root)
        #expect(flag.status == 0, "\(flag.stdout)\(flag.stderr)")
        // An unverified success must not be cached for a later verified run to trust.
        #expect(!FileManager.default.fileExists(atPath: tree.root + "/.autogit-checks-cache"))
        let strictAgain = try ToolProcess.run("check-doc-links", ["--root", ".", "doc.md", "--timeout", "2", "--cache"], in: root)
        #expect(strictAgain.status == 1, "\(strictAgain.stdout)\(strictAgain.stderr)")

        try tree.write(".autogit-checks.toml", "[doc-links]\ninsecure = true\n")
        let configured = try ToolProcess.run("check-doc-links", ["--root", ".", "doc.md", "--timeout", "2"], in: root)
        #expect(configured.status == 0, "\(configured.stdout)\(configured.stderr)")
        let printed = try ToolProcess.run("check-doc-links", ["--root", ".", "doc.md", "--print-config"], in: root)
        #expect(printed.stdout.contains("insecure = true"))
    }

    /// Root with `unshare`: the test gives the tool a private /etc/resolv.conf (a mount namespace of
    /// its own, nothing changes outside it). CI runs as root; elsewhere the test is off.
    static let canFakeTheResolver = geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")

    /// A DNS server that never answers: the lookup must end at --connect-timeout, and must not hold
    /// the run (or other links) until getaddrinfo gives up, which takes 10 s and more.
    @Test(.enabled(if: canFakeTheResolver)) func aHangingNameLookupEndsAtTheConnectTimeout() throws {
        let tree = try TemporaryTree()
        try tree.write("doc.md", "- [a](http://never-resolves.example.test/)\n- [b](http://127.0.0.1:1/)\n")
        try tree.write(".autogit-checks.toml", "[doc-links]\nretry-count = 0\n")
        // 127.0.0.153: an address of the loopback range that no local resolver (127.0.0.53) uses.
        try tree.write("resolv.conf", "nameserver 127.0.0.153\noptions timeout:5 attempts:2\n")
        let silentDNS = Process()
        silentDNS.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        silentDNS.arguments = [
            "python3", "-c",
            """
            import socket, sys, time
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(("127.0.0.153", 53))
            print("ready", flush=True)
            time.sleep(30)
            """,
        ]
        let ready = Pipe()
        silentDNS.standardOutput = ready
        try silentDNS.run()
        defer { silentDNS.terminate() }
        #expect(ready.fileHandleForReading.availableData.starts(with: Data("ready".utf8)))

        let tool = ToolProcess.productsDirectory.appendingPathComponent("check-doc-links").path
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        run.arguments = [
            "-m", "sh", "-c",
            "mount --bind resolv.conf /etc/resolv.conf || exit 97; "
                + "exec \"$0\" --root . doc.md --timeout 2 --connect-timeout 1", tool,
        ]
        run.currentDirectoryURL = URL(fileURLWithPath: tree.root)
        run.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        let out = Pipe()
        run.standardOutput = out
        run.standardError = FileHandle.nullDevice
        let start = Date()
        try run.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        #expect(run.terminationStatus == 1, "\(text)")
        #expect(
            text.contains("doc.md:1:3: error: link failed: host unreachable: could not resolve never-resolves.example.test within 1 s [link-failed]"),
            "\(text)")
        #expect(text.contains("doc.md:2:3: error: link failed: host unreachable: could not connect to 127.0.0.1:1 [link-failed]"))
        #expect(seconds < 1 + 2.5, "the run took \(seconds) s")
    }
}
