import ChecksTestSupport
import Foundation

@testable import LinkProbe

/// One loopback server for the whole LinkProbeTests process; each test uses its own `/t/NAME/`
/// prefix, so parallel tests never read each other's request counts.
enum SharedServer {
    static let server: Result<LinkTestServer, Error> = Result { try LinkTestServer() }

    static func get() throws -> LinkTestServer { try server.get() }
}

/// Short timeouts and waits so the whole suite stays within a few seconds.
func fastPolicy() -> ProbePolicy {
    var policy = ProbePolicy()
    policy.connectTimeout = 2
    policy.totalTimeout = 0.5
    policy.retryCount = 1
    policy.retryWait = 0.05
    policy.fallbackRetryDelay = 0.1
    return policy
}

func remoteURL(_ text: String) -> RemoteURL {
    guard case .success(let url) = RemoteURL.parse(text) else { fatalError("test url \(text) does not parse") }
    return url
}
