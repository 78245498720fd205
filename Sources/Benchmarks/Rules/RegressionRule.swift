import ChecksCore

/// The default rule, built for noisy shared runners (docs/compare-benchmarks.md, "The default rule").
///
/// 1. Each run is summarised by its minimum: timing noise on a shared machine is almost all
///    additive (other processes, frequency changes, cache misses only ever add time), so the fastest
///    round is the best estimate of the code's own cost; means and medians swing by tens of per cent
///    between identical runs, the minimum by about one (shared/reference/bench.md §5.1).
/// 2. The effect is the minimum across runs on each side, `change = current / baseline − 1`. A
///    slow run on either side (a "slow mode" process) does not move a minimum of minimums.
/// 3. A change within the threshold (default 5 %, per-benchmark globs) is `unchanged`.
/// 4. Beyond it, when both sides have at least `minimumRuns` (4) runs, a two-sided Mann-Whitney U
///    test over the per-run minimums must agree (p < alpha, 0.05) before the change is called
///    `regressed` or `improved`; otherwise it is `unchanged` (the runs overlap: the extreme minimum was
///    luck). Four runs per side is the fewest with which U can reach p < 0.05 at all (p = 0.029).
///    Before the test, runs in "slow mode" (a whole process measurably slower, seen in a third of
///    runs on shared runners, bench.md §5.1) are set aside on each side: per-run minimums above
///    Q3 + 1.5 × IQR of their side (pytest-benchmark's own outlier fence, applied to runs), when at
///    least five runs exist and `minimumRuns` remain. One slow run would otherwise rank above every
///    run of the other side and hide a real +25 % (p = 0.15 instead of 0.016 at 5 + 5 runs).
/// 5. With fewer runs a change beyond the threshold cannot be confirmed, so it is `suspect`:
///    reported, failing only with `--strict`.
public struct RegressionRule: Sendable {
    /// Percent; a change must be strictly larger to count.
    public var threshold: Double
    /// Per-benchmark thresholds, percent, by glob on the fullname; the first match wins.
    public var overrides: [(pattern: GlobPattern, threshold: Double)]
    public var alpha: Double
    public var minimumRuns: Int

    public static let defaultThreshold = 5.0
    public static let defaultAlpha = 0.05
    public static let defaultMinimumRuns = 4

    public init(
        threshold: Double = defaultThreshold, overrides: [(pattern: GlobPattern, threshold: Double)] = [],
        alpha: Double = defaultAlpha, minimumRuns: Int = defaultMinimumRuns
    ) {
        self.threshold = threshold
        self.overrides = overrides
        self.alpha = alpha
        self.minimumRuns = minimumRuns
    }

    /// The threshold for one benchmark.
    public func threshold(for fullname: String) -> Double {
        overrides.first { $0.pattern.matches(fullname) }?.threshold ?? threshold
    }

    public func evaluate(
        fullname: String, name: String, baseline: BenchmarkSide.Entry, current: BenchmarkSide.Entry
    ) throws -> BenchmarkResult {
        let basePerRun = baseline.runs.map(\.min)
        let currentPerRun = current.runs.map(\.min)
        guard let base = basePerRun.min(), let cur = currentPerRun.min() else {
            throw BenchmarkComparisonError.noRuns(fullname)
        }
        let change = BenchmarkResult.change(baseline: base, current: cur)
        let limit = threshold(for: fullname)
        let baseTested = withoutSlowRuns(basePerRun)
        let currentTested = withoutSlowRuns(currentPerRun)
        // Shown whenever it can be computed; it decides only with enough runs.
        let p =
            basePerRun.count >= 2 && currentPerRun.count >= 2
            ? MannWhitneyU.test(baseTested, currentTested)?.p : nil
        let verdict: Verdict
        if abs(change) <= limit {
            verdict = .unchanged
        } else if basePerRun.count >= minimumRuns && currentPerRun.count >= minimumRuns {
            if let p, p < alpha {
                verdict = change > 0 ? .regressed : .improved
            } else {
                verdict = .unchanged
            }
        } else {
            verdict = .suspect
        }
        return BenchmarkResult(
            fullname: fullname, name: name, verdict: verdict, statistic: .min, baseline: base, current: cur,
            changePercent: change, pValue: p, thresholdPercent: limit,
            baselineRuns: basePerRun.count, currentRuns: currentPerRun.count,
            slowRunsExcluded: (basePerRun.count - baseTested.count, currentPerRun.count - currentTested.count),
            file: current.file)
    }

    /// The per-run values without slow-mode runs (above the upper Tukey fence), or all of them when
    /// there are fewer than five or trimming would leave fewer than `minimumRuns`.
    func withoutSlowRuns(_ values: [Double]) -> [Double] {
        guard values.count >= 5 else { return values }
        let summary = Descriptive(values)
        let fence = summary.q3 + 1.5 * summary.iqr
        let kept = values.filter { $0 <= fence }
        return kept.count >= minimumRuns ? kept : values
    }
}
