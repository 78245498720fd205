/// The rule ids of the remote phase, with one-line descriptions for SARIF and `--list-rules`.
public enum RemoteLinkRules {
    public static let deadLink = "dead-link"
    public static let linkFailed = "link-failed"
    public static let malformedURL = "malformed-url"
    public static let missingRemoteFragment = "missing-remote-fragment"
    public static let hostUnreachable = "host-unreachable"
    /// `-v` only.
    public static let linkOK = "link-ok"
    public static let linkIgnored = "link-ignored"
    public static let linkSkipped = "link-skipped"

    /// (id, severity, description) in display order.
    public static let all: [(id: String, severity: String, summary: String)] = [
        (deadLink, "error", "a remote link answers with a status that is not alive (404, 410, 500 …)"),
        (linkFailed, "error", "a remote link got no answer: timeout, reset connection, endless headers, redirect loop, refused redirect, tls error"),
        (malformedURL, "error", "a remote link is not a url that can be requested"),
        (missingRemoteFragment, "error", "a remote link's #fragment is no id or name on the page (--remote-fragments)"),
        (hostUnreachable, "error", "every link to a host failed to connect: one summary per host"),
        (linkOK, "note", "a remote link is alive (-v)"),
        (linkIgnored, "note", "a remote link matches an ignore pattern (-v)"),
        (linkSkipped, "note", "a link with a scheme other than http and https is not checked (-v)"),
    ]

    public static var descriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.summary) })
    }

    /// Reason phrases (RFC 9110 §15) for the statuses link checks meet, lower-case.
    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "ok"
        case 201: "created"
        case 202: "accepted"
        case 203: "non-authoritative information"
        case 204: "no content"
        case 206: "partial content"
        case 300: "multiple choices"
        case 301: "moved permanently"
        case 302: "found"
        case 303: "see other"
        case 304: "not modified"
        case 307: "temporary redirect"
        case 308: "permanent redirect"
        case 400: "bad request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not found"
        case 405: "method not allowed"
        case 406: "not acceptable"
        case 408: "request timeout"
        case 410: "gone"
        case 429: "too many requests"
        case 451: "unavailable for legal reasons"
        case 500: "internal server error"
        case 501: "not implemented"
        case 502: "bad gateway"
        case 503: "service unavailable"
        case 504: "gateway timeout"
        default: ""
        }
    }

    static func statusText(_ status: Int) -> String {
        let phrase = phrase(status)
        return phrase.isEmpty ? "\(status)" : "\(status) \(phrase)"
    }
}
