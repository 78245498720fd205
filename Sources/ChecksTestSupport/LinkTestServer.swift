import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The loopback HTTP server of `Fixtures/links/server.py`, started by a test suite and stopped with
/// it: the server exits when its stdin closes, so it never outlives the test process, and `stop()`
/// (or `deinit`) terminates it earlier. Requests are counted per path; tests that share one server
/// use their own `/t/NAME/` prefix (see `url(_:_:)`) so their counts do not mix.
public final class LinkTestServer: @unchecked Sendable {
    public let port: Int
    private let server: PythonServer.Running

    public enum StartError: Error, CustomStringConvertible {
        case noPython
        case noPort(String)

        public var description: String {
            switch self {
            case .noPython: "python3 is needed for the link tests' HTTP server"
            case .noPort(let output): "the link test server did not print its port within 10 s: \(output)"
            }
        }
    }

    /// Starts the server; `delay` is the `/u/N` routes' answer time in seconds.
    public init(delay: Double = 0) throws {
        let (server, line) = try PythonServer.start(
            script: "links/server.py", arguments: delay > 0 ? ["--delay", "\(delay)"] : [])
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            server.stop()
            throw StartError.noPort(line)
        }
        self.port = port
        self.server = server
    }

    /// Ends the server now (idempotent).
    public func stop() {
        server.stop()
    }

    /// `http://127.0.0.1:PORT/t/<test>/<route>`, e.g. `url("dedupe", "ok")`.
    public func url(_ test: String, _ route: String) -> String {
        "http://127.0.0.1:\(port)/t/\(test)/\(route)"
    }

    /// Requests seen so far: path → ("GET", "HEAD", "bytes", "secret") → count.
    public func counts() throws -> [String: [String: Int]] {
        guard let body = PythonServer.get(port: port, path: "/__counts"),
            let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: [String: Int]]
        else {
            return [:]
        }
        return object
    }

    /// Requests (GET + HEAD) to `/t/<test>/<route>`.
    public func requests(_ test: String, _ route: String) throws -> Int {
        let entry = try counts()["/t/\(test)/\(route)"] ?? [:]
        return (entry["GET"] ?? 0) + (entry["HEAD"] ?? 0)
    }
}

/// A value handed from a reader thread to a waiting test.
final class LineBox: @unchecked Sendable {
    private let lock = NSCondition()
    private(set) var value: String?
    private var done = false

    func set(_ text: String?) {
        lock.lock()
        value = text
        done = true
        lock.broadcast()
        lock.unlock()
    }

    func wait(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        lock.lock()
        defer { lock.unlock() }
        while !done {
            if !lock.wait(until: deadline) { return false }
        }
        return true
    }
}
