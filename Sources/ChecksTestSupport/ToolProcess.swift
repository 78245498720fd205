import ChecksCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a built executable of this package the way a user or CI would, and captures what it did.
///
/// The child is started with `posix_spawn` in a process group of its own and reaped with `wait4`, so
/// a test also learns the signal that killed it (a crash), its peak memory, and whether it overran a
/// time limit; on a timeout the whole group is killed, so a hung tool (or a git it started) cannot
/// outlive the test. Foundation's `Process` reaps the child itself and exposes none of that.
public struct ToolProcess: Sendable {
    /// The exit status, or 128 + the signal number when a signal ended the child (as a shell says).
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// The signal that ended the child (SIGSEGV, SIGILL from a Swift trap, SIGKILL after a timeout), else nil.
    public var signal: Int32?
    /// True when the child overran its time limit and was killed.
    public var timedOut: Bool
    /// Peak resident memory of the child, in bytes (`ru_maxrss`).
    public var maxResidentBytes: Int
    /// Wall-clock time from spawn to exit, in seconds.
    public var seconds: Double

    /// The folder holding the built products (`.build/<triple>/debug`): the test runner lives there.
    public static var productsDirectory: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        var folder = Bundle.main.bundleURL
        for candidate in [runner.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("check-doc-refs").path) {
                folder = candidate
                break
            }
        }
        return folder
    }

    public enum SpawnError: Error, LocalizedError {
        case failed(String, reason: String)
        public var errorDescription: String? {
            switch self {
            case .failed(let tool, let reason): "cannot start \(tool): \(reason)"
            }
        }
    }

    /// Runs `tool` with `arguments` in `directory`, with `environment` added to a clean one.
    /// - Parameter timeout: seconds after which the child's process group is killed (`timedOut` is then true).
    public static func run(
        _ tool: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        timeout: Double = 120
    ) throws -> ToolProcess {
        let executable = productsDirectory.appendingPathComponent(tool).path
        let inherited = ProcessInfo.processInfo.environment
        var env = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1"]
        // Under `swift test --enable-code-coverage` the tools' own profiles join the test run's.
        if let profile = inherited["LLVM_PROFILE_FILE"] { env["LLVM_PROFILE_FILE"] = profile }
        env.merge(environment) { _, new in new }

        let output: ChildProcess.Output
        do {
            output = try ChildProcess.run(
                executable, arguments, environment: env, directory: directory.path, newProcessGroup: true, timeout: timeout)
        } catch ChildProcess.SpawnError.failed(let reason) {
            throw SpawnError.failed(tool, reason: reason)
        }
        return ToolProcess(
            status: output.status,
            stdout: String(decoding: output.stdout, as: UTF8.self),
            stderr: String(decoding: output.stderr, as: UTF8.self),
            signal: output.signal, timedOut: output.timedOut, maxResidentBytes: output.maxResidentBytes, seconds: output.seconds)
    }
}
