import ChecksCore
import Foundation
import Testing

@testable import Benchmarks

@Suite struct BenchmarkComparisonTests {
    func compareFixtures(_ baseline: String, _ current: String, _ options: ComparisonOptions = ComparisonOptions()) throws -> BenchmarkComparison {
        let inputs = CompareBenchmarks.Inputs(baseline: baseline, current: current, cwd: BenchFixtures.path(""))
        let (base, cur) = try CompareBenchmarks.read(inputs)
        return try BenchmarkComparison.compare(baseline: base, current: cur, options: options)
    }

    @Test func fiveRunsPerSideConfirmTheRealChanges() throws {
        let comparison = try compareFixtures("runs/baseline", "runs/current")
        let verdicts = Dictionary(uniqueKeysWithValues: comparison.results.map { ($0.name, $0.verdict) })
        #expect(verdicts["test_sort[100]"] == .regressed)
        #expect(verdicts["test_sort[1000]"] == .regressed)
        #expect(verdicts["test_sum_large"] == .improved)
        #expect(verdicts["test_join"] == .new)
        #expect(verdicts["test_format"] == .missing)
        #expect(verdicts["test_sleep"] == .unchanged)
        // Regressions first.
        #expect(comparison.results.first?.verdict == .regressed)
        #expect(comparison.results.map(\.verdict) == comparison.results.map(\.verdict).sorted())
        #expect(comparison.machineDifferences.isEmpty)
    }

    @Test func identicalRunsAreUnchanged() throws {
        let comparison = try compareFixtures("runs/baseline", "runs/baseline")
        #expect(comparison.results.allSatisfy { $0.verdict == .unchanged && $0.changePercent == 0 })
    }

    @Test func aDifferentMachineIsAWarning() throws {
        let comparison = try compareFixtures("mismatch/baseline.json", "runs/baseline/run-1.json")
        #expect(comparison.machineDifferences.map(\.key) == ["cpu.brand_raw", "python_version"])
        let report = ComparisonReport.build(comparison, cwd: BenchFixtures.path(""))
        let warning = try #require(report.diagnostics.first { $0.rule == "machine-mismatch" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("not comparable"))
        #expect(warning.message.contains("python_version '3.12.1' vs '3.11.7'"))
    }

    @Test func missingFailsOnlyWhenAskedTo() throws {
        let lenient = try compareFixtures("runs/baseline/run-1.json", "runs/current/run-1.json")
        let missing = try #require(lenient.results.first { $0.verdict == .missing })
        #expect(!lenient.fails(missing))
        let strict = try compareFixtures("runs/baseline/run-1.json", "runs/current/run-1.json", ComparisonOptions(failOnMissing: true))
        #expect(strict.fails(try #require(strict.results.first { $0.verdict == .missing })))
        let report = ComparisonReport.build(strict, cwd: BenchFixtures.path(""))
        #expect(report.diagnostics.contains { $0.rule == "missing-benchmark" && $0.severity == .error && $0.file == "runs/baseline/run-1.json" })
    }

    @Test func strictFailsSuspectSlowdownsOnly() throws {
        let base = BenchFixtures.side(["slower": [1.0], "faster": [1.0]])
        let current = BenchFixtures.side(["slower": [1.3], "faster": [0.7]])
        let lenient = try BenchmarkComparison.compare(baseline: base, current: current, options: ComparisonOptions())
        #expect(lenient.results.allSatisfy { $0.verdict == .suspect && !lenient.fails($0) })
        let strict = try BenchmarkComparison.compare(baseline: base, current: current, options: ComparisonOptions(strict: true))
        #expect(strict.results.filter { strict.fails($0) }.map(\.fullname) == ["slower"])
    }

    @Test func failOnReplacesTheDefaultRule() throws {
        let comparison = try compareFixtures(
            "runs/baseline/run-1.json", "runs/current/run-1.json",
            ComparisonOptions(failOn: [try FailOnExpression(parsing: "min:5%")]))
        #expect(!comparison.results.contains { $0.verdict == .suspect || $0.verdict == .improved })
        #expect(comparison.results.contains { $0.verdict == .regressed })
    }

    @Test func nothingInCommonIsAWarningNotAFailure() throws {
        let comparison = try BenchmarkComparison.compare(
            baseline: BenchFixtures.side(["a": [1]]), current: BenchFixtures.side(["b": [1]]), options: ComparisonOptions())
        let report = ComparisonReport.build(comparison, cwd: "/")
        #expect(report.passed)
        #expect(report.diagnostics.contains { $0.rule == "nothing-compared" })
    }

    @Test(arguments: [
        ("google/baseline.json", "google/current.json", "BM_Sort/4096"),
        ("hyperfine/baseline.json", "hyperfine/current.json", "slow"),
        ("go/baseline.txt", "go/current.txt", "example.com/textutil::BenchmarkParse-2"),
    ])
    func everyFormatFindsItsRealRegression(_ baseline: String, _ current: String, _ regressed: String) throws {
        let comparison = try compareFixtures(baseline, current)
        #expect(comparison.results.filter { $0.verdict == .regressed }.map(\.fullname) == [regressed])
    }
}
