/// The input formats `compare-benchmarks` reads, each sniffed from content.
public enum InputFormat: String, Sendable, CaseIterable {
    case pytestBenchmark = "pytest-benchmark"
    case googleBenchmark = "google-benchmark"
    case hyperfine
    case goTestBench = "go-test-bench"
}

/// One benchmark as measured in one input file.
public struct MeasuredBenchmark: Sendable, Equatable {
    /// The matching key: pytest-benchmark's `fullname` (pytest node id relative to the rootdir);
    /// for the other formats the name qualified as described by each reader.
    public var fullname: String
    /// The short display name (pytest's `name`).
    public var name: String
    /// Independent replicates found in this file: one for a pytest-benchmark file (the file is one
    /// process run), one per repetition (Google Benchmark), per process run (hyperfine) or per
    /// result line (`go test -bench -count N`).
    public var runs: [RunStatistics]

    public init(fullname: String, name: String, runs: [RunStatistics]) {
        self.fullname = fullname
        self.name = name
        self.runs = runs
    }
}

/// One input file, read.
public struct BenchmarkFile: Sendable, Equatable {
    /// The path as the user will recognise it (relative to the working directory when inside it).
    public var path: String
    public var format: InputFormat
    /// What the run says about its machine, in a fixed key order; compared between the two sides.
    public var machine: [MachineFact]
    /// Benchmarks in file order.
    public var benchmarks: [MeasuredBenchmark]
    /// pytest-benchmark storage files: number, commit and dirty flag from the file name.
    public var storageName: StorageFileName?

    public init(
        path: String, format: InputFormat, machine: [MachineFact], benchmarks: [MeasuredBenchmark],
        storageName: StorageFileName? = nil
    ) {
        self.path = path
        self.format = format
        self.machine = machine
        self.benchmarks = benchmarks
        self.storageName = storageName
    }
}

/// One fact about the machine a run was measured on, e.g. `cpu.brand_raw = AMD EPYC 7B13`.
public struct MachineFact: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
