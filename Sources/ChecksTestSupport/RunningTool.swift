import Foundation

/// A built executable of this package started in the background, for tests that act on it while it
/// runs (send a signal, watch a file) and then collect what it did.
public final class RunningTool: @unchecked Sendable {
    /// How the process ended.
    public enum Ending: Equatable, Sendable, CustomStringConvertible {
        /// exit(status)
        case exited(Int32)
        /// Killed by this signal (no handler, or the default action).
        case signalled(Int32)

        public var description: String {
            switch self {
            case .exited(let status): "exit \(status)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }
    }

    private let process: Process
    private let out = Pipe()
    private let err = Pipe()
    private let outData: PipeDrain
    private let errData: PipeDrain
    public let started = Date()

    /// Starts `tool` with `arguments` in `directory`, with `environment` added to a clean one (as
    /// `ToolProcess.run` does).
    public init(_ tool: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = ToolProcess.productsDirectory.appendingPathComponent(tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let inherited = ProcessInfo.processInfo.environment
        var env = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1"]
        if let profile = inherited["LLVM_PROFILE_FILE"] { env["LLVM_PROFILE_FILE"] = profile }
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        outData = PipeDrain(out.fileHandleForReading)
        errData = PipeDrain(err.fileHandleForReading)
    }

    public var pid: Int32 { process.processIdentifier }

    /// Sends `signal` (SIGINT, SIGTERM …) unless the process has already ended.
    public func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Waits until the process has handlers for all of `signals` (Linux: the `SigCgt` mask in
    /// /proc/PID/status; elsewhere a fixed 0.3 s), at most `seconds`. A signal sent before that would
    /// meet the default action and say nothing about the tool's own handling.
    /// - Returns: false when the handlers did not appear in time or the process ended first.
    public func waitUntilCatching(_ signals: [Int32], atMost seconds: Double = 10) -> Bool {
        #if os(Linux)
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline && process.isRunning {
                if let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
                    let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16),
                    signals.allSatisfy({ mask & (1 << UInt64($0 - 1)) != 0 })
                {
                    return true
                }
                usleep(1000)
            }
            return false
        #else
            usleep(300_000)
            return process.isRunning
        #endif
    }

    /// Waits for the end (at most `seconds`, then SIGKILL) and returns how it ended, its output and
    /// the seconds from start to end.
    public func wait(atMost seconds: Double = 30) -> (ending: Ending, stdout: String, stderr: String, elapsed: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline {
            usleep(2000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let elapsed = Date().timeIntervalSince(started)
        let ending: Ending =
            process.terminationReason == .exit
            ? .exited(process.terminationStatus) : .signalled(process.terminationStatus)
        return (ending, String(decoding: outData.finish(), as: UTF8.self), String(decoding: errData.finish(), as: UTF8.self), elapsed)
    }
}

/// Drains a pipe on a background thread, so a chatty process never blocks on a full pipe.
private final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
