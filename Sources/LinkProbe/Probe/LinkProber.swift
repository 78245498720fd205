import CCurl
import Dispatch
import Foundation

/// One URL to probe.
public struct ProbeTarget: Sendable, Hashable {
    public var url: RemoteURL
    /// Read the page (GET, up to the policy's byte limit) to collect its anchors.
    public var wantsAnchors: Bool

    public init(url: RemoteURL, wantsAnchors: Bool) {
        self.url = url
        self.wantsAnchors = wantsAnchors
    }
}

/// Probes URLs through one curl multi handle: each target once, at most `hostConcurrency` requests
/// per host and `maxConcurrency` in all, HEAD first and GET where HEAD is refused, redirects followed
/// here (so every hop is checked for its scheme and gets only the headers meant for it), retries
/// after 429/503 (`Retry-After`), timeouts, resets and 5xx.
///
/// `run` blocks the calling thread, which drives libcurl; the callbacks run on it too.
public struct LinkProber {
    public var policy: ProbePolicy
    /// Header lines (`Name: value`) for a request to this URL; evaluated per redirect hop.
    public var headers: (String) -> [String]
    /// Called on the prober's thread each time a target is done: (target index, result).
    public var onFinish: ((Int, ProbeResult) -> Void)?

    public init(policy: ProbePolicy, headers: @escaping (String) -> [String] = { _ in [] }) {
        self.policy = policy
        self.headers = headers
    }

    private struct Job {
        var target: Int
        var url: String
        var hostKey: String
        var isHead: Bool
        var body: CurlTransfer.BodyNeed
        /// Every URL requested on the way, the first one included.
        var chain: [String]
        var attempt = 0
        var notBefore: UInt64 = 0
    }

