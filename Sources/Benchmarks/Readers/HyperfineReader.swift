import Foundation

/// hyperfine's `--export-json`: `{"results": [{"command", "mean", "stddev", "median", "user", "system",
/// "min", "max", "times": [...], "exit_codes": [...], "parameters": {...}}]}`, all in seconds
/// (sharkdp/hyperfine `src/export/json.rs`, `src/benchmark/benchmark_result.rs`).
///
/// Each entry of `times` is one process run, so each is a replicate here: a single export with
/// `--runs 10` already gives the default rule ten runs per side. The benchmark's name is `command`
/// (hyperfine's `--command-name` when given).
public enum HyperfineReader: JSONBenchmarkReader {
    public static let format = InputFormat.hyperfine

    public static func accepts(jsonKeys keys: Set<String>) -> Bool {
        keys.contains("results")
    }

    public static func read(from decoder: Decoder, path: String) throws -> BenchmarkFile {
        let document = try Document(from: decoder)
        var benchmarks: [MeasuredBenchmark] = []
        for result in document.results {
            let runs: [RunStatistics]
            if let times = result.times, !times.isEmpty {
                for time in times { try BenchmarkReaders.validate(time, "a time", benchmark: result.command, path: path) }
                runs = times.map { RunStatistics.single($0) }
            } else {
                let stats = RunStatistics(
                    min: result.min, max: result.max, mean: result.mean, median: result.median,
                    stddev: result.stddev, iqr: nil, rounds: 1)
                try BenchmarkReaders.validate(stats, benchmark: result.command, path: path)
                runs = [stats]
            }
            benchmarks.append(MeasuredBenchmark(fullname: result.command, name: result.command, runs: runs))
        }
        return BenchmarkFile(path: path, format: format, machine: [], benchmarks: benchmarks)
    }

    struct Document: Decodable {
        let results: [Result]
    }

    struct Result: Decodable {
        let command: String
        let mean: Double
        /// null when hyperfine ran the command once.
        let stddev: Double?
        let median: Double
        let min: Double
        let max: Double
        let times: [Double]?
    }
}
