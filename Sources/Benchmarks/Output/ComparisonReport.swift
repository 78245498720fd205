import ChecksCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a `BenchmarkComparison` into the shared `Report`: one diagnostic per finding, the table the
/// text and Markdown formats show, and the `benchmarks` / `inputs` / `rule` JSON keys.
public enum ComparisonReport {
    public static let toolName = "compare-benchmarks"

    public static let ruleDescriptions: [String: String] = [
        "regression": "a benchmark got slower beyond the threshold, confirmed (or failed a --fail-on expression)",
        "suspect-change": "a change beyond the threshold that too few runs cannot confirm",
        "improvement": "a benchmark got faster beyond the threshold, confirmed",
        "missing-benchmark": "a baseline benchmark is not in the current run",
        "new-benchmark": "a current benchmark has no baseline",
        "machine-mismatch": "the two sides ran on different machines or Pythons",
        "nothing-compared": "no benchmark is in both sides",
    ]

    /// - Parameter cwd: the working directory the display paths are relative to, to find line numbers.
    public static func build(_ comparison: BenchmarkComparison, cwd: String) -> Report {
        var diagnostics: [Diagnostic] = []
        let locator = LineLocator(cwd: cwd)
        for result in comparison.results {
            guard let (rule, severity, message) = finding(for: result, comparison: comparison) else { continue }
            let format = (comparison.current.files + comparison.baseline.files).first { $0.path == result.file }?.format
            diagnostics.append(
                Diagnostic(
                    rule: rule, severity: severity, file: result.file,
                    line: locator.line(of: result.fullname, in: result.file, format: format), column: 1,
                    message: message, target: result.fullname))
        }
        let anchorFile = comparison.current.files.first?.path ?? ""
        if !comparison.machineDifferences.isEmpty {
            let details = comparison.machineDifferences.map { "\($0.key) '\($0.baseline)' vs '\($0.current)'" }
            diagnostics.append(
                Diagnostic(
                    rule: "machine-mismatch", severity: .warning, file: anchorFile, line: 1, column: 1,
                    message: "baseline and current ran on different machines (\(details.joined(separator: ", "))): timings are not comparable"))
        }
        let compared = comparison.results.count { $0.verdict != .new && $0.verdict != .missing }
        if compared == 0 {
            diagnostics.append(
                Diagnostic(
                    rule: "nothing-compared", severity: .warning, file: anchorFile, line: 1, column: 1,
                    message: "no benchmark is in both baseline and current; check that both ran the same suite from the same rootdir"))
        }
        let counts: [(key: String, value: Int)] =
            [("benchmarks", comparison.results.count)]
            + [Verdict.regressed, .suspect, .improved, .unchanged, .new, .missing].map { ($0.rawValue, comparison.count($0)) }
        return Report(
            tool: toolName, version: ToolkitVersion.current, diagnostics: diagnostics, counts: counts,
            extensions: [
                ("benchmarks", .array(comparison.results.map(json))),
                (
                    "inputs",
                    .object([
                        ("baseline", .array(comparison.baseline.files.map(json))),
                        ("current", .array(comparison.current.files.map(json))),
                    ])
                ),
                ("rule", ruleJSON(comparison.options)),
            ],
            ruleDescriptions: ruleDescriptions,
            tables: [table(comparison)])
    }

    static func finding(for result: BenchmarkResult, comparison: BenchmarkComparison) -> (String, Severity, String)? {
        let name = result.fullname
        let values =
            "\(result.statistic.rawValue) \(TimeFormatting.duration(result.baseline ?? .nan)) → \(TimeFormatting.duration(result.current ?? .nan))"
        let change = result.changePercent.map { abs($0).isInfinite ? "infinitely" : String(format: "%.1f%%", abs($0)) } ?? ""
        let p = result.pValue.map { "p=\(TimeFormatting.pValue($0))" }
        switch result.verdict {
        case .regressed:
            if !result.failures.isEmpty {
                return ("regression", .error, "\(name) is \(change) slower (\(values)): \(result.failures.joined(separator: "; "))")
            }
            let detail = [p, result.thresholdPercent.map { "threshold \(percent($0))" }].compactMap { $0 }.joined(separator: ", ")
            return ("regression", .error, "\(name) is \(change) slower (\(values), \(detail))")
        case .suspect:
            let direction = result.isSlower ? "slower" : "faster"
            let severity: Severity = comparison.fails(result) ? .error : .warning
            let runs = "\(result.baselineRuns) baseline and \(result.currentRuns) current run\(result.currentRuns == 1 ? "" : "s")"
            return (
                "suspect-change", severity,
                "\(name) looks \(change) \(direction) (\(values)) but \(runs) cannot confirm it; run each side at least \(comparison.options.rule.minimumRuns) times"
            )
        case .improved:
            return ("improvement", .note, "\(name) is \(change) faster (\(values)\(p.map { ", \($0)" } ?? ""))")
        case .missing:
            return (
                "missing-benchmark", comparison.fails(result) ? .error : .warning,
                "\(name) is in the baseline but not in the current run"
            )
        case .new:
            return ("new-benchmark", .note, "\(name) is new: there is no baseline to compare it with")
        case .unchanged:
            return nil
        }
    }

