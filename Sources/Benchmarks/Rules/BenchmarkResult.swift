/// The comparison of one benchmark between the two sides.
public struct BenchmarkResult: Sendable {
    public var fullname: String
    public var name: String
    public var verdict: Verdict
    /// The statistic the verdict rests on (`min` for the default rule).
    public var statistic: Statistic
    /// That statistic on each side, seconds; nil on the side a new or missing benchmark lacks.
    public var baseline: Double?
    public var current: Double?
    /// `(current / baseline - 1) × 100`; nil when a side is missing, `+inf` for a zero baseline.
    public var changePercent: Double?
    /// Mann-Whitney U over the per-run statistics, when both sides have at least two runs.
    public var pValue: Double?
    /// The threshold applied, percent (default rule), or nil under `--fail-on`.
    public var thresholdPercent: Double?
    public var baselineRuns: Int
    public var currentRuns: Int
    /// Slow-mode runs the default rule left out of the significance test, per side.
    public var slowRunsExcluded: (baseline: Int, current: Int)
    /// The `--fail-on` expressions that failed, with pytest-benchmark's wording of each.
    public var failures: [String]
    /// The input file that has the benchmark (current side, else baseline), for diagnostics.
    public var file: String

    public init(
        fullname: String, name: String, verdict: Verdict, statistic: Statistic, baseline: Double?,
        current: Double?, changePercent: Double?, pValue: Double?, thresholdPercent: Double?,
        baselineRuns: Int, currentRuns: Int, slowRunsExcluded: (baseline: Int, current: Int) = (0, 0),
        failures: [String] = [], file: String
    ) {
        self.fullname = fullname
        self.name = name
        self.verdict = verdict
        self.statistic = statistic
        self.baseline = baseline
        self.current = current
        self.changePercent = changePercent
        self.pValue = pValue
        self.thresholdPercent = thresholdPercent
        self.baselineRuns = baselineRuns
        self.currentRuns = currentRuns
        self.slowRunsExcluded = slowRunsExcluded
        self.failures = failures
        self.file = file
    }

    /// True when the current side is slower.
    public var isSlower: Bool { (changePercent ?? 0) > 0 }

    static func change(baseline: Double, current: Double) -> Double {
        if baseline == 0 { return current == 0 ? 0 : .infinity }
        return (current / baseline - 1) * 100
    }
}
