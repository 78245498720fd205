import ChecksTestSupport
import Foundation
import Testing

/// End to end: the built `check-doc-refs` on fixture trees, checking stdout, stderr and the exit code.
@Suite struct CheckDocRefsCLITests {
    static let tool = "check-doc-refs"

    func fixture(_ name: String) -> URL { FixturePaths.fixture("refs/\(name)") }

    @Test func brokenTreeMatchesExpectedTextAndExitsOne() throws {
        let run = try ToolProcess.run(Self.tool, ["--root", "."], in: fixture("broken-tree"))
        #expect(run.status == 1)
        assertGolden(run.stdout, path: "refs/broken-tree/expected.txt", comparingJSON: false)
        #expect(run.stderr.isEmpty)
    }

    @Test func brokenTreeMatchesExpectedJSON() throws {
        let run = try ToolProcess.run(Self.tool, ["--root", ".", "--format", "json"], in: fixture("broken-tree"))
        #expect(run.status == 1)
        assertGolden(run.stdout, path: "refs/broken-tree/expected.json", comparingJSON: true)
    }

    @Test(arguments: ["text", "json", "github", "sarif", "junit", "markdown"])
    func everyFormatRendersAndKeepsTheExitCode(_ format: String) throws {
        let run = try ToolProcess.run(Self.tool, ["--root", ".", "--format", format], in: fixture("broken-tree"))
        #expect(run.status == 1)
        #expect(run.stdout.contains("missing-anchor"))
        if format == "json" || format == "sarif" {
            #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil)
        }
    }

    @Test func cleanTreeExitsZero() throws {
        let run = try ToolProcess.run(Self.tool, ["--root", "."], in: fixture("clean-tree"))
        #expect(run.status == 0)
        assertGolden(run.stdout, path: "refs/clean-tree/expected.txt", comparingJSON: false)
    }

    @Test func exitZeroReportsButPasses() throws {
        let run = try ToolProcess.run(Self.tool, ["--root", ".", "--exit-zero"], in: fixture("broken-tree"))
        #expect(run.status == 0)
        #expect(run.stdout.contains("[missing-file]"))
    }

    @Test func unknownConfigKeyIsBadInput() throws {
        let run = try ToolProcess.run(Self.tool, ["--root", "."], in: fixture("bad-config"))
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr
                == "check-doc-refs: error: .autogit-checks.toml: unknown key 'exlude' in [doc-refs] (known keys: exclude, ignore, orphans); did you mean 'exclude'?\n"
        )
    }

    @Test func missingPathIsBadInput() throws {
        let run = try ToolProcess.run(Self.tool, ["no-such-folder"], in: fixture("clean-tree"))
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-folder"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: [["--no-such-flag"], ["--format", "yaml"]])
    func usageErrorsExitSixtyFour(_ arguments: [String]) throws {
        let run = try ToolProcess.run(Self.tool, arguments, in: fixture("clean-tree"))
        #expect(run.status == 64)
    }

    @Test func outputFileIsWrittenInsteadOfStdout() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autogit-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("report.sarif").path
        let run = try ToolProcess.run(Self.tool, ["--root", ".", "--format", "sarif", "--output", target], in: fixture("broken-tree"))
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let written = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect((try? JSONSerialization.jsonObject(with: written)) != nil)
    }

    @Test func githubFormatAppendsTheStepSummary() throws {
        let summary = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString).md")
        try Data("previous step\n".utf8).write(to: summary)
        defer { try? FileManager.default.removeItem(at: summary) }
        let run = try ToolProcess.run(
            Self.tool, ["--root", ".", "--format", "github"], in: fixture("broken-tree"),
            environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("::error file=docs/README.md,line=4,col=3"))
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("previous step\n"))
        #expect(text.contains("check-doc-refs"))
    }

    @Test func versionIsTheToolkitVersion() throws {
        let run = try ToolProcess.run(Self.tool, ["--version"], in: fixture("clean-tree"))
        #expect(run.status == 0)
        #expect(run.stdout == "0.1.0\n")
    }

    /// From a folder inside the root, the paths inside messages are relative to that folder too,
    /// like each finding's own location.
    @Test func messagesNamePathsFromTheWorkingDirectory() throws {
        let tree = try TemporaryTree()
        try tree.write("docs/guide/a.md", "[x](../gone.md) [y](b.md#nowhere)\n")
        try tree.write("docs/guide/b.md", "# B\n")
        let run = try ToolProcess.run(
            "check-doc-refs", ["--root", "../..", "."], in: URL(fileURLWithPath: tree.root + "/docs/guide"))
        #expect(run.status == 1)
        #expect(run.stdout.contains("a.md:1:1: error: file not found: ../gone.md [missing-file]"), "\(run.stdout)")
        #expect(run.stdout.contains("a.md:1:17: error: no heading or anchor #nowhere in b.md"), "\(run.stdout)")
    }
}
