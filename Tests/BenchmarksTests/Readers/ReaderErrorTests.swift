import ChecksTestSupport
import Foundation
import Testing

@testable import Benchmarks

/// The exit-2 messages of bad benchmark inputs that the fixture table in PytestBenchmarkReaderTests
/// does not reach: null values, nested type errors, non-finite go timings, empty folders and
/// ambiguous storage ids. Each message must name the file and the place in it.
@Suite struct ReaderErrorTests {
    static func message(_ text: String, name: String) -> String? {
        do {
            _ = try BenchFixtures.read(text: text, name: name)
            return nil
        } catch {
            return (error as? BenchmarkInputError)?.errorDescription
        }
    }

    @Test(arguments: [
        // A null where a value must be: the path to it and what was expected.
        (#"{"results": null}"#, "h.json: results is null, expected an array"),
        (
            #"{"results": [{"command": "a", "mean": 1, "median": 1, "min": 1, "max": 1, "times": [0.5, null]}]}"#,
            "h.json: results[0].times[1] is null, expected a number"
        ),
        (
            #"{"results": [{"command": null, "mean": 1, "median": 1, "min": 1, "max": 1}]}"#,
            "h.json: results[0].command is null, expected a string"
        ),
        (
            #"{"results": [{"command": "a", "mean": 1, "median": 1, "min": 1, "max": 1, "times": {"x": 1}}]}"#,
            "h.json: results[0].times is not an array"
        ),
        (
            #"{"results": [{"command": ["a"], "mean": 1, "median": 1, "min": 1, "max": 1}]}"#,
            "h.json: results[0].command is not a string"
        ),
        (
            #"{"results": [{"mean": 1, "median": 1, "min": 1, "max": 1}]}"#,
            "h.json: missing key 'command' in results[0]"
        ),
        // hyperfine's summary is validated like every timing when there are no times.
        (
            #"{"results": [{"command": "a", "mean": 1, "median": 1, "min": -2, "max": 1}]}"#,
            "h.json: benchmark a: min is negative (-2.0); timings cannot be"
        ),
        (
            #"{"results": [{"command": "a", "mean": 1, "median": 1, "min": 1, "max": 1, "times": [0.1, -0.1]}]}"#,
            "h.json: benchmark a: a time is negative (-0.1); timings cannot be"
        ),
    ])
    func nestedProblemsNameThePath(_ text: String, _ expected: String) {
        #expect(Self.message(text, name: "h.json") == expected)
    }

    @Test func aWholeNumberThatIsNotWholeNamesItsPath() throws {
        // pytest-benchmark's `rounds` is an integer; 1.5 decodes as a corrupted value at that path.
        var object =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: BenchFixtures.path("runs/baseline/run-1.json")))) as? [String: Any] ?? [:]
        var benchmarks = object["benchmarks"] as? [[String: Any]] ?? []
        try #require(!benchmarks.isEmpty)
        var stats = benchmarks[0]["stats"] as? [String: Any] ?? [:]
        stats["rounds"] = 1.5
        benchmarks[0]["stats"] = stats
        object["benchmarks"] = benchmarks
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let message = try #require(Self.message(text, name: "p.json"))
        #expect(message.hasPrefix("p.json: "))
        #expect(!message.contains("\n") && !message.hasSuffix("."))
        // Foundation on Linux (Swift 6.3) reports 1.5-for-Int as "the given data was not valid JSON"
        // with no coding path; the reader decodes rounds as a number and names the benchmark.
        #expect(message.hasPrefix("p.json: benchmark "), "\(message)")
        #expect(message.hasSuffix("rounds is 1.5; a count of rounds is a whole number"), "\(message)")
    }

    @Test(arguments: [
        (
            #"{"context": {}, "benchmarks": [{"name": "BM_X", "real_time": 1, "time_unit": "fs"}]}"#,
            "g.json: benchmark BM_X: unknown time_unit 'fs'"
        ),
        (
            #"{"context": {}, "benchmarks": [{"name": "BM_X/8", "run_name": "BM_X", "time_unit": "ns"}]}"#,
            "g.json: benchmark BM_X: missing key 'real_time'"
        ),
    ])
    func googleBenchmarkEntriesThatCannotBeTimed(_ text: String, _ expected: String) {
        #expect(Self.message(text, name: "g.json") == expected)
    }

    @Test(arguments: [
        ("BenchmarkSum-8   100   NaN ns/op", "g.txt: benchmark BenchmarkSum-8: ns/op is NaN; re-run the benchmark"),
        ("BenchmarkSum-8   100   +Inf ns/op", "g.txt: benchmark BenchmarkSum-8: ns/op is infinite; re-run the benchmark"),
    ])
    func goTimingsThatAreNoNumbersAreRefused(_ text: String, _ expected: String) {
        #expect(Self.message(text + "\nPASS\n", name: "g.txt") == expected)
    }

    @Test func aNegativeGoTimingNamesThePackageQualifiedBenchmark() throws {
        let message = try #require(Self.message("pkg: example.com/m\nBenchmarkSum-8   100   -3 ns/op\n", name: "g.txt"))
        // The file's own number, not the seconds it converts to.
        #expect(message == "g.txt: benchmark example.com/m::BenchmarkSum-8: ns/op is negative (-3.0); timings cannot be")
    }

    @Test func goOutputWithoutAnyResultLineIsNoBenchmarkFile() {
        // Configuration lines alone are go test output, but hold nothing to compare.
        #expect(
            Self.message("goos: linux\ngoarch: amd64\nPASS\nok  \texample.com/m\t0.01s\n", name: "g.txt")
                == "g.txt: not a pytest-benchmark, Google Benchmark, hyperfine or go test -bench file")
    }

    @Test func anEmptyFolderSaysSo() throws {
        let tree = try TemporaryTree()
        try FileManager.default.createDirectory(atPath: tree.root + "/runs/.hidden", withIntermediateDirectories: true)
        let resolver = InputResolver(cwd: tree.root)
        do {
            _ = try resolver.resolve("runs")
            Issue.record("an empty folder resolved")
        } catch {
            #expect((error as? BenchmarkInputError)?.errorDescription == "runs: folder holds no benchmark files")
        }
    }

    @Test func anIdFoundForSeveralMachinesAsksForTheMachine() throws {
        let tree = try TemporaryTree()
        for machine in ["Linux-CPython-3.12-64bit", "Linux-CPython-3.11-64bit"] {
            try tree.write(".benchmarks/\(machine)/0001_abc.json", "{}")
        }
        do {
            _ = try InputResolver(cwd: tree.root).resolve("0001")
            Issue.record("an ambiguous id resolved")
        } catch {
            #expect(
                (error as? BenchmarkInputError)?.errorDescription
                    == "0001: storage id matches files of several machines (Linux-CPython-3.11-64bit, Linux-CPython-3.12-64bit); write MACHINE/0001 or pass --storage"
            )
        }
        let files = try InputResolver(cwd: tree.root).resolve("Linux-CPython-3.11-64bit/0001")
        #expect(files.map(\.display) == [".benchmarks/Linux-CPython-3.11-64bit/0001_abc.json"])
    }
}

