import ChecksTestSupport
import Foundation
import Testing

/// End to end: the built `compare-benchmarks` on the fixtures in `Fixtures/bench/`, checking stdout,
/// stderr and the exit code.
@Suite struct CompareBenchmarksCLITests {
    static let tool = "compare-benchmarks"
    static let bench = FixturePaths.fixture("bench")

    func run(_ arguments: [String], in folder: URL = bench, environment: [String: String] = [:]) throws -> ToolProcess {
        try ToolProcess.run(Self.tool, arguments, in: folder, environment: environment)
    }

    func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compare-benchmarks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func fiveRunsPerSideMatchTheExpectedTableAndExitOne() throws {
        let result = try run(["runs/baseline", "runs/current"])
        #expect(result.status == 1)
        assertGolden(result.stdout, path: "bench/expected/runs.txt", comparingJSON: false)
        #expect(result.stderr.isEmpty)
    }

    @Test func fiveRunsPerSideMatchTheExpectedJSON() throws {
        let result = try run(["runs/baseline", "runs/current", "--format", "json"])
        #expect(result.status == 1)
        assertGolden(result.stdout, path: "bench/expected/runs.json", comparingJSON: true)
    }

    @Test func failOnMatchesTheExpectedTable() throws {
        let result = try run(["runs/baseline/run-1.json", "runs/current/run-1.json", "--fail-on", "min:5%", "--fail-on", "mean:0.00001"])
        #expect(result.status == 1)
        assertGolden(result.stdout, path: "bench/expected/fail-on.txt", comparingJSON: false)
    }

    @Test(arguments: [
        ["runs/baseline", "runs/baseline"], ["google/baseline.json", "google/baseline.json"], ["go/baseline.txt", "go/baseline.txt"],
    ])
    func identicalInputsPass(_ arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("compare-benchmarks: passed"))
    }

    @Test func jsonHasTheSharedShapeAndTheBenchmarksKey() throws {
        let result = try run(["hyperfine/baseline.json", "hyperfine/current.json", "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Array(object.keys).sorted() == ["benchmarks", "diagnostics", "inputs", "passed", "rule", "summary", "tool", "version"])
        let benchmarks = try #require(object["benchmarks"] as? [[String: Any]])
        #expect(benchmarks.map { $0["name"] as? String } == ["slow", "fast"])
        #expect(benchmarks.map { $0["verdict"] as? String } == ["regressed", "unchanged"])
        #expect(benchmarks[0]["statistic"] as? String == "min")
        #expect((benchmarks[0]["p_value"] as? Double ?? 1) < 0.05)
    }

    @Test(arguments: [
        "bad/empty.json", "bad/truncated.json", "bad/wrong-shape.json", "bad/array.json", "bad/nan.json",
        "bad/negative.json", "bad/missing-stat.json", "bad/unknown.txt", "bad/no-such-file.json",
    ])
    func badInputExitsTwoWithOneLineNamingTheFile(_ file: String) throws {
        for arguments in [[file, "runs/current"], ["runs/baseline", file]] {
            let result = try run(arguments)
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("compare-benchmarks: error: \(file): "), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test(arguments: [
        ["runs/baseline", "runs/current", "--fail-on", "min:5.5%"],
        ["runs/baseline", "runs/current", "--fail-on", "ops:5%"],
        ["runs/baseline", "runs/current", "--threshold", "-1"],
        ["runs/baseline"],
        ["runs/baseline", "runs/current", "--format", "yaml"],
        ["runs/baseline", "runs/current", "--no-such-flag"],
    ])
    func usageErrorsExitSixtyFour(_ arguments: [String]) throws {
        #expect(try run(arguments).status == 64)
    }

    @Test func storageIDsAndStrict() throws {
        let lenient = try run(["0001", "0002"], in: Self.bench.appendingPathComponent("storage"))
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("suspect"))
        let strict = try run(["0003", "0002", "--strict"], in: Self.bench.appendingPathComponent("storage"))
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("error: tests/benchmarks/test_demo.py::test_sort"))
        let elsewhere = try run(["0001", "Linux-*/0002", "--storage", "storage/.benchmarks", "--format", "json"])
        #expect(elsewhere.status == 0)
        #expect(elsewhere.stdout.contains("\"label\": \"0001 ("))
    }

    @Test func failOnMissingAndExitZero() throws {
        let args = ["runs/baseline/run-1.json", "runs/current/run-1.json"]
        #expect(try run(args).status == 0)
        let failing = try run(args + ["--fail-on-missing"])
        #expect(failing.status == 1)
        #expect(
            failing.stdout.contains(
                "error: tests/benchmarks/test_demo.py::test_format is in the baseline but not in the current run [missing-benchmark]"))
        #expect(try run(args + ["--fail-on-missing", "--exit-zero"]).status == 0)
    }

    @Test func machineMismatchIsAWarning() throws {
        let result = try run(["mismatch/baseline.json", "runs/baseline/run-1.json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("warning: baseline and current ran on different machines"))
        #expect(result.stdout.contains("[machine-mismatch]"))
    }

    @Test func chartIsWrittenAtomically() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chart = folder.appendingPathComponent("change.svg").path
        let result = try run(["runs/baseline", "runs/current", "--chart", chart])
        #expect(result.status == 1)
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.contains("test_sort[1000]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["change.svg"])
    }

    @Test func githubFormatAnnotatesAndAppendsTheTableToTheStepSummary() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = folder.appendingPathComponent("summary.md")
        try Data("previous step\n".utf8).write(to: summary)
        let result = try run(["go/baseline.txt", "go/current.txt", "--format", "github"], environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(result.status == 1)
        #expect(
            result.stdout.hasPrefix(
                "::error file=go/current.txt,line=15,col=1,title=compare-benchmarks (regression)::example.com/textutil::BenchmarkParse-2 is "))
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("previous step\n### ❌ compare-benchmarks: failed"))
        #expect(text.contains("| benchmark | baseline | current | change | verdict | p | runs |"))
        #expect(text.contains("| example.com/textutil::BenchmarkParse-2 |"))
    }

    @Test func configurationSetsPerBenchmarkThresholds() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("[benchmarks]\nthreshold = 10\nthresholds = {\"*sort*\" = 80}\n".utf8)
            .write(to: folder.appendingPathComponent(".autogit-checks.toml"))
        let base = Self.bench.appendingPathComponent("runs/baseline").path
        let current = Self.bench.appendingPathComponent("runs/current").path
        let result = try run([base, current, "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let benchmarks = try #require(object["benchmarks"] as? [[String: Any]])
        let sort = try #require(benchmarks.first { ($0["name"] as? String)?.hasSuffix("test_sort[1000]") == true })
        #expect(sort["verdict"] as? String == "unchanged")
        #expect(sort["threshold"] as? Double == 80)
        #expect(result.status == 0)
        let printed = try run(["x", "y", "--print-config", "--threshold", "7"], in: folder)
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("threshold = 7.0"))
        #expect(printed.stdout.contains("\"*sort*\" = 80.0"))
    }

    @Test func unknownConfigKeyIsBadInput() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("[benchmarks]\ntreshold = 10\n".utf8).write(to: folder.appendingPathComponent(".autogit-checks.toml"))
        let result = try run(["a", "b"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown key 'treshold'"))
    }
}
