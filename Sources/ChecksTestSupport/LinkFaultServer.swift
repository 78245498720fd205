import Foundation

/// The misbehaving loopback servers of `Fixtures/links/fault_server.py`, one port each: a server that
/// accepts and never answers, one that trickles a byte a second, one that sends headers without end,
/// one that declares a 10 GiB body, an HTTPS server with a self-signed certificate made at start, and a
/// port that refuses connections. Stopped like `LinkTestServer` (stdin pipe, `stop()`, `deinit`).
public final class LinkFaultServer: @unchecked Sendable {
    /// The servers by name: silent, trickle, headers, huge, tls, refused, stats.
    public let ports: [String: Int]
    private let server: PythonServer.Running

    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    public init() throws {
        let (server, line) = try PythonServer.start(script: "links/fault_server.py", arguments: [])
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        var ports: [String: Int] = [:]
        for (name, value) in object ?? [:] {
            if let port = value as? Int { ports[name] = port }
        }
        guard ports["tls"] != nil, ports["silent"] != nil else {
            server.stop()
            let reason = (object?["error"] as? String) ?? "the fault server printed no ports: \(line)"
            throw StartError(description: reason)
        }
        self.ports = ports
        self.server = server
    }

    /// Ends the servers now (idempotent).
    public func stop() {
        server.stop()
    }

    /// `http://127.0.0.1:PORT/<path>` of the named server (`https` for `tls`).
    public func url(_ server: String, _ path: String = "") -> String {
        "\(server == "tls" ? "https" : "http")://127.0.0.1:\(ports[server] ?? 1)/\(path)"
    }

    /// Bytes the `headers` and `huge` servers managed to send so far (the kernel's socket buffers
    /// included): what a client that stops early still let through.
    public func bytesSent() -> [String: Int] {
        guard let port = ports["stats"], let body = PythonServer.get(port: port, path: "/"),
            let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Int]
        else { return [:] }
        return object
    }
}
