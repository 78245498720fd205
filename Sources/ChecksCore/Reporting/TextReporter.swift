/// The default, human format: `path:line:column: severity: message [rule]`, an indented `help:` line
/// when there is a suggestion, then one summary line. The shape compilers and ruff use, so editors and
/// terminals make the location clickable.
public struct TextReporter: Reporter {
    public static let identifier = "text"
    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        var out = ""
        for table in report.tables {
            out += table.renderText() + "\n"
        }
        // Appending pieces costs a fraction of string interpolation, and a large tree has thousands of
        // findings to print after the parallel work is done.
        out.reserveCapacity(report.diagnostics.count * 120)
        let severities = Dictionary(
            uniqueKeysWithValues: Severity.allCases.map { severity in
                (severity, paint(severity.rawValue, severity == .error ? "31" : severity == .warning ? "33" : "36", context))
            })
        for d in report.diagnostics {
            // Paths, messages and suggestions come from inputs; control characters are shown, not sent.
            out += DisplayText.escapingControls(d.file)
            out += ":"
            out += String(d.line)
            out += ":"
            out += String(d.column)
            out += ": "
            out += severities[d.severity] ?? d.severity.rawValue
            out += ": "
            // A message never breaks the one-finding-per-line shape: later lines are indented.
            let message = DisplayText.escapingControls(d.message, keepingNewlines: true)
            if message.utf8.contains(0x0A) {
                out += message.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ")
            } else {
                out += message
            }
            out += " ["
            out += d.rule
            out += "]\n"
            if let suggestion = d.suggestion {
                out += "  help: did you mean '"
                out += DisplayText.escapingControls(suggestion)
                out += "'?\n"
            }
        }
        let counts = report.counts.map { CountLabel.text($0.value, $0.key) }.joined(separator: ", ")
        let verdict = report.passed ? paint("passed", "32", context) : paint("failed", "31", context)
        out += "\(report.tool): \(verdict): \(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning"))"
        out += counts.isEmpty ? "\n" : " (\(counts))\n"
        return out
    }

    private func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private func paint(_ text: String, _ code: String, _ context: ReportContext) -> String {
        context.colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
