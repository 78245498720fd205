/// The statistics `--fail-on` can name: exactly pytest-benchmark's `--benchmark-compare-fail` set
/// (`PB:utils.py` `parse_compare_fail`), all in seconds per iteration.
public enum Statistic: String, CaseIterable, Sendable, Hashable {
    case min, max, mean, median, stddev, iqr
}

/// Summary statistics of one run of one benchmark. Times are seconds per iteration, as pytest-benchmark
/// stores them; readers of other formats convert to seconds.
public struct RunStatistics: Sendable, Equatable {
    public var min: Double
    public var max: Double
    public var mean: Double
    public var median: Double
    /// nil when the input does not record it (a hyperfine command run once, old formats).
    public var stddev: Double?
    public var iqr: Double?
    /// Rounds (pytest-benchmark), iterations (Google Benchmark, go test) or 1 (one hyperfine run).
    public var rounds: Int
    /// True when the run is a single measurement (a Google Benchmark repetition, a `go test -bench`
    /// line, one hyperfine process run) rather than a summary over many rounds.
    public var isSingleValue: Bool

    public init(
        min: Double, max: Double, mean: Double, median: Double, stddev: Double?, iqr: Double?,
        rounds: Int, isSingleValue: Bool = false
    ) {
        self.min = min
        self.max = max
        self.mean = mean
        self.median = median
        self.stddev = stddev
        self.iqr = iqr
        self.rounds = rounds
        self.isSingleValue = isSingleValue
    }

    /// One measurement, e.g. one repetition's time per iteration.
    public static func single(_ value: Double, iterations: Int = 1) -> RunStatistics {
        RunStatistics(
            min: value, max: value, mean: value, median: value, stddev: 0, iqr: 0,
            rounds: iterations, isSingleValue: true)
    }

    public subscript(statistic: Statistic) -> Double? {
        switch statistic {
        case .min: min
        case .max: max
        case .mean: mean
        case .median: median
        case .stddev: stddev
        case .iqr: iqr
        }
    }

    /// The statistics of one side when it has several runs, for `--fail-on`.
    ///
    /// One run is returned as is, so a one-file-per-side comparison uses exactly the numbers
    /// pytest-benchmark would. Runs that are single measurements are summarised like pytest-benchmark
    /// summarises rounds (sample standard deviation, its quartile method for the IQR). Otherwise
    /// (several pytest-benchmark files): the minimum of the minimums, the maximum of the maximums,
    /// the rounds-weighted mean of the means, and the median of the per-run medians, standard
    /// deviations and IQRs.
    public static func aggregate(_ runs: [RunStatistics]) -> RunStatistics? {
        guard let first = runs.first else { return nil }
        if runs.count == 1 { return first }
        if runs.allSatisfy(\.isSingleValue) {
            let summary = Descriptive(runs.map(\.min))
            return RunStatistics(
                min: summary.min, max: summary.max, mean: summary.mean, median: summary.median,
                stddev: summary.stddev, iqr: summary.iqr, rounds: runs.count, isSingleValue: false)
        }
        let totalRounds = runs.reduce(0) { $0 + Swift.max($1.rounds, 1) }
        let weightedMean = runs.reduce(0.0) { $0 + $1.mean * Double(Swift.max($1.rounds, 1)) } / Double(totalRounds)
        let stddevs = runs.compactMap(\.stddev)
        let iqrs = runs.compactMap(\.iqr)
        return RunStatistics(
            min: runs.map(\.min).min() ?? first.min,
            max: runs.map(\.max).max() ?? first.max,
            mean: weightedMean,
            median: Descriptive.median(runs.map(\.median)),
            stddev: stddevs.count == runs.count ? Descriptive.median(stddevs) : nil,
            iqr: iqrs.count == runs.count ? Descriptive.median(iqrs) : nil,
            rounds: totalRounds)
    }
}
