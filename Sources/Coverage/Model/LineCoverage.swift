/// What a report says about one source line: how often it ran and how many of its branch arcs were
/// taken. Kept to 12 bytes because a large report holds a million of them.
public struct LineCoverage: Sendable, Equatable, Hashable {
    /// 1-based line number in the source file.
    public var number: UInt32
    /// Execution count, saturated at `UInt32.max`. coverage.py writes only 0 or 1, JaCoCo's value is
    /// the covered-instruction count; only "zero or not" decides coverage.
    public var hits: UInt32
    /// Branch arcs (Cobertura `condition-coverage` "(c/t)", JaCoCo `cb`/`mb`, LCOV `BRDA`) taken.
    public var branchesCovered: UInt16
    /// Branch arcs on this line; 0 for a line that is not a branch point.
    public var branchesTotal: UInt16

    public init(number: UInt32, hits: UInt32, branchesCovered: UInt16 = 0, branchesTotal: UInt16 = 0) {
        self.number = number
        self.hits = hits
        self.branchesCovered = branchesCovered
        self.branchesTotal = branchesTotal
    }

    /// Covered as a statement: executed at least once. A partly taken branch line still counts as a
    /// covered statement (coverage.py's rule); its missing arcs count against the branch total.
    public var isCovered: Bool { hits > 0 }

    /// Combines two records of the same line (duplicates inside a report, or several reports): the
    /// highest hit count, and the branch data of the record that saw more arcs (the taken count is
    /// the higher of the two, never above the total).
    public func merged(with other: LineCoverage) -> LineCoverage {
        let total = max(branchesTotal, other.branchesTotal)
        let covered = min(max(branchesCovered, other.branchesCovered), total)
        return LineCoverage(number: number, hits: max(hits, other.hits), branchesCovered: covered, branchesTotal: total)
    }

    /// Sorts by line number and merges records of the same line into one.
    public static func normalised(_ lines: [LineCoverage]) -> [LineCoverage] {
        guard !lines.isEmpty else { return [] }
        var sorted = lines
        // Reports list lines in order almost always; skip the sort then.
        if !zip(sorted, sorted.dropFirst()).allSatisfy({ $0.number < $1.number }) {
            sorted.sort { $0.number < $1.number }
        } else {
            return sorted
        }
        var result: [LineCoverage] = []
        result.reserveCapacity(sorted.count)
        for line in sorted {
            if let last = result.last, last.number == line.number {
                result[result.count - 1] = last.merged(with: line)
            } else {
                result.append(line)
            }
        }
        return result
    }
}
