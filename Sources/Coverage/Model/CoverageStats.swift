/// Counts behind a coverage percentage, the way coverage.py adds them up (`results.py`, `Numbers`):
/// statements and branch arcs, each with how many were covered.
public struct CoverageStats: Sendable, Equatable {
    public var statements = 0
    public var coveredStatements = 0
    public var branches = 0
    public var coveredBranches = 0

    public init(statements: Int = 0, coveredStatements: Int = 0, branches: Int = 0, coveredBranches: Int = 0) {
        self.statements = statements
        self.coveredStatements = coveredStatements
        self.branches = branches
        self.coveredBranches = coveredBranches
    }

    public init(lines: [LineCoverage]) {
        for line in lines { add(line) }
    }

    public mutating func add(_ line: LineCoverage) {
        statements += 1
        if line.isCovered { coveredStatements += 1 }
        branches += Int(line.branchesTotal)
        coveredBranches += Int(line.branchesCovered)
    }

    public static func + (lhs: CoverageStats, rhs: CoverageStats) -> CoverageStats {
        CoverageStats(
            statements: lhs.statements + rhs.statements, coveredStatements: lhs.coveredStatements + rhs.coveredStatements,
            branches: lhs.branches + rhs.branches, coveredBranches: lhs.coveredBranches + rhs.coveredBranches)
    }

    /// coverage.py's numerator: covered statements plus covered branch arcs.
    public var covered: Int { coveredStatements + coveredBranches }
    /// coverage.py's denominator: statements plus branch arcs.
    public var total: Int { statements + branches }
    public var missingStatements: Int { statements - coveredStatements }
    public var missingBranches: Int { branches - coveredBranches }

    /// `100 * covered / total` as coverage.py computes it (a Double, unrounded); 100 when there is
    /// nothing to measure, as `Numbers._percent` does.
    public var percent: Double { CoveragePercent.percent(covered: covered, total: total) }
}
