/// New code: of the changed lines the report measures, how many ran. Lines the report does not
/// measure (comments, blank lines, files outside the report) do not count, as in diff-cover; a
/// partly taken branch line counts as covered (diff-cover without `--branch-coverage`).
public enum NewCodeGate {
    /// A run of uncovered changed lines in one file, consecutive among the measured lines.
    public struct UncoveredRun: Sendable, Equatable {
        public var path: String
        public var first: Int
        public var last: Int
    }

    public struct Evaluation: Sendable {
        public var gate: GateResult
        public var uncovered: [UncoveredRun]
        /// Per file with at least one measured changed line: (path, covered, measured).
        public var perFile: [(path: String, covered: Int, measured: Int)]
    }

    public static func evaluate(
        _ files: [FileCoverage], changes: ChangedLines, threshold: Double, precision: Int
    ) -> Evaluation {
        var covered = 0
        var measured = 0
        var runs: [UncoveredRun] = []
        var perFile: [(path: String, covered: Int, measured: Int)] = []
        for file in files {
            guard let ranges = changes.ranges[file.path] else { continue }
            var fileCovered = 0
            var fileMeasured = 0
            var open: UncoveredRun?
            for line in file.lines {
                let number = Int(line.number)
                guard ChangedLines.contains(ranges, number) else {
                    // An unchanged measured line ends a run; unmeasured lines in between do not.
                    if let run = open { runs.append(run); open = nil }
                    continue
                }
                fileMeasured += 1
                if line.isCovered {
                    fileCovered += 1
                    if let run = open { runs.append(run); open = nil }
                } else if var run = open {
                    run.last = number
                    open = run
                } else {
                    open = UncoveredRun(path: file.path, first: number, last: number)
                }
            }
            if let run = open { runs.append(run) }
            if fileMeasured > 0 { perFile.append((file.path, fileCovered, fileMeasured)) }
            covered += fileCovered
            measured += fileMeasured
        }
        let note = measured == 0 ? "no measured changed lines" : nil
        let gate = GateResult(kind: .newCode, covered: covered, total: measured, threshold: threshold, precision: precision, note: note)
        return Evaluation(gate: gate, uncovered: runs, perFile: perFile)
    }
}
