/// The outcome of one gate: what was measured, against what, and whether it passed.
public struct GateResult: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case overall
        case critical
        case newCode = "new-code"
    }

    public var kind: Kind
    /// The critical glob as written; nil for the other gates.
    public var pattern: String?
    /// With `--critical-each`: the one file this result is about (root-relative).
    public var file: String?
    /// Covered statements plus covered branch arcs (new code: covered changed lines).
    public var covered: Int
    /// Statements plus branch arcs (new code: measured changed lines).
    public var total: Int
    /// Unrounded `100 * covered / total`; 100 when `total` is 0.
    public var percent: Double
    public var threshold: Double
    /// The decimals the comparison used (`precision`, raised to the threshold's own decimals).
    public var comparisonPrecision: Int
    public var passed: Bool
    /// Why a gate passed without measuring, e.g. "no measured changed lines".
    public var note: String?

    public init(
        kind: Kind, pattern: String? = nil, file: String? = nil, covered: Int, total: Int,
        threshold: Double, precision: Int, note: String? = nil
    ) {
        self.kind = kind
        self.pattern = pattern
        self.file = file
        self.covered = covered
        self.total = total
        self.percent = CoveragePercent.percent(covered: covered, total: total)
        self.threshold = threshold
        self.comparisonPrecision = CoveragePercent.comparisonPrecision(threshold: threshold, precision: precision)
        self.passed = total == 0 || CoveragePercent.meets(percent, threshold: threshold, precision: precision)
        self.note = note
    }

    /// The percent as the decision saw it, e.g. "84.4".
    public var roundedText: String { CoveragePercent.display(percent, precision: comparisonPrecision) }
}
