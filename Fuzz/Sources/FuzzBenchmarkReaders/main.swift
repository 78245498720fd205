import Benchmarks
import Foundation
import FuzzSupport

/// compare-benchmarks' readers: the registry as the tool calls it (format told by content), then
/// every reader on the same bytes whether or not it would have accepted them, since a reader must
/// fail with an error, never a crash, on a file in another format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBenchmarkReaders(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(UnsafeRawBufferPointer(start: start, count: count))
    if let file = try? BenchmarkReaders.read(data, path: "fuzz-input") {
        check(file)
    }
    for reader in BenchmarkReaders.all {
        if let file = try? reader.read(data, path: "fuzz-input") {
            check(file)
        }
    }
    return 0
}

/// The readers reject NaN, infinite and negative timings (exit 2); none may slip through.
private func check(_ file: BenchmarkFile) {
    for benchmark in file.benchmarks {
        for run in benchmark.runs {
            for statistic in Statistic.allCases {
                guard let value = run[statistic] else { continue }
                fuzzCheck(value.isFinite && value >= 0, "\(benchmark.name): \(statistic) is \(value)")
            }
        }
    }
}

runLibFuzzer(fuzzBenchmarkReaders)
