/// `--fail-on EXPR...`: pytest-benchmark's `--benchmark-compare-fail` checks, every one of them
/// applied (pytest-benchmark keeps only the last when the option is repeated, `PB:plugin.py:271-278`).
///
/// A benchmark that fails any expression is `regressed`; otherwise `unchanged`, since
/// pytest-benchmark's checks never call anything an improvement. With one run per side the numbers
/// are exactly the file's `stats`, so verdicts match pytest-benchmark's (scripts/crosscheck-benchmarks);
/// with several runs each side is first summarised by `RunStatistics.aggregate`.
public struct FailOnRule: Sendable {
    public var expressions: [FailOnExpression]

    public init(expressions: [FailOnExpression]) {
        self.expressions = expressions
    }

    /// - Throws: `BenchmarkComparisonError.missingStatistic` when an expression names a statistic
    ///   (stddev, iqr) a side's input does not record.
    public func evaluate(
        fullname: String, name: String, baseline: BenchmarkSide.Entry, current: BenchmarkSide.Entry
    ) throws -> BenchmarkResult {
        guard let base = RunStatistics.aggregate(baseline.runs), let cur = RunStatistics.aggregate(current.runs),
            let first = expressions.first
        else {
            throw BenchmarkComparisonError.noRuns(fullname)
        }
        var failures: [String] = []
        var shown = first
        for expression in expressions {
            guard let b = base[expression.statistic] else {
                throw BenchmarkComparisonError.missingStatistic(expression.statistic, benchmark: fullname, file: baseline.file)
            }
            guard let c = cur[expression.statistic] else {
                throw BenchmarkComparisonError.missingStatistic(expression.statistic, benchmark: fullname, file: current.file)
            }
            if expression.fails(baseline: b, current: c) {
                if failures.isEmpty { shown = expression }
                failures.append(FailOnRule.message(expression, value: expression.value(baseline: b, current: c)))
            }
        }
        let b = base[shown.statistic] ?? 0
        let c = cur[shown.statistic] ?? 0
        return BenchmarkResult(
            fullname: fullname, name: name, verdict: failures.isEmpty ? .unchanged : .regressed,
            statistic: shown.statistic, baseline: b, current: c,
            changePercent: BenchmarkResult.change(baseline: b, current: c), pValue: nil, thresholdPercent: nil,
            baselineRuns: baseline.runs.count, currentRuns: current.runs.count, failures: failures,
            file: current.file)
    }

    /// pytest-benchmark's own words (`RegressionCheck.fails`), so a log reads the same.
    static func message(_ expression: FailOnExpression, value: Double) -> String {
        let check = if case .percentage = expression.kind { "PercentageRegressionCheck" } else { "DifferenceRegressionCheck" }
        return "Field '\(expression.statistic.rawValue)' has failed \(check): \(fixed9(value)) > \(fixed9(expression.threshold))"
    }

    /// Python's `{:.9f}`, including `inf`.
    static func fixed9(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value.isNaN { return "nan" }
        return String(format: "%.9f", value)
    }
}
