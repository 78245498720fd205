/// GitHub Actions workflow commands: one annotation per diagnostic, then the plain summary line the
/// text reporter ends with, so the log still says whether the run passed.
///
/// Spec: https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions
/// (`::error file={name},line={line},col={col},title={title}::{message}`; `warning` and `notice`
/// take the same properties). The docs leave escaping out; the rules are those of `escapeData` and
/// `escapeProperty` in actions/toolkit `packages/core/src/command.ts`, which the runner reverses in
/// `src/Runner.Common/ActionCommand.cs`: data `%`→`%25`, CR→`%0D`, LF→`%0A`; property values
/// additionally `:`→`%3A`, `,`→`%2C`.
public struct GitHubReporter: Reporter {
    public static let identifier = "github"
    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        var out = ""
        for d in report.diagnostics {
            out += GitHubReporter.command(for: d, tool: report.tool) + "\n"
        }
        out += GitHubReporter.summaryLine(report) + "\n"
        return out
    }

    /// The Markdown a tool appends to the file named by `$GITHUB_STEP_SUMMARY`.
    ///
    /// The step summary renders GitHub-flavoured Markdown, so this is the Markdown reporter's output;
    /// kept here so the CLI has one place to ask for "what goes into the step summary".
    public static func stepSummary(_ report: Report) -> String {
        MarkdownReporter().render(report, context: ReportContext())
    }

    // MARK: - Commands

    /// One workflow command line, without the trailing newline.
    static func command(for d: Diagnostic, tool: String) -> String {
        let name: String
        switch d.severity {
        case .error: name = "error"
        case .warning: name = "warning"
        // GitHub calls its lowest annotation level `notice`; `::note` would be printed as plain text.
        case .note: name = "notice"
        }
        var properties: [(String, String)] = []
        // Findings about the whole run (a failed gate) may have no file or position; an annotation
        // with `line=0` is rejected, so each property is written only when it means something.
        if !d.file.isEmpty {
            properties.append(("file", DisplayText.escapingControls(d.file)))
            if d.line >= 1 {
                properties.append(("line", String(d.line)))
                if d.column >= 1 { properties.append(("col", String(d.column))) }
            }
        }
        properties.append(("title", "\(tool) (\(d.rule))"))
        // Control characters from inputs would reach the Actions log as terminal escapes.
        var message = DisplayText.escapingControls(d.message, keepingNewlines: true)
        if let suggestion = d.suggestion {
            message += " (did you mean '\(DisplayText.escapingControls(suggestion))'?)"
        }
        let joined = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(joined)::\(escapeData(message))"
    }

    /// actions/toolkit `escapeData`: the message part after the second `::`.
    static func escapeData(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// actions/toolkit `escapeProperty`: a `key=value` value, where `,` separates properties and `:`
    /// would end the property list early.
    static func escapeProperty(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in escapeData(s).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: - Summary

    /// Same words as the text reporter's last line, never coloured: the Actions log is not a terminal.
    static func summaryLine(_ report: Report) -> String {
        let counts = report.counts.map { CountLabel.text($0.value, $0.key) }.joined(separator: ", ")
        var line = "\(report.tool): \(report.passed ? "passed" : "failed"): "
        line += "\(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning"))"
        if !counts.isEmpty { line += " (\(counts))" }
        return line
    }

    private static func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
