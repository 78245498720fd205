import ChecksCore
import ChecksTestSupport
import Foundation
import Testing

/// The five executables are one toolkit: `--version` prints the same value on every one, the value
/// reports carry (`ToolkitVersion.current`), and scripts/install relies on each generating its shell
/// completions and the help dump that ArgumentParser's generate-manual reads.
@Suite struct VersionCLITests {
    static let tools = ["check-doc-refs", "verify-doc-index", "check-doc-links", "check-coverage", "compare-benchmarks"]

    /// Outside any git work tree and without a configuration file: `--version` must not depend on either.
    static func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autogit-version-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: tools)
    func versionIsTheToolkitVersion(_ tool: String) throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ToolProcess.run(tool, ["--version"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == ToolkitVersion.current + "\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func everyToolPrintsTheSameVersion() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let versions = try Set(Self.tools.map { try ToolProcess.run($0, ["--version"], in: folder).stdout })
        #expect(versions == [ToolkitVersion.current + "\n"])
    }

    @Test(arguments: tools)
    func completionScriptsAndManualInput(_ tool: String) throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for shell in ["bash", "zsh", "fish"] {
            let run = try ToolProcess.run(tool, ["--generate-completion-script", shell], in: folder)
            #expect(run.status == 0, "\(tool) \(shell): \(run.stderr)")
            #expect(run.stdout.contains(tool), "\(tool) \(shell)")
        }
        // generate-manual reads this JSON dump; the man page's name and version come from it.
        let dump = try ToolProcess.run(tool, ["--experimental-dump-help"], in: folder)
        #expect(dump.status == 0, "\(dump.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any]
        let command = json?["command"] as? [String: Any]
        #expect(command?["commandName"] as? String == tool)
    }
}
