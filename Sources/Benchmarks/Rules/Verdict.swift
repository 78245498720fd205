/// What the comparison concluded about one benchmark. The raw values are the JSON strings.
public enum Verdict: String, Sendable, CaseIterable, Comparable {
    /// Slower, beyond the threshold and confirmed (or failing a `--fail-on` expression).
    case regressed
    /// Beyond the threshold but not confirmable: too few runs for the significance test.
    case suspect
    /// Faster, beyond the threshold and confirmed.
    case improved
    /// In the baseline but not in the current run.
    case missing
    /// In the current run but not in the baseline.
    case new
    case unchanged

    /// Display order: regressions first, then what needs a look, then the rest.
    private var rank: Int {
        switch self {
        case .regressed: 0
        case .suspect: 1
        case .improved: 2
        case .missing: 3
        case .new: 4
        case .unchanged: 5
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
}