    static func percent(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    // MARK: - Table

    static func table(_ comparison: BenchmarkComparison) -> ReportTable {
        let title: String
        if comparison.options.failOn.isEmpty {
            let rule = comparison.options.rule
            title =
                "min of each run, then across runs; threshold \(percent(rule.threshold)); Mann-Whitney U at alpha \(rule.alpha) with at least \(rule.minimumRuns) runs per side"
        } else {
            title = "--fail-on " + comparison.options.failOn.map(\.text).joined(separator: " ") + " (pytest-benchmark's checks)"
        }
        let rows = comparison.results.map { r in
            [
                r.fullname,
                r.baseline.map(TimeFormatting.duration) ?? "–",
                r.current.map(TimeFormatting.duration) ?? "–",
                TimeFormatting.change(r.changePercent),
                r.verdict.rawValue,
                TimeFormatting.pValue(r.pValue),
                "\(r.baselineRuns)/\(r.currentRuns)",
            ]
        }
        return ReportTable(
            title: title,
            columns: [
                .init("benchmark"), .init("baseline", .right), .init("current", .right), .init("change", .right),
                .init("verdict"), .init("p", .right), .init("runs", .right),
            ],
            rows: rows)
    }

    // MARK: - JSON

    static func json(_ r: BenchmarkResult) -> JSONValue {
        // JSON has no infinity: a zero baseline's change is null, with `change_infinite` saying why.
        let change: JSONValue = r.changePercent.map { $0.isFinite ? .double($0) : .null } ?? .null
        return .object([
            ("name", .string(r.fullname)),
            ("verdict", .string(r.verdict.rawValue)),
            ("statistic", .string(r.statistic.rawValue)),
            ("baseline", r.baseline.map(JSONValue.double) ?? .null),
            ("current", r.current.map(JSONValue.double) ?? .null),
            ("change", change),
            ("change_infinite", .bool(r.changePercent?.isInfinite == true)),
            ("p_value", r.pValue.map(JSONValue.double) ?? .null),
            ("threshold", r.thresholdPercent.map(JSONValue.double) ?? .null),
            (
                "runs",
                .object([
                    ("baseline", .int(r.baselineRuns)), ("current", .int(r.currentRuns)),
                    (
                        "slow_excluded",
                        .object([
                            ("baseline", .int(r.slowRunsExcluded.baseline)), ("current", .int(r.slowRunsExcluded.current)),
                        ])
                    ),
                ])
            ),
            ("failures", .array(r.failures.map(JSONValue.string))),
            ("short_name", .string(r.name)),
        ])
    }

    static func json(_ file: BenchmarkFile) -> JSONValue {
        .object([
            ("path", .string(file.path)),
            ("format", .string(file.format.rawValue)),
            ("label", JSONValue(file.storageName?.label)),
        ])
    }

    static func ruleJSON(_ options: ComparisonOptions) -> JSONValue {
        if !options.failOn.isEmpty {
            return .object([
                ("kind", .string("fail-on")),
                ("fail_on", .array(options.failOn.map { .string($0.text) })),
            ])
        }
        let rule = options.rule
        return .object([
            ("kind", .string("default")),
            ("statistic", .string("min")),
            ("threshold", .double(rule.threshold)),
            ("thresholds", .object(rule.overrides.map { ($0.pattern.pattern, JSONValue.double($0.threshold)) })),
            ("alpha", .double(rule.alpha)),
            ("min_runs", .int(rule.minimumRuns)),
            ("strict", .bool(options.strict)),
        ])
    }
}

/// Finds the line of a benchmark's entry in its input file, so a diagnostic points at it. Runs only
/// for the benchmarks that get a diagnostic; each file is mapped once and searched with memmem and
/// memchr, since a several-MB pytest-benchmark file may be searched for dozens of names. 1 when the
/// name cannot be found.
final class LineLocator {
    let cwd: String
    private var files: [String: Data] = [:]

    init(cwd: String) { self.cwd = cwd }

    /// Byte offset of the first occurrence of `needle` (at least 2 bytes). memchr looks for its
    /// second byte, the name's first letter, which the digit-only `stats.data` arrays that make up
    /// most of a large file never contain; memcmp confirms each candidate.
    static func find(_ needle: [UInt8], in raw: UnsafeRawBufferPointer) -> Int? {
        guard let base = raw.baseAddress, needle.count >= 2, raw.count >= needle.count else { return nil }
        return needle.withUnsafeBufferPointer { n -> Int? in
            guard let nBase = n.baseAddress else { return nil }
            var position = 1
            let last = raw.count - needle.count + 1
            while position <= last, let hit = memchr(base + position, Int32(n[1]), last - position + 1) {
                let candidate = base.distance(to: UnsafeRawPointer(hit)) - 1
                if memcmp(base + candidate, nBase, n.count) == 0 { return candidate }
                position = candidate + 2
            }
            return nil
        }
    }

    func line(of fullname: String, in display: String, format: InputFormat?) -> Int {
        let data: Data
        if let cached = files[display] {
            data = cached
        } else {
            let path = display.hasPrefix("/") ? display : cwd + "/" + display
            guard let read = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) else { return 1 }
            files[display] = read
            data = read
        }
        let needle: [UInt8]
        let lineStart: Bool
        switch format {
        case .goTestBench:
            // `pkg::BenchmarkX-8` is our key; the file has `BenchmarkX-8` at the start of a line.
            needle = Array(("\n" + (fullname.components(separatedBy: "::").last ?? fullname)).utf8)
            lineStart = true
        default:
            needle = Array(JSONValue.string(fullname).serialized(indent: 0).utf8)
            lineStart = false
        }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int in
            guard let base = raw.baseAddress, !needle.isEmpty else { return 1 }
            if lineStart, raw.count >= needle.count - 1,
                memcmp(base, needle.withUnsafeBufferPointer { $0.baseAddress! + 1 }, needle.count - 1) == 0
            {
                return 1
            }
            guard let found = LineLocator.find(needle, in: raw) else { return 1 }
            let offset = found + (lineStart ? 1 : 0)
            var line = 1
            var position = 0
            while position < offset, let newline = memchr(base + position, 0x0A, offset - position) {
                line += 1
                position = base.distance(to: UnsafeRawPointer(newline)) + 1
            }
            return line
        }
    }
}