    /// Results in the order of `targets`.
    public func run(_ targets: [ProbeTarget]) -> [ProbeResult] {
        var results = [ProbeResult?](repeating: nil, count: targets.count)
        var requests = [Int](repeating: 0, count: targets.count)
        var retries = [Int](repeating: 0, count: targets.count)
        guard !targets.isEmpty else { return [] }
        guard let multi = CurlMulti(maxConnectionsPerHost: policy.hostConcurrency, maxConnections: policy.maxConcurrency) else {
            return targets.map { ProbeResult(status: nil, failure: .other("libcurl could not start"), finalURL: $0.url.withoutFragment) }
        }

        var queues: [String: [Job]] = [:]  // per host, FIFO (first element next)
        var hostOrder: [String] = []
        var delayed: [Job] = []
        var inFlight: [UnsafeMutableRawPointer: (job: Job, transfer: CurlTransfer)] = [:]
        var perHost: [String: Int] = [:]
        var pool: [CurlTransfer] = []
        var finishedCount = 0

        func enqueue(_ job: Job) {
            if queues[job.hostKey] == nil {
                queues[job.hostKey] = []
                hostOrder.append(job.hostKey)
            }
            queues[job.hostKey]?.append(job)
        }

        func finish(_ job: Job, _ result: ProbeResult) {
            var result = result
            result.requests = requests[job.target]
            result.retries = retries[job.target]
            result.redirects = max(0, job.chain.count - 1)
            results[job.target] = result
            finishedCount += 1
            onFinish?(job.target, result)
        }

        func start(_ job: Job) {
            let transfer = pool.popLast() ?? CurlTransfer()
            guard let transfer else {
                finish(job, ProbeResult(status: nil, failure: .other("libcurl could not create a handle"), finalURL: job.url))
                return
            }
            let request = CurlTransfer.Request(
                url: job.url, isHead: job.isHead, body: job.body, headers: headers(job.url),
                connectTimeout: policy.connectTimeout, totalTimeout: policy.totalTimeout, userAgent: policy.userAgent,
                verifyTLS: policy.verifyTLS, maxHeaderBytes: policy.maxHeaderBytes)
            guard transfer.prepare(request), multi.add(transfer) else {
                pool.append(transfer)
                finish(job, ProbeResult(status: nil, failure: .other("libcurl rejected the url"), finalURL: job.url))
                return
            }
            requests[job.target] += 1
            inFlight[transfer.easy] = (job, transfer)
            perHost[job.hostKey, default: 0] += 1
        }

        func retry(_ job: Job, after seconds: Double) {
            var next = job
            next.attempt += 1
            retries[job.target] += 1
            next.notBefore = Self.now() + UInt64(max(0, min(seconds, policy.maxRetryWait)) * 1e9)
            delayed.append(next)
        }

        func backoff(_ attempt: Int) -> Double {
            policy.retryWait * Double(1 << min(attempt, 10))
        }

        func complete(_ job: Job, _ transfer: CurlTransfer, _ code: CURLcode) {
            // Cut off on purpose, but not an answer: a server that sends headers without end would
            // do it again, so this is not retried.
            if transfer.headersTooLarge {
                finish(job, ProbeResult(status: nil, failure: .headersTooLarge(policy.maxHeaderBytes), finalURL: job.url))
                return
            }
            let answered = code == CURLE_OK || (code == CURLE_WRITE_ERROR && transfer.stoppedOnPurpose)
            guard answered else {
                let reason = Self.sentence(transfer.errorText(code))
                switch code {
                case CURLE_OPERATION_TIMEDOUT:
                    if !transfer.sentRequest {
                        let limit = ProbeFailure.seconds(min(policy.connectTimeout, policy.totalTimeout))
                        // The connect timeout covers the name lookup too; libcurl's text tells which
                        // of the two ran out ("Resolving timed out after …").
                        let verb = reason.hasPrefix("resolving timed out") ? "resolve" : "connect to"
                        finish(
                            job,
                            ProbeResult(
                                status: nil, failure: .unreachable("could not \(verb) \(Self.hostDisplay(job.url)) within \(limit)"),
                                finalURL: job.url))
                    } else if job.attempt < policy.retryCount {
                        retry(job, after: backoff(job.attempt))
                    } else {
                        finish(job, ProbeResult(status: nil, failure: .timedOut(policy.totalTimeout), finalURL: job.url))
                    }
                case CURLE_COULDNT_RESOLVE_HOST:
                    // Fixed wording (libcurl's adds timings), so reports are the same run to run.
                    finish(
                        job,
                        ProbeResult(
                            status: nil, failure: .unreachable("could not resolve \(Self.hostDisplay(job.url))"), finalURL: job.url))
                case CURLE_COULDNT_CONNECT:
                    finish(
                        job,
                        ProbeResult(
                            status: nil, failure: .unreachable("could not connect to \(Self.hostDisplay(job.url))"), finalURL: job.url))
                case CURLE_COULDNT_RESOLVE_PROXY:
                    finish(job, ProbeResult(status: nil, failure: .unreachable(reason), finalURL: job.url))
                case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM:
                    if job.attempt < policy.retryCount {
                        retry(job, after: backoff(job.attempt))
                    } else {
                        finish(job, ProbeResult(status: nil, failure: .connectionLost(reason), finalURL: job.url))
                    }
                case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
                    CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
                    finish(job, ProbeResult(status: nil, failure: .tls(reason), finalURL: job.url))
                default:
                    finish(job, ProbeResult(status: nil, failure: .other(reason), finalURL: job.url))
                }
                return
            }

            let status = transfer.responseCode
            if [301, 302, 303, 307, 308].contains(status), let next = transfer.redirectURL, !next.isEmpty {
                let lower = next.lowercased()
                guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
                    finish(job, ProbeResult(status: nil, failure: .disallowedRedirect(RemoteURL.redacted(next)), finalURL: job.url))
                    return
                }
                guard job.chain.count <= policy.maxRedirects else {
                    finish(job, ProbeResult(status: nil, failure: .tooManyRedirects(policy.maxRedirects), finalURL: job.url))
                    return
                }
                guard case .success(let parsed) = RemoteURL.parse(next) else {
                    finish(job, ProbeResult(status: nil, failure: .other("redirect to a malformed url"), finalURL: job.url))
                    return
                }
                let target = parsed.withoutFragment
                if job.chain.contains(target) {
                    finish(
                        job,
                        ProbeResult(
                            status: nil, failure: .redirectLoop((job.chain + [target]).map(RemoteURL.redacted)), finalURL: job.url))
                    return
                }
                var hop = job
                hop.url = target
                hop.hostKey = parsed.hostKey
                hop.chain.append(target)
                hop.attempt = 0
                enqueue(hop)
                return
            }
            if job.isHead, status == 405 || status == 501 || status == 403 {
                var get = job
                get.isHead = false
                get.body = .nothing
                enqueue(get)
                return
            }
            if status == 429 || status == 503 {
                let allowed = job.attempt < policy.retryCount && (status == 503 || policy.retryOn429)
                if allowed {
                    let hinted = transfer.retryAfter.flatMap { RetryAfter.seconds($0) }
                    retry(job, after: hinted ?? (status == 429 ? policy.fallbackRetryDelay : backoff(job.attempt)))
                    return
                }
            } else if [408, 500, 502, 504].contains(status), job.attempt < policy.retryCount {
                retry(job, after: backoff(job.attempt))
                return
            }
            var result = ProbeResult(status: status, finalURL: job.url)
            if case .upTo = job.body, (200..<300).contains(status) {
                let type = transfer.contentType?.lowercased() ?? "text/html"
                if type.contains("html") || type.contains("xml") {
                    result.anchors = HTMLAnchors.scan(transfer.body)
                } else {
                    result.anchors = []
                }
                result.truncated = transfer.truncated
            }
            finish(job, result)
        }

