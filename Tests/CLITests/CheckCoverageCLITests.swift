import ChecksTestSupport
import Foundation
import Testing

/// End to end: the built `check-coverage` on the committed reports (made by coverage.py, gcovr,
/// llvm-cov and JaCoCo), checking stdout, stderr and the exit code.
@Suite struct CheckCoverageCLITests {
    static let tool = "check-coverage"

    func fixture(_ name: String) -> URL { FixturePaths.fixture("coverage/\(name)") }

    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("check-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func coveragePyFixturePassesWithTheExpectedTable() throws {
        let run = try ToolProcess.run(Self.tool, ["--root", ".", "--no-new-code", "--critical", "src/app/critical/**"], in: fixture("python"))
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        assertGolden(run.stdout, path: "coverage/python/expected.txt", comparingJSON: false)
    }

    @Test func jsonHasGatesAndFiles() throws {
        let run = try ToolProcess.run(
            Self.tool, ["--root", ".", "--no-new-code", "--critical", "src/app/critical/**=95", "--format", "json"], in: fixture("python"))
        #expect(run.status == 1)
        assertGolden(run.stdout, path: "coverage/python/expected.json", comparingJSON: true)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let gates = try #require(json["gates"] as? [[String: Any]])
        #expect(gates.map { $0["name"] as? String } == ["overall", "critical"])
        #expect(gates[1]["pattern"] as? String == "src/app/critical/**")
        #expect(gates[1]["passed"] as? Bool == false)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.first { $0["path"] as? String == "src/app/core.py" }?["missing_lines"] as? [Int] == [16, 31, 32, 33, 34])
    }

    @Test(arguments: [
        ("gcovr", "coverage.xml", [String](), 1),
        ("gcovr", "coverage.info", [], 1),
        ("gcovr", "coverage.xml", ["--fail-under", "50"], 0),
        ("jacoco", "jacoco.xml", ["--fail-under", "62.5"], 0),
        ("jacoco", "jacoco.xml", ["--fail-under", "63"], 1),
        ("swift-lcov", "coverage.info", ["--fail-under", "58.8", "--precision", "1"], 0),
    ])
    func everyProducerGatesWithItsOwnTotals(folder: String, report: String, extra: [String], status: Int32) throws {
        let run = try ToolProcess.run(Self.tool, [report, "--root", ".", "--no-new-code"] + extra, in: fixture(folder))
        #expect(run.status == status, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("TOTAL"))
    }

    @Test func gcovrFixtureFailsWithTheExpectedTable() throws {
        let run = try ToolProcess.run(Self.tool, ["coverage.xml", "coverage.info", "--root", ".", "--no-new-code"], in: fixture("gcovr"))
        #expect(run.status == 1)
        assertGolden(run.stdout, path: "coverage/gcovr/expected.txt", comparingJSON: false)
    }

    @Test func ciPathsNeedNoHelpButSrcRootIsHonoured() throws {
        for extra in [[], ["--src-root", "/home/runner/work/demo/demo"]] {
            let run = try ToolProcess.run(Self.tool, ["coverage-ci-paths.xml", "--root", ".", "--no-new-code"] + extra, in: fixture("python"))
            #expect(run.status == 0)
            #expect(run.stdout.contains("src/app/core.py"))
            #expect(run.stdout.contains("0 warnings"))
        }
    }

