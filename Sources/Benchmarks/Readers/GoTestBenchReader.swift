import Foundation

/// The Go benchmark format that `go test -bench . [-count N]` prints and benchstat reads
/// (golang.org/x/perf `benchfmt/reader.go`; https://go.googlesource.com/proposal/+/master/design/14313-benchmark-format.md):
/// configuration lines `key: value` (`goos`, `goarch`, `pkg`, `cpu`) and result lines
/// `BenchmarkName-8   <iterations>   <value> <unit>   [<value> <unit>]...`.
///
/// Only `ns/op` is read (converted to seconds); `B/op`, `allocs/op`, `MB/s` and custom metrics are
/// ignored. Each result line is one replicate, so `-count 10` gives ten runs. The matching key is
/// `pkg::BenchmarkName-8` when a `pkg:` line precedes the result (benchmark names repeat across
/// packages), else the name alone; the `-8` GOMAXPROCS suffix is kept, as benchstat keeps it.
public enum GoTestBenchReader: BenchmarkReader {
    public static let format = InputFormat.goTestBench

    public static func accepts(_ sniff: ContentSniff) -> Bool {
        guard !sniff.looksLikeJSON else { return false }
        let text = String(decoding: sniff.data.prefix(1 << 20), as: UTF8.self)
        return text.split(separator: "\n").contains { parseResult($0) != nil }
    }

    public static func read(_ data: Data, path: String) throws -> BenchmarkFile {
        let text = String(decoding: data, as: UTF8.self)
        var pkg: String?
        var machine: [MachineFact] = []
        var order: [String] = []
        var runs: [String: [RunStatistics]] = [:]
        var names: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if let result = parseResult(trimmed) {
                let fullname = pkg.map { "\($0)::\(result.name)" } ?? result.name
                // Checked as written (ns), so a message quotes the file's number, not a converted one.
                try BenchmarkReaders.validate(result.nanoseconds, "ns/op", benchmark: fullname, path: path)
                if runs[fullname] == nil { order.append(fullname) }
                names[fullname] = result.name
                runs[fullname, default: []].append(.single(result.nanoseconds * 1e-9, iterations: result.iterations))
            } else if let colon = trimmed.firstIndex(of: ":"), !trimmed.hasPrefix("Benchmark") {
                let key = String(trimmed[..<colon])
                let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                guard !key.contains(" ") else { continue }
                if key == "pkg" { pkg = value }
                if ["goos", "goarch", "cpu"].contains(key), !machine.contains(where: { $0.key == key }) {
                    machine.append(MachineFact(key, value))
                }
            }
        }
        guard !order.isEmpty else { throw BenchmarkInputError.unknownFormat(path) }
        let benchmarks = order.map { MeasuredBenchmark(fullname: $0, name: names[$0] ?? $0, runs: runs[$0] ?? []) }
        return BenchmarkFile(path: path, format: format, machine: machine, benchmarks: benchmarks)
    }

    /// `BenchmarkX-8  1000  123.4 ns/op ...` → name, iterations, nanoseconds per op; nil for other
    /// lines (including result lines without `ns/op`).
    static func parseResult(_ line: Substring) -> (name: String, iterations: Int, nanoseconds: Double)? {
        guard line.hasPrefix("Benchmark") else { return nil }
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        // The name must be "Benchmark" alone or followed by a non-lower-case letter (`testing` rules).
        guard fields.count >= 4, let iterations = Int(fields[1]) else { return nil }
        let name = String(fields[0])
        if name.count > 9, let next = name.dropFirst(9).first, next.isLowercase { return nil }
        var index = 2
        while index + 1 < fields.count {
            if fields[index + 1] == "ns/op", let value = Double(fields[index]) {
                return (name, iterations, value)
            }
            index += 2
        }
        return nil
    }
}
