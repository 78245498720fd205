import ChecksCore

/// The per-file table of the text and Markdown formats, in coverage.py's `coverage report` shape:
/// Name, Stmts, Miss, (Branch, BrPart when the report has branch data), Cover, Missing, then TOTAL.
///
/// Only files that matter are listed: files below 100 %. At most `maxRows` of them, the least
/// covered first when there are more, shown in path order; the JSON format lists every file.
public enum FileTable {
    public static let maxRows = 40

    public static func make(_ files: [FileCoverage], precision: Int, display: (String) -> String) -> ReportTable {
        // Stats are computed from the lines on every access; compute them once per file.
        let measured = files.map { (file: $0, stats: $0.stats) }
        let total = measured.reduce(CoverageStats()) { $0 + $1.stats }
        let withBranches = total.branches > 0
        var columns: [ReportTable.Column] = [.init("Name"), .init("Stmts", .right), .init("Miss", .right)]
        if withBranches { columns += [.init("Branch", .right), .init("BrPart", .right)] }
        columns += [.init("Cover", .right), .init("Missing")]

        let incomplete = measured.filter { $0.stats.percent < 100 }
        var shown = incomplete
        if shown.count > maxRows {
            shown = Array(shown.sorted { ($0.stats.percent, $0.file.path) < ($1.stats.percent, $1.file.path) }.prefix(maxRows))
            shown.sort { $0.file.path < $1.file.path }
        }
        func row(_ name: String, _ stats: CoverageStats, partial: Int, missing: String) -> [String] {
            var cells = [name, String(stats.statements), String(stats.missingStatements)]
            if withBranches { cells += [String(stats.branches), String(partial)] }
            return cells + [CoveragePercent.display(stats.percent, precision: precision) + "%", missing]
        }
        var rows = shown.map { entry in
            row(display(entry.file.path), entry.stats, partial: entry.file.partialLines.count, missing: MissingRanges.text(entry.file.lines))
        }
        let partialTotal = files.reduce(0) { $0 + $1.partialLines.count }
        rows.append(row("TOTAL", total, partial: partialTotal, missing: ""))

        var notes: [String] = []
        let covered = files.count - incomplete.count
        if covered > 0 { notes.append("\(covered) file\(covered == 1 ? "" : "s") fully covered") }
        if incomplete.count > shown.count { notes.append("\(incomplete.count - shown.count) more below 100 % (--format json lists all)") }
        let title = "Coverage by file" + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ", not shown)")
        return ReportTable(title: title, columns: columns, rows: rows)
    }
}