    @Test(arguments: [
        (["nope.xml"], "nope.xml: no such report"),
        (["--critical", "src/nothing/**"], "critical pattern 'src/nothing/**' matches no file"),
        (["--fail-under", "101"], "fail-under 101.0 is not a percentage"),
        (["--root", "/usr"], "no file in the report exists in the repository"),
    ])
    func badInputExitsTwoWithOneLine(arguments: [String], message: String) throws {
        var args = ["--root", ".", "--no-new-code"] + arguments
        if arguments.first == "--root" { args = arguments + ["--no-new-code"] }
        let run = try ToolProcess.run(Self.tool, args, in: fixture("python"))
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("check-coverage: error: "))
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func hostileReportExitsTwoQuickly() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><coverage>&x;</coverage>".utf8)
            .write(to: folder.appendingPathComponent("coverage.xml"))
        let start = Date()
        let run = try ToolProcess.run(Self.tool, ["--no-new-code"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("coverage.xml: the report declares or uses xml entities"))
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func configurationAndCoveragePySettings() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = fixture("python")
        for item in ["src", "coverage.xml"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        // coverage.py's fail_under applies when [coverage] leaves it unset: 84.4 % < 85.
        try Data("[tool.coverage.report]\nfail_under = 85\nprecision = 1\n".utf8).write(to: folder.appendingPathComponent("pyproject.toml"))
        var run = try ToolProcess.run(Self.tool, ["--no-new-code"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.contains("84.4%"))
        // Ours wins over coverage.py's.
        try Data("[coverage]\nfail_under = 84\nnew_code = false\ncritical = {\"src/app/critical/**\" = 92}\n".utf8)
            .write(to: folder.appendingPathComponent(".autogit-checks.toml"))
        run = try ToolProcess.run(Self.tool, [], in: folder)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        run = try ToolProcess.run(Self.tool, ["--print-config"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.contains("fail_under = 84.0"))
        #expect(run.stdout.contains("critical = { \"src/app/critical/**\" = 92.0 }"))
        try Data("[coverage]\nfail_unde = 84\n".utf8).write(to: folder.appendingPathComponent(".autogit-checks.toml"))
        run = try ToolProcess.run(Self.tool, [], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("did you mean 'fail_under'?"))
    }

    /// New code end to end in a real repository: a branch adds an uncovered function; `github`
    /// annotates the uncovered lines and appends the step summary.
    @Test func newCodeGateInAGitRepository() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", folder.path] + arguments
            process.environment = [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder.path,
                "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        try git("init", "-q", "-b", "main")
        try write("app.py", "def a():\n    return 1\n")
        try git("add", ".")
        try git("commit", "-q", "-m", "base")
        try git("checkout", "-q", "-b", "feature")
        try write("app.py", "def a():\n    return 1\n\n\ndef b(x):\n    if x:\n        return 2\n    return 3\n")
        // As coverage.py would write it: b() never ran.
        try write(
            "coverage.xml",
            """
            <?xml version="1.0" ?>
            <coverage><sources><source></source></sources><packages><package name="."><classes>
            <class filename="app.py"><methods/><lines><line number="1" hits="1"/><line number="2" hits="1"/>
            <line number="5" hits="1"/><line number="6" hits="0"/><line number="7" hits="0"/><line number="8" hits="0"/>
            </lines></class></classes></package></packages></coverage>
            """)
        try Data(".gitignore\ncoverage.xml\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        let summary = folder.appendingPathComponent("summary.md")
        try Data().write(to: summary)
        let run = try ToolProcess.run(
            Self.tool, ["--compare-branch", "main", "--fail-under", "50", "--format", "github"], in: folder,
            environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains(
                "::warning file=app.py,line=6,col=1,title=check-coverage (uncovered-new-code)::lines 6-8 are new and not covered by tests"))
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.contains("new-code"))
        #expect(text.contains("1/4"))

        let json = try ToolProcess.run(
            Self.tool, ["--compare-branch", "main", "--fail-under", "50", "--new-code-fail-under", "25", "--format", "json"], in: folder)
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"name\": \"new-code\""))
    }

    @Test func badgeIsWritten() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let badge = folder.appendingPathComponent("coverage.svg").path
        let run = try ToolProcess.run(Self.tool, ["--root", ".", "--no-new-code", "--badge", badge], in: fixture("python"))
        #expect(run.status == 0)
        let svg = try String(contentsOfFile: badge, encoding: .utf8)
        #expect(svg.contains(">84.4%</text>"))
    }

    @Test func usageErrorExitsSixtyFour() throws {
        let run = try ToolProcess.run(Self.tool, ["--no-such-flag"], in: fixture("python"))
        #expect(run.status == 64)
    }
}
