import ChecksTestSupport
import Foundation
import Testing

@testable import Benchmarks

@Suite struct GoogleBenchmarkReaderTests {
    @Test func readsEachRepetitionAsOneRun() throws {
        let file = try BenchFixtures.read("google/baseline.json")
        #expect(file.format == .googleBenchmark)
        #expect(file.benchmarks.map(\.fullname) == ["BM_Sum/1000", "BM_Sum/10000", "BM_Sort/4096"])
        for benchmark in file.benchmarks {
            #expect(benchmark.runs.count == 5)
            #expect(benchmark.runs.allSatisfy { $0.isSingleValue && $0.min > 0 && $0.min < 1e-3 })
        }
        #expect(file.machine.contains { $0.key == "num_cpus" })
    }

    @Test(arguments: [("ns", 1500.0, 1.5e-6), ("us", 1.5, 1.5e-6), ("ms", 2.0, 2e-3), ("s", 0.25, 0.25)])
    func convertsTimeUnitsToSeconds(_ unit: String, _ value: Double, _ seconds: Double) throws {
        let file = try BenchFixtures.read(
            text: """
                {"context": {"num_cpus": 2}, "benchmarks": [
                  {"name": "BM_X", "run_name": "BM_X", "run_type": "iteration", "iterations": 10, "real_time": \(value), "cpu_time": 1, "time_unit": "\(unit)"}]}
                """)
        let run = try #require(file.benchmarks.first?.runs.first)
        #expect(abs(run.min - seconds) <= seconds * 1e-12)
    }

    @Test func aggregatesOnlyFileUsesTheMean() throws {
        let file = try BenchFixtures.read(
            text: """
                {"context": {}, "benchmarks": [
                  {"name": "BM_X_mean", "run_name": "BM_X", "run_type": "aggregate", "aggregate_name": "mean", "iterations": 3, "real_time": 10, "time_unit": "ns"},
                  {"name": "BM_X_median", "run_name": "BM_X", "run_type": "aggregate", "aggregate_name": "median", "iterations": 3, "real_time": 9, "time_unit": "ns"},
                  {"name": "BM_Bad", "run_name": "BM_Bad", "run_type": "iteration", "error_occurred": true, "error_message": "x", "iterations": 0, "real_time": 0, "time_unit": "ns"}]}
                """)
        #expect(file.benchmarks.map(\.fullname) == ["BM_X"])
        #expect(file.benchmarks[0].runs.map(\.min) == [10e-9])
    }
}

@Suite struct HyperfineReaderTests {
    @Test func readsEveryTimeAsOneRun() throws {
        let file = try BenchFixtures.read("hyperfine/current.json")
        #expect(file.format == .hyperfine)
        #expect(file.benchmarks.map(\.fullname) == ["fast", "slow"])
        #expect(file.benchmarks.allSatisfy { $0.runs.count == 6 })
        let slow = try #require(file.benchmarks.last)
        #expect(slow.runs.allSatisfy { $0.min >= 0.03 })
    }

    @Test func withoutTimesTheSummaryIsOneRun() throws {
        let file = try BenchFixtures.read(
            text: """
                {"results": [{"command": "sleep 0.01", "mean": 0.012, "stddev": null, "median": 0.012, "user": 0, "system": 0, "min": 0.012, "max": 0.012}]}
                """)
        let run = try #require(file.benchmarks.first?.runs.first)
        #expect(run.mean == 0.012 && run.stddev == nil && !run.isSingleValue)
    }
}

@Suite struct GoTestBenchReaderTests {
    @Test func readsResultLinesQualifiedByPackage() throws {
        let file = try BenchFixtures.read("go/baseline.txt")
        #expect(file.format == .goTestBench)
        #expect(
            file.benchmarks.map(\.fullname) == [
                "example.com/textutil::BenchmarkSplit/words=10-2",
                "example.com/textutil::BenchmarkSplit/words=1000-2",
                "example.com/textutil::BenchmarkParse-2",
            ])
        #expect(file.benchmarks.allSatisfy { $0.runs.count == 5 })
        #expect(file.machine.map(\.key) == ["goos", "goarch", "cpu"])
    }

    @Test(arguments: [
        ("BenchmarkX-8   1000   123.5 ns/op", 123.5e-9),
        ("BenchmarkX-8\t1000\t123 ns/op\t16 B/op\t1 allocs/op", 123e-9),
        ("BenchmarkX-8   1000   5.00 MB/s   200 ns/op", 200e-9),
        ("Benchmark   10   1 ns/op", 1e-9),
    ])
    func parsesResultLines(_ line: String, _ seconds: Double) throws {
        let result = try #require(GoTestBenchReader.parseResult(Substring(line)))
        #expect(abs(result.nanoseconds * 1e-9 - seconds) < 1e-18)
    }

    @Test(arguments: ["Benchmarking is fun 1 2 ns/op", "BenchmarkX-8 abc 12 ns/op", "BenchmarkX-8 10 12 B/op", "PASS", "goos: linux"])
    func ignoresOtherLines(_ line: String) {
        #expect(GoTestBenchReader.parseResult(Substring(line)) == nil)
    }
}

@Suite struct ReaderRegistryTests {
    @Test func everyFormatHasOneReader() {
        #expect(Set(BenchmarkReaders.all.map { $0.format }) == Set(InputFormat.allCases))
        #expect(BenchmarkReaders.all.count == InputFormat.allCases.count)
    }

    @Test(arguments: [
        ("runs/baseline/run-1.json", InputFormat.pytestBenchmark), ("google/baseline.json", .googleBenchmark),
        ("hyperfine/baseline.json", .hyperfine), ("go/baseline.txt", .goTestBench),
    ])
    func formatIsSniffedFromContent(_ relative: String, _ format: InputFormat) throws {
        // Renamed to a neutral name: the extension plays no part.
        let data = try Data(contentsOf: URL(fileURLWithPath: BenchFixtures.path(relative)))
        #expect(try BenchmarkReaders.read(data, path: "input").format == format)
    }
}
