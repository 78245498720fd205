/// The coverage of one source file after reading, path mapping and merging.
public struct FileCoverage: Sendable, Equatable {
    /// Repository-relative with `/` separators when the file was found in the repository; otherwise
    /// the report's path, normalised (see `matched`).
    public var path: String
    /// Whether `path` names a file that exists under the repository root.
    public var matched: Bool
    /// Measured lines, sorted by number, one record per line.
    public var lines: [LineCoverage]

    public init(path: String, matched: Bool, lines: [LineCoverage]) {
        self.path = path
        self.matched = matched
        self.lines = lines
    }

    public var stats: CoverageStats { CoverageStats(lines: lines) }

    /// Line numbers that never ran, ascending.
    public var missingLines: [Int] { lines.filter { !$0.isCovered }.map { Int($0.number) } }

    /// Lines with at least one branch arc not taken, ascending.
    public var partialLines: [Int] {
        lines.filter { $0.branchesCovered < $0.branchesTotal && $0.isCovered }.map { Int($0.number) }
    }
}
