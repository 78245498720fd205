import Foundation

/// Runs a built executable of this package the way a user or CI would, and captures what it did.
public struct ToolProcess: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

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

    /// Runs `tool` with `arguments` in `directory`, with `environment` added to a clean one.
    public static func run(
        _ tool: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) throws -> ToolProcess {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent(tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let inherited = ProcessInfo.processInfo.environment
        var env = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1"]
        // Under `swift test --enable-code-coverage` the tools' own profiles join the test run's.
        if let profile = inherited["LLVM_PROFILE_FILE"] { env["LLVM_PROFILE_FILE"] = profile }
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a large report cannot fill a pipe and deadlock.
        let errData = ErrorCollector(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolProcess(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.finish(), as: UTF8.self))
    }
}

/// Drains a pipe on a background thread.
private final class ErrorCollector: @unchecked Sendable {
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
