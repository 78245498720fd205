/// How the prober talks to servers: limits, timeouts, retries. Times are in seconds.
public struct ProbePolicy: Sendable, Equatable {
    /// Requests in flight to one host (scheme, host and port) at a time.
    public var hostConcurrency = 8
    /// Requests in flight in total.
    public var maxConcurrency = 64
    public var connectTimeout = 10.0
    /// From the start of a request to its last byte (one attempt, one redirect hop).
    public var totalTimeout = 10.0
    /// Retries after a 429/503, a timeout, a reset connection or a 5xx; 0 = none.
    public var retryCount = 2
    /// Whether a 429 is retried at all (markdown-link-check's `retryOn429`).
    public var retryOn429 = true
    /// Wait before retrying a 429/503 that sent no usable `Retry-After`.
    public var fallbackRetryDelay = 60.0
    /// First back-off for other retries; doubles with each attempt.
    public var retryWait = 1.0
    /// Longest wait honoured from `Retry-After` (and from `fallbackRetryDelay`).
    public var maxRetryWait = 60.0
    /// Redirects followed before giving up.
    public var maxRedirects = 10
    /// Bytes of a page read to find its anchors (`--remote-fragments`).
    public var maxBodyBytes = 2 * 1024 * 1024
    /// Bytes of response headers read for one request (every header line, interim 1xx responses
    /// included) before the server is cut off: a server that sends headers without end must not hold
    /// a run until the timeout or fill memory. libcurl's own cap (300 KB since 8.3, and in Debian's
    /// 7.88) ends such a transfer as a receive error, which would be retried as a lost connection.
    public var maxHeaderBytes = 256 * 1024
    /// Verify the server's certificate chain and host name (`--insecure` turns both off).
    public var verifyTLS = true
    public var userAgent = "check-doc-links/\(LinkProbeVersion.current)"

    public init() {}
}

enum LinkProbeVersion {
    static let current = "0.1.0"
}
