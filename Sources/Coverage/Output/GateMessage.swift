/// The one-line message of a failed gate, e.g. "overall coverage 78.4% is below the 80% threshold
/// (2345/2991 lines and branches)".
enum GateMessage {
    static func failure(_ gate: GateResult, base: String?, display: (String) -> String) -> String {
        let threshold = CoveragePercent.thresholdText(gate.threshold) + "%"
        let measured = "\(gate.roundedText)% is below the \(threshold) threshold"
        switch gate.kind {
        case .overall:
            return "overall coverage \(measured) (\(gate.covered)/\(gate.total) lines and branches covered)"
        case .critical:
            let scope =
                gate.file.map { "'\(display($0))' (critical path '\(gate.pattern ?? "")')" }
                ?? "critical path '\(gate.pattern ?? "")'"
            return "coverage of \(scope) \(measured) (\(gate.covered)/\(gate.total) lines and branches covered)"
        case .newCode:
            let since = base.map { " since \($0)" } ?? ""
            return "new-code coverage\(since) \(measured) (\(gate.covered)/\(gate.total) changed lines covered)"
        }
    }
}