        for (index, target) in targets.enumerated() {
            let url = target.url.withoutFragment
            enqueue(
                Job(
                    target: index, url: url, hostKey: target.url.hostKey, isHead: !target.wantsAnchors,
                    body: target.wantsAnchors ? .upTo(policy.maxBodyBytes) : .none, chain: [url]))
        }

        while finishedCount < targets.count {
            let now = Self.now()
            if !delayed.isEmpty {
                let due = delayed.filter { $0.notBefore <= now }
                if !due.isEmpty {
                    delayed.removeAll { $0.notBefore <= now }
                    due.forEach(enqueue)
                }
            }
            // Round-robin over hosts so one big host does not starve the others.
            var started = true
            while started && inFlight.count < policy.maxConcurrency {
                started = false
                for host in hostOrder where inFlight.count < policy.maxConcurrency {
                    guard perHost[host, default: 0] < policy.hostConcurrency, var queue = queues[host], !queue.isEmpty else { continue }
                    let job = queue.removeFirst()
                    queues[host] = queue
                    start(job)
                    started = true
                }
            }
            // Hosts with nothing queued leave the rotation; `enqueue` brings them back.
            hostOrder.removeAll { host in
                guard queues[host]?.isEmpty ?? true else { return false }
                queues[host] = nil
                return true
            }

            multi.perform()
            let done = multi.finished()
            for (easy, code) in done {
                guard let (job, transfer) = inFlight.removeValue(forKey: easy) else { continue }
                multi.remove(transfer)
                perHost[job.hostKey, default: 1] -= 1
                complete(job, transfer, code)
                pool.append(transfer)
            }
            if done.isEmpty && finishedCount < targets.count {
                var wait = 1000
                if let soonest = delayed.map(\.notBefore).min() {
                    wait = soonest <= now ? 0 : Int((soonest - now) / 1_000_000) + 1
                }
                if inFlight.isEmpty && wait == 0 { continue }
                multi.poll(milliseconds: inFlight.isEmpty ? wait : min(wait, 100))
            }
        }
        return results.enumerated().map { index, result in
            result ?? ProbeResult(status: nil, failure: .other("not probed"), finalURL: targets[index].url.withoutFragment)
        }
    }

    static func hostDisplay(_ url: String) -> String {
        (try? RemoteURL.parse(url).get())?.hostDisplay ?? url
    }

    /// Monotonic nanoseconds.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// libcurl's messages start with a capital and may end with a period; ours do neither.
    static func sentence(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first, text.dropFirst().first?.isUppercase != true else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
