import ChecksTestSupport
import Foundation
import Testing

@testable import Benchmarks

@Suite struct PytestBenchmarkReaderTests {
    @Test(arguments: ["runs/baseline/run-1.json", "runs/current/run-3.json", "mismatch/baseline.json"])
    func readsEveryBenchmarkWithTheFilesOwnStats(_ relative: String) throws {
        let file = try BenchFixtures.read(relative)
        let expected = try BenchFixtures.pytestStats(relative)
        #expect(file.format == .pytestBenchmark)
        #expect(file.benchmarks.count == expected.count)
        for benchmark in file.benchmarks {
            let stats = try #require(expected[benchmark.fullname])
            let run = try #require(benchmark.runs.first)
            #expect(benchmark.runs.count == 1)
            // JSONSerialization (swift-corelibs-foundation) rounds some decimals one ulp off, so the
            // independent decoder is compared within a few ulps; `decoderIsExact` pins exactness.
            for (value, key) in [
                (run.min, "min"), (run.max, "max"), (run.mean, "mean"), (run.median, "median"), (run.stddev ?? .nan, "stddev"),
                (run.iqr ?? .nan, "iqr"),
            ] {
                let other = try #require(stats[key] as? Double)
                #expect(abs(value - other) <= 4 * other.ulp, "\(key): \(value) vs \(other)")
            }
            #expect(run.rounds == stats["rounds"] as? Int)
            #expect(benchmark.fullname.hasPrefix("tests/benchmarks/test_demo.py::"))
        }
    }

    /// The reader must see exactly the double Python wrote (crosscheck verdicts at a threshold's edge
    /// depend on it): 3.6843000088992994e-05 is what pytest-benchmark wrote into run-1.json.
    @Test func decoderIsExact() throws {
        let file = try BenchFixtures.read("runs/baseline/run-1.json")
        let sumSmall = try #require(file.benchmarks.first { $0.name == "test_sum_small" })
        #expect(sumSmall.runs[0].min == Double("3.6843000088992994e-05"))
        #expect(sumSmall.runs[0].min != 3.684300008899298e-05)
    }

    @Test func readsMachineFactsButNotTheClockSpeed() throws {
        let file = try BenchFixtures.read("runs/baseline/run-1.json")
        #expect(file.machine.map(\.key) == PytestBenchmarkReader.machineKeys)
        #expect(!file.machine.contains { $0.key.contains("hz") })
    }

    @Test func savedWithoutDataReadsTheSame() throws {
        let folder = BenchFixtures.path("storage/.benchmarks/Linux-CPython-3.11-64bit")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let withoutData = try #require(names.first { $0.hasPrefix("0002_") })
        let text = try String(contentsOfFile: folder + "/" + withoutData, encoding: .utf8)
        #expect(!text.contains("\"data\""))
        let file = try BenchmarkReaders.read(path: folder + "/" + withoutData, display: withoutData)
        #expect(file.benchmarks.count == 6)
        #expect(file.storageName?.number == "0002")
    }

    /// A file as pytest-benchmark 2.5 wrote it: no `ops`, `total`, `param`, `extra_info`, `iqr`.
    @Test func readsTheOldestSchema() throws {
        let file = try BenchFixtures.read(
            text: """
                {"machine_info": {"node": "x"}, "commit_info": {"id": "abc", "dirty": false},
                 "benchmarks": [{"group": null, "name": "test_a", "fullname": "tests/test_a.py::test_a",
                   "stats": {"min": 1e-6, "max": 3e-6, "mean": 2e-6, "median": 2e-6, "stddev": 1e-7, "rounds": 10}}],
                 "datetime": "2015-08-15T00:01:51.557705", "version": "2.5.0"}
                """)
        #expect(file.benchmarks.map(\.fullname) == ["tests/test_a.py::test_a"])
        #expect(file.benchmarks[0].runs[0].iqr == nil)
        #expect(file.machine.isEmpty)
    }

    @Test func machineInfoOfAnUnexpectedShapeIsIgnored() throws {
        let file = try BenchFixtures.read(
            text: """
                {"machine_info": {"cpu": "not an object", "python_version": 3.11},
                 "benchmarks": [{"name": "t", "fullname": "t.py::t", "stats": {"min": 1, "max": 1, "mean": 1, "median": 1, "rounds": 1}}]}
                """)
        #expect(file.machine.isEmpty)
    }

    /// Every broken input is one exit-2 line naming the file.
    @Test(arguments: [
        ("bad/empty.json", "bad/empty.json: empty file; expected pytest-benchmark, Google Benchmark or hyperfine JSON, or go test -bench output"),
        ("bad/truncated.json", "bad/truncated.json: not valid json: unexpected end of file"),
        ("bad/wrong-shape.json", "bad/wrong-shape.json: benchmarks is not an array"),
        ("bad/array.json", "bad/array.json: not a pytest-benchmark, Google Benchmark, hyperfine or go test -bench file"),
        ("bad/unknown.txt", "bad/unknown.txt: not a pytest-benchmark, Google Benchmark, hyperfine or go test -bench file"),
        ("bad/nan.json", "bad/nan.json: not valid json: a timing is NaN, which is not a number; re-run the benchmark"),
        (
            "bad/negative.json",
            "bad/negative.json: benchmark tests/benchmarks/test_demo.py::test_sum_small: min is negative (-1.5e-06); timings cannot be"
        ),
        ("bad/missing-stat.json", "bad/missing-stat.json: missing key 'median' in benchmarks[0].stats"),
        ("bad/no-such-file.json", "bad/no-such-file.json: cannot read: "),
    ])
    func badInputIsOneLineNamingTheFile(_ relative: String, _ message: String) throws {
        do {
            _ = try BenchFixtures.read(relative)
            Issue.record("expected an error for \(relative)")
        } catch let error as BenchmarkInputError {
            let text = try #require(error.errorDescription)
            #expect(text.hasPrefix(message), "\(text)")
            #expect(!text.contains("\n"))
        }
    }

    @Test func infinityAndNaNInStatsAreRejectedByName() throws {
        // JSON cannot hold NaN, but a reader could be handed a huge exponent that overflows to inf.
        #expect(throws: BenchmarkInputError.self) {
            try BenchFixtures.read(
                text: """
                    {"benchmarks": [{"name": "t", "fullname": "t.py::t", "stats": {"min": 1e999, "max": 1, "mean": 1, "median": 1, "rounds": 1}}]}
                    """)
        }
    }
}
