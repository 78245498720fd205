import Foundation

/// pytest-benchmark's saved JSON (`--benchmark-json`, `--benchmark-save`, `--benchmark-autosave`),
/// versions 2.5 to 5.2.3.
///
/// Schema: `PB:plugin.py:449-461` (top level), `PB:stats.py:225-261` (each benchmark). Only `name`,
/// `fullname` and `stats.{min,max,mean,median,rounds}` are required, as in every release since 2.5;
/// `stats.data` (present with `--benchmark-save-data`, several MB) is never decoded: the decoder skips
/// keys a type does not ask for, and every statistic needed is already in `stats`.
public enum PytestBenchmarkReader: JSONBenchmarkReader {
    public static let format = InputFormat.pytestBenchmark

    /// The machine facts compared between the two sides: CPU model and count, architecture, OS and
    /// Python. Never `hz_actual`, which changes between two runs on one machine (pytest-benchmark#255).
    static let machineKeys = ["cpu.brand_raw", "cpu.count", "machine", "system", "python_implementation", "python_version"]

    public static func accepts(jsonKeys keys: Set<String>) -> Bool {
        // Google Benchmark also has `benchmarks`, always next to `context`.
        keys.contains("benchmarks") && !keys.contains("context")
    }

    public static func read(from decoder: Decoder, path: String) throws -> BenchmarkFile {
        let document = try Document(from: decoder)
        var benchmarks: [MeasuredBenchmark] = []
        benchmarks.reserveCapacity(document.benchmarks.count)
        for entry in document.benchmarks {
            let s = entry.stats
            // Decoded as a number and checked here: JSONDecoder on Linux calls a fraction where an
            // Int is expected "not valid JSON", without saying where.
            guard s.rounds.isFinite, s.rounds == s.rounds.rounded(), abs(s.rounds) < 1e15 else {
                throw BenchmarkInputError.badTiming(
                    path, benchmark: entry.fullname, detail: "rounds is \(s.rounds); a count of rounds is a whole number")
            }
            let stats = RunStatistics(
                min: s.min, max: s.max, mean: s.mean, median: s.median, stddev: s.stddev, iqr: s.iqr,
                rounds: Int(s.rounds))
            try BenchmarkReaders.validate(stats, benchmark: entry.fullname, path: path)
            benchmarks.append(MeasuredBenchmark(fullname: entry.fullname, name: entry.name, runs: [stats]))
        }
        return BenchmarkFile(
            path: path, format: format, machine: document.machineInfo?.facts ?? [], benchmarks: benchmarks,
            storageName: StorageFileName(path: path))
    }

    struct Document: Decodable {
        let benchmarks: [Entry]
        let machineInfo: MachineInfo?

        enum CodingKeys: String, CodingKey {
            case benchmarks
            case machineInfo = "machine_info"
        }
    }

    struct Entry: Decodable {
        let name: String
        let fullname: String
        let stats: Stats
    }

    struct Stats: Decodable {
        let min: Double
        let max: Double
        let mean: Double
        let median: Double
        let stddev: Double?
        let iqr: Double?
        let rounds: Double
    }

    /// The parts of `machine_info` that say whether two runs are comparable. Every field is optional:
    /// hooks (`pytest_benchmark_update_machine_info`) may rewrite the object freely.
    struct MachineInfo: Decodable {
        struct CPU: Decodable {
            let brandRaw: String?
            let count: Int?

            enum CodingKeys: String, CodingKey {
                case brandRaw = "brand_raw"
                case count
            }
        }

        let cpu: CPU?
        let machine: String?
        let system: String?
        let pythonImplementation: String?
        let pythonVersion: String?

        enum CodingKeys: String, CodingKey {
            case cpu, machine, system
            case pythonImplementation = "python_implementation"
            case pythonVersion = "python_version"
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            // A hook may put anything here; a field of an unexpected type is as good as absent.
            cpu = try? c.decodeIfPresent(CPU.self, forKey: .cpu)
            machine = try? c.decodeIfPresent(String.self, forKey: .machine)
            system = try? c.decodeIfPresent(String.self, forKey: .system)
            pythonImplementation = try? c.decodeIfPresent(String.self, forKey: .pythonImplementation)
            pythonVersion = try? c.decodeIfPresent(String.self, forKey: .pythonVersion)
        }

        var facts: [MachineFact] {
            let values: [String?] = [cpu?.brandRaw, cpu?.count.map(String.init), machine, system, pythonImplementation, pythonVersion]
            return zip(PytestBenchmarkReader.machineKeys, values).compactMap { key, value in value.map { MachineFact(key, $0) } }
        }
    }
}
