import ChecksCore
import Foundation

/// One run of check-coverage: read → map paths → merge → gates → a `Report`. Never prints or exits.
public enum CoverageChecker {
    public static let toolName = "check-coverage"

    public static let ruleDescriptions = [
        "coverage-gate": "a coverage gate (overall, critical path or new code) below its threshold",
        "uncovered-new-code": "changed lines that the tests never ran",
        "report-totals": "a report's header totals disagree with the lines it lists",
        "unmatched-paths": "report files that do not exist in the repository",
    ]

    /// Everything computed, for the command and for tests.
    /// What is kept of a report once its lines are merged.
    public struct ReportSummary: Sendable, Equatable {
        public var path: String
        public var format: ReportFormat
        public var fileCount: Int
        public var warnings: [String]
    }

    public struct Outcome: Sendable {
        public var reports: [ReportSummary]
        public var files: [FileCoverage]
        public var gates: [GateResult]
        public var newCode: NewCodeGate.Evaluation?
        public var changes: ChangedLines?
        public var report: Report
    }

    /// - Throws: `CoverageReadError`, `PathMappingError`, `CoverageGateError`, `NewCodeError`,
    ///   `GitError` or `GlobPatternError`: all bad input (exit 2).
    public static func run(_ options: CoverageOptions) throws -> Outcome {
        try validate(options)
        let root = PathMapper.standardised(options.root)
        // git runs on a second thread while the report is parsed: the diff and the index cost a
        // tenth of a second in a large tree, the parse several. The index also answers "does this
        // report path exist" without a stat per file.
        let gitJob = Background { () throws -> ChangedLinesFinder.Prepared? in
            if options.newCode { return try ChangedLinesFinder.prepare(root: root, compareBranch: options.compareBranch) }
            return nil
        }
        let trackedJob = Background { () -> Set<String>? in
            guard !options.newCode, Git.topLevel(of: root) != nil else { return nil }
            return try? Git.trackedFiles(in: root)
        }
        var parsed = try options.reports.map { path -> ParsedReport in
            let absolute = path.hasPrefix("/") ? path : options.workingDirectory + "/" + path
            return try ReportReader.read(path: absolute, displayPath: path)
        }
        let reports = parsed.map { ReportSummary(path: $0.path, format: $0.format, fileCount: $0.files.count, warnings: $0.warnings) }
        let prepared = try gitJob.value()
        let tracked = try prepared?.tracked ?? trackedJob.value()
        let mapper = PathMapper(
            root: root, workingDirectory: options.workingDirectory, sourceRoot: options.sourceRoot, knownFiles: tracked)
        let merged = try CoverageMerger.merge(parsed, mapper: mapper)
        parsed = []
        let files = merged.files

        var gates = [OverallGate.evaluate(files, threshold: options.failUnder, precision: options.precision)]
        gates += try CriticalGate.evaluate(files, rules: options.critical, each: options.criticalEach, precision: options.precision)

        var newCode: NewCodeGate.Evaluation?
        var changes: ChangedLines?
        if let prepared {
            let found = try ChangedLinesFinder.finish(prepared, reportFiles: files.filter(\.matched).map(\.path))
            let evaluation = NewCodeGate.evaluate(files, changes: found, threshold: options.newCodeFailUnder, precision: options.precision)
            gates.append(evaluation.gate)
            newCode = evaluation
            changes = found
        }

        let display = { (path: String) in mapper.displayPath(path) }
        var diagnostics: [Diagnostic] = []
        // A failed gate is an error finding, so CI shows it as an annotation and every format
        // counts it; it sits on the first report, the input that failed.
        for gate in gates where !gate.passed {
            diagnostics.append(
                Diagnostic(
                    rule: "coverage-gate", severity: .error, file: reports.first?.path ?? "", line: 1, column: 1,
                    message: GateMessage.failure(gate, base: newCode == nil ? nil : changes?.base, display: display),
                    target: gate.pattern))
        }
        for run in newCode?.uncovered ?? [] {
            let lines = run.first == run.last ? "line \(run.first) is" : "lines \(run.first)-\(run.last) are"
            diagnostics.append(
                Diagnostic(
                    rule: "uncovered-new-code", severity: .warning, file: display(run.path), line: run.first, column: 1,
                    message: "\(lines) new and not covered by tests"))
        }
        for report in reports {
            for warning in report.warnings {
                // The message names the file already; strip that prefix so the location says it once.
                let message = warning.hasPrefix(report.path + ": ") ? String(warning.dropFirst(report.path.count + 2)) : warning
                diagnostics.append(Diagnostic(rule: "report-totals", severity: .warning, file: report.path, line: 1, column: 1, message: message))
            }
        }
        let unmatchedByReport = Dictionary(grouping: merged.unmatched, by: \.report)
        for report in reports {
            guard let missing = unmatchedByReport[report.path], let example = missing.first else { continue }
            diagnostics.append(
                Diagnostic(
                    rule: "unmatched-paths", severity: .warning, file: report.path, line: 1, column: 1,
                    message:
                        "\(missing.count) of \(report.fileCount) files in the report are not in the repository (e.g. '\(example.path)', root \(mapper.root)); they still count in the totals, pass --src-root to map them"
                ))
        }

        if let badge = options.badgePath, let overall = gates.first {
            let text = CoveragePercent.display(overall.percent, precision: options.precision) + "%"
            let svg = CoverageBadge.svg(text: text, percent: overall.percent, threshold: overall.threshold, passed: overall.passed)
            let target = badge.hasPrefix("/") ? badge : options.workingDirectory + "/" + badge
            try AtomicFile.write(Array(svg.utf8), to: target)
        }

        var skipped: [String: String] = [:]
        if !options.newCode { skipped["new-code"] = "skipped (--no-new-code)" }
        let tables = [
            FileTable.make(files, precision: options.precision, display: display),
            GateTable.make(gates, skipped: skipped, display: display, base: changes?.base),
        ]
        let total = files.reduce(CoverageStats()) { $0 + $1.stats }
        var counts: [(key: String, value: Int)] = [("files", files.count), ("lines", total.statements), ("branches", total.branches)]
        if let newCode { counts.append(("new lines", newCode.gate.total)) }
        var extensions: [(key: String, value: JSONValue)] = [("gates", CoverageJSON.gates(gates, display: display))]
        // The per-file list is large (every file, every missing line) and only the JSON format
        // shows extensions; building it for the text table would double the peak memory.
        if options.fileDetails { extensions.append(("files", CoverageJSON.files(files, display: display))) }
        extensions.append(("reports", CoverageJSON.reports(reports)))
        let report = Report(
            tool: toolName, version: ToolkitVersion.current, diagnostics: diagnostics, counts: counts,
            extensions: extensions,
            failedWithoutDiagnostics: gates.contains { !$0.passed },
            ruleDescriptions: ruleDescriptions,
            tables: tables)
        return Outcome(reports: reports, files: files, gates: gates, newCode: newCode, changes: changes, report: report)
    }

    static func validate(_ options: CoverageOptions) throws {
        let thresholds =
            [("fail-under", options.failUnder), ("new-code-fail-under", options.newCodeFailUnder)]
            + options.critical.map { ("critical threshold for '\($0.pattern)'", $0.threshold) }
        for (name, value) in thresholds where !(value >= 0 && value <= 100) {
            throw CoverageGateError.thresholdOutOfRange(name: name, value: value)
        }
        guard (0...10).contains(options.precision) else { throw CoverageGateError.precisionOutOfRange(options.precision) }
        for rule in options.critical { _ = try GlobPattern(rule.pattern) }
    }
}

/// One piece of work on a background thread, waited for with `value()`.
final class Background<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, Error>?

    init(_ work: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            result = Result { try work() }
            done.signal()
        }
    }

    func value() throws -> T {
        done.wait()
        done.signal()
        guard let result else { preconditionFailure("background work finished without a result") }
        return try result.get()
    }
}
