/// Why a request got no HTTP answer worth judging.
public enum ProbeFailure: Sendable, Equatable {
    /// DNS failure, connection refused or connect timeout: the host was never reached.
    case unreachable(String)
    /// The total timeout passed (seconds).
    case timedOut(Double)
    /// The connection broke: reset, closed without a reply, a truncated reply.
    case connectionLost(String)
    /// Certificate or handshake problems.
    case tls(String)
    /// The response headers went past the policy's byte limit (bytes); reading stopped there.
    case headersTooLarge(Int)
    /// A redirect came back to a URL already visited; the chain as followed.
    case redirectLoop([String])
    /// More than the policy's redirects.
    case tooManyRedirects(Int)
    /// A redirect to a scheme other than http and https (`file:`, `ftp:` …), refused.
    case disallowedRedirect(String)
    /// Anything else libcurl reported.
    case other(String)

    /// Lower-case, for messages.
    public var description: String {
        switch self {
        case .unreachable(let reason): "host unreachable: \(reason)"
        case .timedOut(let seconds): "timed out after \(ProbeFailure.seconds(seconds))"
        case .connectionLost(let reason): "connection lost (\(reason))"
        case .tls(let reason): "tls error (\(reason))"
        case .headersTooLarge(let limit): "response headers larger than \(limit / 1024) KiB, reading stopped"
        case .redirectLoop(let chain): "redirect loop (\(chain.joined(separator: " → ")))"
        case .tooManyRedirects(let limit): "too many redirects (more than \(limit))"
        case .disallowedRedirect(let target): "redirect to \(target) refused: only http and https are followed"
        case .other(let reason): reason
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// What probing one URL found out.
public struct ProbeResult: Sendable, Equatable {
    /// The final HTTP status after redirects; nil when `failure` is set.
    public var status: Int?
    public var failure: ProbeFailure?
    /// Redirects followed.
    public var redirects = 0
    /// The URL that gave the final answer.
    public var finalURL: String
    /// `id` and `name` anchors of the page, when its body was read for them.
    public var anchors: Set<String>?
    /// The body was cut at the policy's byte limit before the end.
    public var truncated = false
    /// Requests sent for this URL (HEAD, GET fallback, retries, redirect hops).
    public var requests = 0
    /// Retries after 429/503/timeouts/resets.
    public var retries = 0

    public init(status: Int?, failure: ProbeFailure? = nil, finalURL: String) {
        self.status = status
        self.failure = failure
        self.finalURL = finalURL
    }
}