/// Each JSON reader can also be used on its own (the `BenchmarkReader` protocol of the library
/// product): it recognises its own documents only, and reports problems as the registry does.
@Suite struct SingleReaderTests {
    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: BenchFixtures.path(relative)))
    }

    @Test(arguments: [
        ("runs/baseline/run-1.json", InputFormat.pytestBenchmark), ("google/baseline.json", .googleBenchmark),
        ("hyperfine/baseline.json", .hyperfine),
    ])
    func eachJSONReaderAcceptsOnlyItsOwnFormat(_ relative: String, _ format: InputFormat) throws {
        let sniff = try ContentSniff(data: try Self.data(relative), path: relative)
        let accepting = BenchmarkReaders.all.filter { $0.accepts(sniff) }.map { $0.format }
        #expect(accepting == [format])
        let reader = try #require(BenchmarkReaders.all.first { $0.format == format })
        let direct = try reader.read(try Self.data(relative), path: relative)
        let viaRegistry = try BenchmarkReaders.read(try Self.data(relative), path: relative)
        #expect(direct.format == format)
        #expect(direct.benchmarks.map(\.fullname) == viaRegistry.benchmarks.map(\.fullname))
        #expect(direct.benchmarks.map { $0.runs.map(\.min) } == viaRegistry.benchmarks.map { $0.runs.map(\.min) })
    }

    @Test func aJSONReaderRejectsTextAndNonObjects() throws {
        for text in ["BenchmarkX-8 1 2 ns/op\n", "[1, 2]", "{not json"] {
            let sniff = try ContentSniff(data: Data(text.utf8), path: "x")
            #expect(!HyperfineReader.accepts(sniff), "\(text)")
            #expect(!PytestBenchmarkReader.accepts(sniff), "\(text)")
        }
    }

    @Test func aSingleReaderReportsLikeTheRegistry() {
        let cases = [
            (
                #"{"results": [{"command": "a", "mean": 1, "median": 1, "min": 1, "max": 1, "times": [-1]}]}"#,
                "h.json: benchmark a: a time is negative (-1.0); timings cannot be"
            ),
            (#"{"results": 3}"#, "h.json: results is not an array"),
            (#"{"results": [}"#, nil),
        ]
        for (text, expected) in cases {
            do {
                _ = try HyperfineReader.read(Data(text.utf8), path: "h.json")
                Issue.record("no error for \(text)")
            } catch {
                let message = (error as? BenchmarkInputError)?.errorDescription
                if let expected {
                    #expect(message == expected)
                } else {
                    #expect(message?.hasPrefix("h.json: not valid json: ") == true, "\(String(describing: message))")
                }
            }
        }
    }
}
