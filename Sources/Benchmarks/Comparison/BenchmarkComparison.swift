import ChecksCore
import Foundation

/// What went wrong while comparing (exit 2).
public enum BenchmarkComparisonError: Error, LocalizedError, Equatable {
    case noRuns(String)
    case missingStatistic(Statistic, benchmark: String, file: String)

    public var errorDescription: String? {
        switch self {
        case .noRuns(let name):
            "benchmark \(name) has no runs"
        case .missingStatistic(let statistic, let benchmark, let file):
            "\(file): benchmark \(benchmark) has no \(statistic.rawValue); use a --fail-on statistic the input records"
        }
    }
}

/// How to compare; command line > `[benchmarks]` config > defaults.
public struct ComparisonOptions: Sendable {
    /// `--fail-on` expressions; when any is given they replace the default rule.
    public var failOn: [FailOnExpression]
    public var rule: RegressionRule
    /// `--strict`: a `suspect` slowdown fails too.
    public var strict: Bool
    /// `--fail-on-missing`: a benchmark the current side lacks fails.
    public var failOnMissing: Bool

    public init(failOn: [FailOnExpression] = [], rule: RegressionRule = RegressionRule(), strict: Bool = false, failOnMissing: Bool = false) {
        self.failOn = failOn
        self.rule = rule
        self.strict = strict
        self.failOnMissing = failOnMissing
    }
}

/// The outcome of comparing two sides.
public struct BenchmarkComparison: Sendable {
    public var results: [BenchmarkResult]
    public var baseline: BenchmarkSide
    public var current: BenchmarkSide
    /// Machine facts that differ between the sides: (key, baseline value, current value).
    public var machineDifferences: [(key: String, baseline: String, current: String)]
    public var options: ComparisonOptions

    /// Matches benchmarks by fullname and applies `--fail-on` or the default rule to each pair.
    /// Results are in display order: regressions first, then by verdict, larger changes first, name.
    public static func compare(
        baseline: BenchmarkSide, current: BenchmarkSide, options: ComparisonOptions
    ) throws -> BenchmarkComparison {
        let failOnRule = options.failOn.isEmpty ? nil : FailOnRule(expressions: options.failOn)
        var results: [BenchmarkResult] = []
        for entry in current.entries {
            guard let base = baseline[entry.fullname] else {
                let stat = options.failOn.first?.statistic ?? .min
                let value = RunStatistics.aggregate(entry.runs)?[stat]
                results.append(
                    BenchmarkResult(
                        fullname: entry.fullname, name: entry.name, verdict: .new, statistic: stat, baseline: nil,
                        current: value, changePercent: nil, pValue: nil, thresholdPercent: nil,
                        baselineRuns: 0, currentRuns: entry.runs.count, file: entry.file))
                continue
            }
            if let failOnRule {
                results.append(try failOnRule.evaluate(fullname: entry.fullname, name: entry.name, baseline: base, current: entry))
            } else {
                results.append(try options.rule.evaluate(fullname: entry.fullname, name: entry.name, baseline: base, current: entry))
            }
        }
        for entry in baseline.entries where current[entry.fullname] == nil {
            let stat = options.failOn.first?.statistic ?? .min
            results.append(
                BenchmarkResult(
                    fullname: entry.fullname, name: entry.name, verdict: .missing, statistic: stat,
                    baseline: RunStatistics.aggregate(entry.runs)?[stat], current: nil, changePercent: nil,
                    pValue: nil, thresholdPercent: nil, baselineRuns: entry.runs.count, currentRuns: 0, file: entry.file))
        }
        results.sort(by: displayOrder)
        return BenchmarkComparison(
            results: results, baseline: baseline, current: current,
            machineDifferences: machineDifferences(baseline.machine, current.machine), options: options)
    }

    static func displayOrder(_ a: BenchmarkResult, _ b: BenchmarkResult) -> Bool {
        if a.verdict != b.verdict { return a.verdict < b.verdict }
        let ca = abs(a.changePercent ?? 0)
        let cb = abs(b.changePercent ?? 0)
        if ca != cb { return ca > cb }
        return a.fullname < b.fullname
    }

    /// Facts both sides record and that differ; a fact only one side has says nothing.
    static func machineDifferences(_ a: [MachineFact], _ b: [MachineFact]) -> [(key: String, baseline: String, current: String)] {
        a.compactMap { fact in
            guard let other = b.first(where: { $0.key == fact.key }), other.value != fact.value else { return nil }
            return (fact.key, fact.value, other.value)
        }
    }

    /// True when a result fails the run under these options.
    public func fails(_ result: BenchmarkResult) -> Bool {
        switch result.verdict {
        case .regressed: true
        case .suspect: options.strict && result.isSlower
        case .missing: options.failOnMissing
        case .improved, .unchanged, .new: false
        }
    }

    public func count(_ verdict: Verdict) -> Int { results.count { $0.verdict == verdict } }
}
