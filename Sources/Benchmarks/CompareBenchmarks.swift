import ChecksCore
import Foundation

/// The whole run, minus parsing the command line: resolve inputs, read them (in parallel), compare,
/// build the report. The library never prints or exits; the command does.
public enum CompareBenchmarks {
    public struct Inputs: Sendable {
        public var baseline: String
        public var current: String
        public var storage: String
        public var cwd: String

        public init(baseline: String, current: String, storage: String = ".benchmarks", cwd: String) {
            self.baseline = baseline
            self.current = current
            self.storage = storage
            self.cwd = cwd
        }
    }

    /// Reads both sides. Files are parsed in parallel and kept in argument order.
    public static func read(_ inputs: Inputs) throws -> (baseline: BenchmarkSide, current: BenchmarkSide) {
        let resolver = InputResolver(storage: inputs.storage, cwd: inputs.cwd)
        let baseFiles = try resolver.resolve(inputs.baseline)
        let currentFiles = try resolver.resolve(inputs.current)
        let all = baseFiles + currentFiles
        let results = parallelMap(count: all.count) { index -> Result<BenchmarkFile, Error> in
            Result { try BenchmarkReaders.read(path: all[index].path, display: all[index].display) }
        }
        var files: [BenchmarkFile] = []
        for result in results { files.append(try result.get()) }
        return (BenchmarkSide(files: Array(files[..<baseFiles.count])), BenchmarkSide(files: Array(files[baseFiles.count...])))
    }

    public static func run(_ inputs: Inputs, options: ComparisonOptions) throws -> (BenchmarkComparison, Report) {
        let (baseline, current) = try read(inputs)
        let comparison = try BenchmarkComparison.compare(baseline: baseline, current: current, options: options)
        return (comparison, ComparisonReport.build(comparison, cwd: inputs.cwd))
    }
}
