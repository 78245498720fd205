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
    private let process: Process
    private let stdin: Pipe

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", FixturePaths.fixture("links/server.py").path] + (delay > 0 ? ["--delay", "\(delay)"] : [])
        let stdout = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw StartError.noPython }

        // Read the first line (the port) with a bound on the wait.
        let box = LineBox()
        let reader = stdout.fileHandleForReading
        let thread = Thread {
            var data = Data()
            while !data.contains(0x0A) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            box.set(String(decoding: data, as: UTF8.self))
        }
        thread.start()
        guard box.wait(seconds: 10), let line = box.value,
              let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw StartError.noPort(box.value ?? "")
        }
        self.port = port
        self.process = process
        self.stdin = stdin
    }

    deinit {
        stop()
    }

    /// Ends the server now (idempotent).
    public func stop() {
        if process.isRunning { process.terminate() }
        try? stdin.fileHandleForWriting.close()
    }

    /// `http://127.0.0.1:PORT/t/<test>/<route>`, e.g. `url("dedupe", "ok")`.
    public func url(_ test: String, _ route: String) -> String {
        "http://127.0.0.1:\(port)/t/\(test)/\(route)"
    }

    /// Requests seen so far: path → ("GET", "HEAD", "bytes", "secret") → count.
    public func counts() throws -> [String: [String: Int]] {
        let url = URL(string: "http://127.0.0.1:\(port)/__counts")!
        let semaphore = DispatchSemaphore(value: 0)
        let box = LineBox()
        // A plain socket read keeps FoundationNetworking out of the test support target.
        let thread = Thread {
            box.set(Self.get(host: "127.0.0.1", port: self.port, path: url.path))
            semaphore.signal()
        }
        thread.start()
        guard semaphore.wait(timeout: .now() + 10) == .success, let body = box.value,
              let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: [String: Int]] else {
            return [:]
        }
        return object
    }

    /// Requests (GET + HEAD) to `/t/<test>/<route>`.
    public func requests(_ test: String, _ route: String) throws -> Int {
        let entry = try counts()["/t/\(test)/\(route)"] ?? [:]
        return (entry["GET"] ?? 0) + (entry["HEAD"] ?? 0)
    }

    /// HTTP/1.0 GET over a socket; returns the body.
    private static func get(host: String, port: Int, path: String) -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: \(host)\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var response = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        return String(text[split.upperBound...])
    }
}

/// A value handed from a reader thread to a waiting test.
private final class LineBox: @unchecked Sendable {
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
