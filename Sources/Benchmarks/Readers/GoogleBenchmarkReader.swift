import Foundation

/// Google Benchmark's JSON (`--benchmark_format=json` or `--benchmark_out=FILE`).
///
/// Schema: `{"context": {...}, "benchmarks": [{"name", "run_name", "run_type": "iteration"|"aggregate",
/// "repetitions", "repetition_index", "iterations", "real_time", "cpu_time", "time_unit", ...}]}`
/// (google/benchmark `src/json_reporter.cc`; `tools/gbench/Inputs/test3_run0.json`). Each
/// `iteration` entry is one repetition and one replicate here; its `real_time` (wall time per
/// iteration, like pytest-benchmark's timer) in `time_unit` is converted to seconds. Aggregate rows
/// (`_mean`, `_median`, `_stddev`, `_cv`) are used only when a file has no iteration rows for a
/// benchmark (`--benchmark_report_aggregates_only`): then its mean is one replicate. Rows with
/// `error_occurred` are skipped, as compare.py does.
public enum GoogleBenchmarkReader: JSONBenchmarkReader {
    public static let format = InputFormat.googleBenchmark

    public static func accepts(jsonKeys keys: Set<String>) -> Bool {
        keys.contains("benchmarks") && keys.contains("context")
    }

    public static func read(from decoder: Decoder, path: String) throws -> BenchmarkFile {
        let document = try Document(from: decoder)
        var order: [String] = []
        var runs: [String: [RunStatistics]] = [:]
        var aggregateMeans: [String: RunStatistics] = [:]
        for entry in document.benchmarks where entry.errorOccurred != true {
            let name = entry.runName ?? entry.name
            guard let scale = unitScale[entry.timeUnit ?? "ns"] else {
                throw BenchmarkInputError.wrongShape(path, detail: "benchmark \(name): unknown time_unit '\(entry.timeUnit ?? "")'")
            }
            guard let realTime = entry.realTime else {
                throw BenchmarkInputError.wrongShape(path, detail: "benchmark \(name): missing key 'real_time'")
            }
            // Checked as written (in time_unit), so a message quotes the file's number.
            try BenchmarkReaders.validate(realTime, "real_time", benchmark: name, path: path)
            let seconds = realTime * scale
            if runs[name] == nil && aggregateMeans[name] == nil { order.append(name) }
            switch entry.runType ?? "iteration" {
            case "iteration":
                runs[name, default: []].append(.single(seconds, iterations: entry.iterations ?? 1))
            case "aggregate" where entry.aggregateName == "mean":
                aggregateMeans[name] = .single(seconds, iterations: entry.iterations ?? 1)
            default:
                continue
            }
        }
        let benchmarks = order.compactMap { name -> MeasuredBenchmark? in
            let found = runs[name] ?? aggregateMeans[name].map { [$0] } ?? []
            return found.isEmpty ? nil : MeasuredBenchmark(fullname: name, name: name, runs: found)
        }
        var machine: [MachineFact] = []
        if let cpus = document.context.numCPUs { machine.append(MachineFact("num_cpus", String(cpus))) }
        if let build = document.context.libraryBuildType { machine.append(MachineFact("library_build_type", build)) }
        return BenchmarkFile(path: path, format: format, machine: machine, benchmarks: benchmarks)
    }

    /// Seconds per `time_unit` (benchmark.h `TimeUnit`).
    static let unitScale: [String: Double] = ["ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1]

    struct Document: Decodable {
        let context: Context
        let benchmarks: [Entry]
    }

    struct Context: Decodable {
        let numCPUs: Int?
        let libraryBuildType: String?

        enum CodingKeys: String, CodingKey {
            case numCPUs = "num_cpus"
            case libraryBuildType = "library_build_type"
        }
    }

    struct Entry: Decodable {
        let name: String
        let runName: String?
        let runType: String?
        let aggregateName: String?
        let iterations: Int?
        let realTime: Double?
        let timeUnit: String?
        let errorOccurred: Bool?

        enum CodingKeys: String, CodingKey {
            case name
            case runName = "run_name"
            case runType = "run_type"
            case aggregateName = "aggregate_name"
            case iterations
            case realTime = "real_time"
            case timeUnit = "time_unit"
            case errorOccurred = "error_occurred"
        }
    }
}
