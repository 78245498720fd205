import Foundation
import Testing

@testable import Coverage

/// A temporary folder for one test, removed when the value is released.
final class Scratch {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `relative` (folders created) and returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
        return target.path
    }

    /// Runs git in the folder with a fixed identity; fails the test on a non-zero exit.
    func git(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", path] + arguments
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
            "HOME": path, "GIT_CONFIG_NOSYSTEM": "1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }
}

/// A Cobertura report from `(filename, [(line, hits, "c/t"?)])`.
func cobertura(_ files: [(String, [(Int, Int, String?)])], source: String = ".") -> String {
    var out =
        "<?xml version=\"1.0\" ?>\n<coverage version=\"test\">\n<sources><source>\(source)</source></sources>\n<packages><package name=\".\"><classes>\n"
    for (name, lines) in files {
        out += "<class name=\"\(name)\" filename=\"\(name)\"><methods/><lines>\n"
        for (number, hits, condition) in lines {
            if let condition {
                out += "<line number=\"\(number)\" hits=\"\(hits)\" branch=\"true\" condition-coverage=\"50% (\(condition))\"/>\n"
            } else {
                out += "<line number=\"\(number)\" hits=\"\(hits)\"/>\n"
            }
        }
        out += "</lines></class>\n"
    }
    return out + "</classes></package></packages>\n</coverage>\n"
}

/// A report with `total` statements of which `covered` ran, in one file `a.py`.
func coberturaWith(covered: Int, total: Int) -> String {
    cobertura([("a.py", (1...total).map { ($0, $0 <= covered ? 1 : 0, nil) })])
}
