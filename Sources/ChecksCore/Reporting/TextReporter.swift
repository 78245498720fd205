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
        for d in report.diagnostics {
            let severity = paint(d.severity.rawValue, d.severity == .error ? "31" : d.severity == .warning ? "33" : "36", context)
            // A message never breaks the one-finding-per-line shape: later lines are indented.
            let message = d.message.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ")
            out += "\(d.file):\(d.line):\(d.column): \(severity): \(message) [\(d.rule)]\n"
            if let suggestion = d.suggestion {
                out += "  help: did you mean '\(suggestion)'?\n"
            }
        }
        let counts = report.counts.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
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
