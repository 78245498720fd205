/// Overall: coverage.py's total over every file in the report(s),
/// `(covered statements + covered branches) / (statements + branches)`, counted from the lines.
public enum OverallGate {
    public static func evaluate(_ files: [FileCoverage], threshold: Double, precision: Int) -> GateResult {
        let stats = files.reduce(CoverageStats()) { $0 + $1.stats }
        return GateResult(kind: .overall, covered: stats.covered, total: stats.total, threshold: threshold, precision: precision)
    }
}
