import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real temporary folder for file-system and git tests; call `remove()` in a `defer`.
///
/// `path` is resolved with realpath, so it compares equal to what git and FileDiscovery report even
/// where the temporary folder is behind a symlink (macOS /var → /private/var).
struct ScratchTree {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/autogit-checks-test-XXXXXX").utf8CString)
        // mkdtemp fills in the template in place; read it back while the buffer is still borrowed.
        let created: String? = template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        guard let created, let real = realpath(created, nil) else {
            throw ScratchTreeError.failed("mkdtemp: \(String(cString: strerror(errno)))")
        }
        defer { free(real) }
        path = String(cString: real)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func absolute(_ relative: String) -> String { path + "/" + relative }

    /// Writes `contents`, creating parent folders.
    func write(_ relative: String, _ contents: String = "# title\n") throws {
        let file = absolute(relative)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: file))
    }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: absolute(relative)))
    }

    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: absolute(relative), withIntermediateDirectories: true)
    }

    /// `ln -s target relative`; `target` is stored as given (relative targets resolve from the link).
    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: absolute(relative), withDestinationPath: target)
    }

    func fifo(_ relative: String) throws {
        guard mkfifo(absolute(relative), 0o644) == 0 else {
            throw ScratchTreeError.failed("mkfifo: \(String(cString: strerror(errno)))")
        }
    }

    /// Runs /usr/bin/git in the tree, isolated from the user's and system's git configuration.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments =
            [
                "-C", path, "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
            ] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ScratchTreeError.failed("git \(arguments.joined(separator: " ")): \(text)")
        }
        return text
    }
}

enum ScratchTreeError: Error, CustomStringConvertible {
    case failed(String)
    var description: String {
        switch self {
        case .failed(let message): message
        }
    }
}
