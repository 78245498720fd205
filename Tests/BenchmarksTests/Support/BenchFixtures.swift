import ChecksTestSupport
import Foundation

@testable import Benchmarks

/// Paths and readers for `Fixtures/bench/`.
enum BenchFixtures {
    static func path(_ relative: String) -> String { FixturePaths.fixture("bench/" + relative).path }

    static func read(_ relative: String) throws -> BenchmarkFile {
        try BenchmarkReaders.read(path: path(relative), display: relative)
    }

    /// Reads inline content as if it were a file called `name`.
    static func read(text: String, name: String = "inline.json") throws -> BenchmarkFile {
        try BenchmarkReaders.read(Data(text.utf8), path: name)
    }

    /// The `stats` objects of a pytest-benchmark file as JSONSerialization decodes them, to check the
    /// reader against an independent decoder.
    static func pytestStats(_ relative: String) throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(relative)))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        var out: [String: [String: Any]] = [:]
        for case let entry as [String: Any] in object?["benchmarks"] as? [Any] ?? [] {
            if let name = entry["fullname"] as? String, let stats = entry["stats"] as? [String: Any] { out[name] = stats }
        }
        return out
    }

    /// A side made of benchmark entries with the given per-run minimums.
    static func side(_ runs: [String: [Double]], file: String = "x.json") -> BenchmarkSide {
        let benchmarks = runs.keys.sorted().map { name in
            MeasuredBenchmark(fullname: name, name: name, runs: runs[name, default: []].map { RunStatistics.single($0) })
        }
        return BenchmarkSide(files: [BenchmarkFile(path: file, format: .pytestBenchmark, machine: [], benchmarks: benchmarks)])
    }
}
