import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starting a loopback test server written in Python (`Fixtures/links/*.py`) and talking to its
/// control routes: shared by `LinkTestServer` and `LinkFaultServer`.
enum PythonServer {
    /// Runs `python3 Fixtures/<script> <arguments>` with its stdin on a pipe (the server exits when
    /// the pipe closes, so it never outlives the test process) and returns its first stdout line.
    /// - Throws: `LinkTestServer.StartError` when python3 is missing or no line comes within 10 s.
    static func start(script: String, arguments: [String]) throws -> (Running, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", FixturePaths.fixture(script).path] + arguments
        let stdout = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw LinkTestServer.StartError.noPython }

        // Read the first line with a bound on the wait.
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
        guard box.wait(seconds: 10), let line = box.value, !line.isEmpty else {
            process.terminate()
            try? stdin.fileHandleForWriting.close()
            throw LinkTestServer.StartError.noPort(box.value ?? "")
        }
        return (Running(process: process, stdin: stdin), line)
    }

    /// A started server: ended by `stop()`, by `deinit`, or at the latest when the test process
    /// exits and the server's stdin closes.
    final class Running: @unchecked Sendable {
        private let process: Process
        private let stdin: Pipe

        init(process: Process, stdin: Pipe) {
            self.process = process
            self.stdin = stdin
        }

        deinit {
            stop()
        }

        /// Ends the server now (idempotent).
        func stop() {
            if process.isRunning { process.terminate() }
            try? stdin.fileHandleForWriting.close()
        }
    }

    /// HTTP/1.0 GET of `path` on 127.0.0.1:`port` over a plain socket (which keeps FoundationNetworking
    /// out of the test support target), waiting at most 10 s; returns the body.
    static func get(port: Int, path: String) -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var limit = timeval(tv_sec: 10, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
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
