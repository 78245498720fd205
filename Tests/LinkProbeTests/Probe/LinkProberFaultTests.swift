import ChecksTestSupport
import Foundation
import Testing

@testable import LinkProbe

/// Servers that misbehave (`Fixtures/links/fault_server.py`): each fault gets its verdict, within the
/// configured timeouts, and no body is read further than needed. Every fault goes through one prober
/// run (so the slow ones overlap), with 2 s timeouts and no retries; each finish time is recorded.
@Suite struct LinkProberFaultTests {
    static let timeout = 2.0
    /// Slack for a loaded 2-core machine: process scheduling, libcurl's poll granularity.
    static let margin = 1.5

    static let server: Result<LinkFaultServer, Error> = Result { try LinkFaultServer() }

    static func policy() -> ProbePolicy {
        var policy = ProbePolicy()
        policy.connectTimeout = timeout
        policy.totalTimeout = timeout
        policy.retryCount = 0
        return policy
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        /// Server name and path, or a whole URL (`url:…`).
        var server: String
        var path = ""
        var wantsAnchors = false
        var status: Int?
        /// What the failure must be; nil when a status is expected.
        var failure: (@Sendable (ProbeFailure) -> Bool)?
        /// The verdict comes at the timeout (true) or well before it (false).
        var waitsForTimeout = false
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "accepts and never answers", server: "silent", failure: { $0 == .timedOut(timeout) }, waitsForTimeout: true),
        Row(name: "trickles one byte a second", server: "trickle", failure: { $0 == .timedOut(timeout) }, waitsForTimeout: true),
        Row(name: "endless headers", server: "headers", failure: { $0 == .headersTooLarge(256 * 1024) }),
        // HEAD: the 10 GiB Content-Length comes with no body.
        Row(name: "10 GiB content-length, HEAD", server: "huge", status: 200),
        // HEAD refused, so GET: aborted at the first body byte.
        Row(name: "10 GiB content-length, GET", server: "huge", path: "nohead", status: 200),
        // GET for anchors: 2 MiB read, then aborted.
        Row(name: "10 GiB content-length, anchors", server: "huge", path: "page", wantsAnchors: true, status: 200),
        Row(
            name: "self-signed certificate", server: "tls",
            failure: {
                guard case .tls(let reason) = $0 else { return false }
                return reason.contains("self-signed") || reason.contains("self signed")
            }),
        Row(
            name: "refused port", server: "refused",
            failure: {
                guard case .unreachable(let reason) = $0 else { return false }
                return reason.hasPrefix("could not connect to 127.0.0.1:") && !reason.contains("within")
            }),
        Row(
            name: "unresolvable host", server: "url:http://no-such-host.invalid/",
            failure: {
                guard case .unreachable(let reason) = $0 else { return false }
                return reason.hasPrefix("could not resolve no-such-host.invalid")
            }),
    ]

    static func url(_ row: Row, _ server: LinkFaultServer) -> String {
        row.server.hasPrefix("url:") ? String(row.server.dropFirst(4)) : server.url(row.server, row.path)
    }

    /// (result, seconds from the start of the run to its verdict) by row name.
    static let outcome: Result<[String: (ProbeResult, Double)], Error> = Result {
        let faults = try server.get()
        let start = Date()
        let finished = FinishTimes()
        var prober = LinkProber(policy: policy())
        prober.onFinish = { index, _ in finished.record(index, Date().timeIntervalSince(start)) }
        let results = prober.run(rows.map { ProbeTarget(url: remoteURL(url($0, faults)), wantsAnchors: $0.wantsAnchors) })
        var byName: [String: (ProbeResult, Double)] = [:]
        for (index, row) in rows.enumerated() {
            byName[row.name] = (results[index], finished.seconds(index))
        }
        return byName
    }

    @Test(arguments: rows)
    func verdictWithinTheTimeout(_ row: Row) throws {
        let (result, seconds) = try #require(try Self.outcome.get()[row.name])
        #expect(result.status == row.status, "\(result)")
        if let failure = row.failure {
            let actual = try #require(result.failure, "expected a failure, got \(result)")
            #expect(failure(actual), "unexpected failure: \(actual.description)")
        } else {
            #expect(result.failure == nil, "\(result.failure?.description ?? "")")
        }
        // One attempt (retryCount 0): at the timeout at the latest, and quickly when no wait is involved.
        #expect(seconds <= Self.timeout + Self.margin, "verdict after \(seconds) s")
        if row.waitsForTimeout {
            #expect(seconds >= Self.timeout - 0.1, "verdict after \(seconds) s, before the timeout")
        } else {
            #expect(seconds < Self.timeout, "verdict after \(seconds) s: it should not wait for the timeout")
        }
        #expect(result.requests == 1 + (row.path == "nohead" ? 1 : 0))
    }

    @Test func aPageReadForAnchorsStopsAtTheByteLimit() throws {
        let (result, _) = try #require(try Self.outcome.get()["10 GiB content-length, anchors"])
        #expect(result.truncated)
        #expect(result.anchors == [])
    }

    @Test func neitherTheHugeBodyNorTheEndlessHeadersAreDownloaded() throws {
        _ = try Self.outcome.get()
        let sent = try Self.server.get().bytesSent()
        // What the servers wrote includes the kernel's socket buffers (a few MiB on loopback) before
        // the client hung up: far from 10 GiB, and from the 64 MiB the header server would send.
        let huge = try #require(sent["huge"])
        let headers = try #require(sent["headers"])
        #expect(huge < 48 * 1024 * 1024, "the huge server wrote \(huge) bytes")
        #expect(headers < 32 * 1024 * 1024, "the header server wrote \(headers) bytes")
    }

    @Test func insecureAcceptsTheSelfSignedCertificate() throws {
        let server = try Self.server.get()
        var policy = Self.policy()
        policy.verifyTLS = false
        let results = LinkProber(policy: policy).run([
            ProbeTarget(url: remoteURL(server.url("tls")), wantsAnchors: false),
            ProbeTarget(url: remoteURL(server.url("tls", "page#secure")), wantsAnchors: true),
        ])
        #expect(results.map(\.status) == [200, 200])
        #expect(results.allSatisfy { $0.failure == nil })
        #expect(results[1].anchors == ["secure"])
    }

    @Test func retriedTimeoutsStayWithinAttemptsTimesTheTimeout() throws {
        // One retry after a 0.1 s back-off: two attempts of 1 s each, and the endless headers are not
        // retried (a server that does that once does it again).
        let server = try Self.server.get()
        var policy = Self.policy()
        policy.totalTimeout = 1
        policy.retryCount = 1
        policy.retryWait = 0.1
        let start = Date()
        let results = LinkProber(policy: policy).run([
            ProbeTarget(url: remoteURL(server.url("silent", "retried")), wantsAnchors: false),
            ProbeTarget(url: remoteURL(server.url("headers", "retried")), wantsAnchors: false),
        ])
        let elapsed = Date().timeIntervalSince(start)
        #expect(results[0].failure == .timedOut(1))
        #expect(results[0].requests == 2)
        #expect(results[1].failure == .headersTooLarge(256 * 1024))
        #expect(results[1].requests == 1)
        #expect(elapsed >= 2)
        #expect(elapsed <= 2 * 1 + 0.2 + Self.margin)
    }
}

/// Finish times written from the prober's thread, read after `run` returns.
private final class FinishTimes: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [Int: Double] = [:]

    func record(_ index: Int, _ seconds: Double) {
        lock.lock()
        times[index] = seconds
        lock.unlock()
    }

    func seconds(_ index: Int) -> Double {
        lock.lock()
        defer { lock.unlock() }
        return times[index] ?? .infinity
    }
}
