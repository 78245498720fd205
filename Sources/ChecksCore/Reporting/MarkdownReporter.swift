/// GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY` and pull-request comments: a verdict heading,
/// one line of counts, then a table of findings capped at `maxRows`.
///
/// Spec: GFM tables and escapes, https://github.github.com/gfm/ (§4.10 tables: a `|` inside a cell,
/// even inside a code span, must be written `\|`; §6.1 backslash escapes: any ASCII punctuation may
/// be escaped; §6.3 code spans: a span opened by N backticks ends at the next run of exactly N).
public struct MarkdownReporter: Reporter {
    public static let identifier = "markdown"
    /// Step summaries are limited to 1 MiB and PR comments to 65536 characters; 200 rows of findings
    /// stay well inside both and are more than anyone reads.
    public static let maxRows = 200

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        var out = "### \(report.passed ? "✅" : "❌") \(report.tool): \(report.passed ? "passed" : "failed")\n\n"
        out += report.summary.map { "\($0.key): \($0.value)" }.joined(separator: " · ") + "\n"
        for table in report.tables {
            out += MarkdownReporter.table(table)
        }
        guard !report.diagnostics.isEmpty else { return out }

        out += "\n| Severity | Location | Rule | Message |\n"
        out += "| --- | --- | --- | --- |\n"
        for d in report.diagnostics.prefix(MarkdownReporter.maxRows) {
            out += "| \(MarkdownReporter.severityCell(d.severity)) | \(MarkdownReporter.locationCell(d))"
            out += " | \(MarkdownReporter.escapeText(d.rule)) | \(MarkdownReporter.messageCell(d)) |\n"
        }
        let hidden = report.diagnostics.count - MarkdownReporter.maxRows
        if hidden > 0 {
            out += "\n… and \(hidden) more\n"
        }
        return out
    }

    /// A tool's own table, capped at `maxRows` like the findings.
    static func table(_ table: ReportTable) -> String {
        var out = "\n"
        if !table.title.isEmpty { out += "**\(escapeText(table.title))**\n\n" }
        out += "| " + table.columns.map { escapeText($0.title) }.joined(separator: " | ") + " |\n"
        out += "| " + table.columns.map { $0.alignment == .right ? "---:" : "---" }.joined(separator: " | ") + " |\n"
        for row in table.rows.prefix(maxRows) {
            out += "| " + table.columns.indices.map { $0 < row.count ? escapeText(row[$0]) : "" }.joined(separator: " | ") + " |\n"
        }
        let hidden = table.rows.count - maxRows
        if hidden > 0 { out += "\n… and \(hidden) more rows\n" }
        return out
    }

    // MARK: - Cells

    private static func severityCell(_ severity: Severity) -> String {
        switch severity {
        case .error: "❌ error"
        case .warning: "⚠️ warning"
        case .note: "ℹ️ note"
        }
    }

    private static func locationCell(_ d: Diagnostic) -> String {
        if d.file.isEmpty { return "" }
        return codeSpan("\(d.file):\(d.line):\(d.column)")
    }

    private static func messageCell(_ d: Diagnostic) -> String {
        var cell = escapeText(d.message)
        if let suggestion = d.suggestion {
            cell += " (did you mean \(codeSpan(suggestion))?)"
        }
        return cell
    }

    // MARK: - Escaping

    /// Plain text in a table cell: Markdown punctuation is backslash-escaped so a message can never
    /// open emphasis, a link, a code span or an HTML tag; line breaks become `<br>` because a raw
    /// newline would end the table row.
    static func escapeText(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previous: Unicode.Scalar = " "
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "\r": out += "<br>"
            // CRLF is one break, not two.
            case "\n": if previous != "\r" { out += "<br>" }
            // Terminal escapes and bidi overrides from inputs are shown, not passed on.
            case let control where DisplayText.isControl(control):
                out += "\\u{" + String(control.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return out
    }

    /// A code span for a table cell that survives any content: the fence is one backtick longer than
    /// the longest backtick run inside, padded with spaces when the content starts or ends with a
    /// backtick (GFM strips one space from each side), `|` written as `\|` for the table, and line
    /// breaks turned into spaces as a code span would render them anyway.
    static func codeSpan(_ s: String) -> String {
        // Two backticks with nothing between are not a code span but literal backticks.
        if s.isEmpty { return "" }
        var content = ""
        var longestRun = 0
        var run = 0
        for scalar in s.unicodeScalars {
            if scalar == "`" {
                run += 1
                longestRun = max(longestRun, run)
            } else {
                run = 0
            }
            switch scalar {
            case "|": content += "\\|"
            case "\r", "\n": content += " "
            case let control where DisplayText.isControl(control):
                content += "\\u{" + String(control.value, radix: 16, uppercase: true) + "}"
            default: content.unicodeScalars.append(scalar)
            }
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let pad = content.hasPrefix("`") || content.hasSuffix("`") ? " " : ""
        return fence + pad + content + pad + fence
    }
}
