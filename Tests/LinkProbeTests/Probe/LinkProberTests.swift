import ChecksTestSupport
import Foundation
import Testing

@testable import LinkProbe

/// Every route of `Fixtures/links/server.py` through one prober run (so the slow ones overlap), then
/// one test per route: its verdict and how many requests it took.
@Suite struct LinkProberTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var route: String
        var status: Int?
        var failure: ProbeFailure?
        /// Requests the server saw for this path (HEAD + GET, retries included).
        var requests: Int
        var redirects = 0
        var retries = 0
        var testDescription: String { route }
        /// Each row has its own prefix: redirect targets (`/ok`) must not add to another row's count.
        var prefix: String { "p-" + route.replacingOccurrences(of: "/", with: "-") }
    }

    static let rows: [Row] = [
        Row(route: "ok", status: 200, requests: 1),
        Row(route: "status/404", status: 404, requests: 1),
        Row(route: "status/410", status: 410, requests: 1),
        // 5xx is retried (retryCount 1), then reported.
        Row(route: "status/500", status: 500, requests: 2, retries: 1),
        Row(route: "redirect/ok", status: 200, requests: 1, redirects: 1),
        Row(route: "redirect/chain", status: 200, requests: 1, redirects: 2),
        Row(route: "loop/a", status: nil, failure: .redirectLoop([]), requests: 1, redirects: 1),
        Row(route: "redirect/file", status: nil, failure: .disallowedRedirect("file:///etc/passwd"), requests: 1),
        // HEAD refused: one HEAD, then one GET.
        Row(route: "nohead", status: 200, requests: 2),
        Row(route: "forbidden-head", status: 200, requests: 2),
        // 429 with Retry-After: 1, then 200; 503 with an HTTP date, then 200.
        Row(route: "later", status: 200, requests: 2, retries: 1),
        Row(route: "later-date", status: 200, requests: 2, retries: 1),
        Row(route: "always-429", status: 429, requests: 2, retries: 1),
        Row(route: "slow", status: nil, failure: .timedOut(0.5), requests: 2, retries: 1),
        Row(route: "reset", status: nil, failure: .connectionLost(""), requests: 2, retries: 1),
        // HEAD refused, GET aborted at the first body byte of a declared 2 GiB.
        Row(route: "huge", status: 200, requests: 2),
        Row(route: "secret", status: 401, requests: 1),
    ]

    /// (results by route, wall time in seconds), from one run over every row.
    static let outcome: Result<([String: ProbeResult], Double), Error> = Result {
        let server = try SharedServer.get()
        let prober = LinkProber(policy: fastPolicy())
        let start = Date()
        let results = prober.run(rows.map { ProbeTarget(url: remoteURL(server.url($0.prefix, $0.route)), wantsAnchors: false) })
        let elapsed = Date().timeIntervalSince(start)
        return (Dictionary(uniqueKeysWithValues: zip(rows.map(\.route), results)), elapsed)
    }

    @Test(arguments: rows)
    func verdictAndRequestCount(_ row: Row) throws {
        let (results, _) = try Self.outcome.get()
        let result = try #require(results[row.route])
        #expect(result.status == row.status)
        switch (row.failure, result.failure) {
        case (.redirectLoop?, .redirectLoop(let chain)?):
            #expect(chain.count == 3)
            #expect(chain.first == chain.last)
        case (.connectionLost?, .connectionLost?):
            break
        default:
            #expect(result.failure == row.failure)
        }
        #expect(result.redirects == row.redirects)
        #expect(result.retries == row.retries)
        let server = try SharedServer.get()
        // Redirect hops are counted at their own paths; this is the first URL's count.
        let seen = try server.requests(row.prefix, row.route)
        if row.route == "reset" {
            // libcurl itself resends on a fresh connection when a reused keep-alive one turns out
            // dead, so the server sees each of our attempts once or more.
            #expect(seen >= row.requests)
        } else {
            #expect(seen == row.requests)
        }
        #expect(result.requests == row.requests + row.redirects)
    }

    @Test func theSlowRoutesOverlapInsteadOfAddingUp() throws {
        let (_, elapsed) = try Self.outcome.get()
        // later waits 1 s (Retry-After), slow times out twice at 0.5 s: in parallel, well under 3 s.
        #expect(elapsed < 3)
    }

    @Test func aHugeBodyIsNeverDownloaded() throws {
        _ = try Self.outcome.get()
        let counts = try SharedServer.get().counts()
        let sent = counts["/t/p-huge/huge"]?["bytes"] ?? 0
        #expect(sent < 64 * 1024 * 1024, "the server wrote \(sent) bytes of a 2 GiB body")
    }

    @Test func redirectsAreFollowedToTheirTargets() throws {
        _ = try Self.outcome.get()
        let server = try SharedServer.get()
        // redirect/chain → redirect/ok → ok: each hop once; the loop stops before a second lap.
        #expect(try server.requests("p-redirect-chain", "redirect/ok") == 1)
        #expect(try server.requests("p-redirect-chain", "ok") == 1)
        #expect(try server.requests("p-loop-a", "loop/b") == 1)
    }

    /// Timeouts of any size reach curl as whole milliseconds without trapping: `--timeout inf`,
    /// `timeout = 1e300` in TOML and `"timeout": "99999999999999999999d"` in a markdown-link-check
    /// file all crashed the tool before.
    @Test(
        arguments: [
            (0.5, 500), (0.0001, 1), (0, 1), (-3, 1), (2_147_483.647, 2_147_483_647), (1e300, 2_147_483_647),
            (Double.infinity, 2_147_483_647), (Double.nan, 2_147_483_647),
        ] as [(Double, Int)])
    func timeoutsOfAnySizeBecomeCurlMilliseconds(seconds: Double, milliseconds: Int) {
        #expect(CurlTransfer.milliseconds(seconds) == milliseconds)
    }

    @Test func anEndlessTimeoutStillGetsAnAnswer() throws {
        let server = try SharedServer.get()
        var policy = fastPolicy()
        policy.totalTimeout = .infinity
        policy.connectTimeout = 1e300
        let results = LinkProber(policy: policy).run([ProbeTarget(url: remoteURL(server.url("p-endless", "ok")), wantsAnchors: false)])
        #expect(results.first?.status == 200)
    }

    @Test func unreachableHostIsReportedAsSuch() {
        var policy = fastPolicy()
        policy.connectTimeout = 1
        let results = LinkProber(policy: policy).run([ProbeTarget(url: remoteURL("http://127.0.0.1:1/x"), wantsAnchors: false)])
        guard case .unreachable? = results.first?.failure else {
            Issue.record("expected unreachable, got \(String(describing: results.first))")
            return
        }
    }

    @Test func headersAreSentOnlyWhereTheirPrefixMatches() throws {
        let server = try SharedServer.get()
        let secretURL = server.url("headers", "secret")
        let prefix = "http://127.0.0.1:\(server.port)/t/headers/"
        let prober = LinkProber(policy: fastPolicy()) { url in
            url.hasPrefix(prefix) ? ["X-Api-Key: s3cr3t-value"] : []
        }
        let results = prober.run([
            ProbeTarget(url: remoteURL(secretURL), wantsAnchors: false),
            ProbeTarget(url: remoteURL(server.url("headers", "redirect/other-host")), wantsAnchors: false),
        ])
        #expect(results[0].status == 200)
        #expect(results[1].status == 200)
        #expect(results[1].redirects == 1)
        // The redirect went to another host name: the header stayed behind.
        let counts = try server.counts()
        #expect(counts["/t/headers/leak-check"]?["secret"] == 0)
        #expect(counts["/t/headers/redirect/other-host"]?["secret"] == 1)
    }

    @Test func pagesAreReadForAnchorsWhenAsked() throws {
        let server = try SharedServer.get()
        let results = LinkProber(policy: fastPolicy()).run([ProbeTarget(url: remoteURL(server.url("anchors", "page")), wantsAnchors: true)])
        let anchors = try #require(results.first?.anchors)
        #expect(anchors == ["install", "user-content-usage", "legacy"])
        #expect(try server.counts()["/t/anchors/page"]?["GET"] == 1)
    }

    @Test func perHostConcurrencyBoundsTheRequestsInFlight() throws {
        // Six answers of 200 ms each: two at a time take three rounds, six at a time one.
        let server = try SharedServer.get()
        func wallTime(limit: Int, test: String) -> (Double, [ProbeResult]) {
            var policy = fastPolicy()
            policy.hostConcurrency = limit
            let targets = (0..<6).map { ProbeTarget(url: remoteURL(server.url(test, "sleep/200?n=\($0)")), wantsAnchors: false) }
            let start = Date()
            let results = LinkProber(policy: policy).run(targets)
            return (Date().timeIntervalSince(start), results)
        }
        let (serial, serialResults) = wallTime(limit: 2, test: "limit-2")
        let (parallel, parallelResults) = wallTime(limit: 6, test: "limit-6")
        #expect((serialResults + parallelResults).allSatisfy { $0.status == 200 })
        #expect(serial >= 0.6)
        #expect(parallel < 0.55)
    }
}
