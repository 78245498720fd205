import ChecksCore

/// One row per gate with ✓/✗: the rounded percent the decision used, the comparison, and the exact
/// fraction next to it, so a "79.6 % passes 80" is never a mystery (coverage.py rounds, see
/// `CoveragePercent`).
public enum GateTable {
    public static func make(_ gates: [GateResult], skipped: [String: String], display: (String) -> String, base: String?) -> ReportTable {
        let columns: [ReportTable.Column] = [
            .init(""), .init("Gate"), .init("Scope"), .init("Cover", .right), .init(""), .init("Threshold", .right),
            .init("Covered", .right), .init("Exact", .right),
        ]
        var rows: [[String]] = []
        for gate in gates {
            let scope: String
            switch gate.kind {
            case .overall: scope = "all files"
            case .critical: scope = gate.file.map { "\(gate.pattern ?? ""): \(display($0))" } ?? (gate.pattern ?? "")
            case .newCode: scope = base.map { "changed lines since \($0)" } ?? "changed lines"
            }
            let threshold = CoveragePercent.thresholdText(gate.threshold) + "%"
            if let note = gate.note, gate.total == 0 {
                rows.append([gate.passed ? "✓" : "✗", gate.kind.rawValue, scope, "—", "", threshold, "0/0", note])
                continue
            }
            rows.append([
                gate.passed ? "✓" : "✗", gate.kind.rawValue, scope, gate.roundedText + "%", gate.passed ? "≥" : "<",
                threshold, "\(gate.covered)/\(gate.total)", CoveragePercent.exactText(gate.percent) + "%",
            ])
        }
        for (name, reason) in skipped.sorted(by: { $0.key < $1.key }) {
            rows.append(["–", name, reason, "", "", "", "", ""])
        }
        return ReportTable(title: "Gates", columns: columns, rows: rows)
    }
}
