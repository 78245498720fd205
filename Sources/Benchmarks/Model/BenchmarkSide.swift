/// All runs of one side (baseline or current), merged across its files and keyed by `fullname`.
public struct BenchmarkSide: Sendable {
    public struct Entry: Sendable {
        public var fullname: String
        public var name: String
        /// Every replicate of this benchmark on this side, in file order.
        public var runs: [RunStatistics]
        /// The first file that has it, for diagnostics.
        public var file: String
    }

    public let files: [BenchmarkFile]
    /// Benchmarks in order of first appearance.
    public let entries: [Entry]
    private let index: [String: Int]

    public init(files: [BenchmarkFile]) {
        self.files = files
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        for file in files {
            for benchmark in file.benchmarks {
                if let position = index[benchmark.fullname] {
                    entries[position].runs += benchmark.runs
                } else {
                    index[benchmark.fullname] = entries.count
                    entries.append(
                        Entry(
                            fullname: benchmark.fullname, name: benchmark.name, runs: benchmark.runs, file: file.path))
                }
            }
        }
        self.entries = entries
        self.index = index
    }

    public subscript(fullname: String) -> Entry? {
        index[fullname].map { entries[$0] }
    }

    /// The machine facts of the first file that has any.
    public var machine: [MachineFact] {
        files.first { !$0.machine.isEmpty }?.machine ?? []
    }
}
