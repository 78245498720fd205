/// JUnit XML, for CI test-report views (Jenkins `junit`, GitLab `artifacts:reports:junit`, GitHub
/// test-reporter actions).
///
/// Spec: JUnit XML has no single standard; this follows the Apache Ant schema most readers accept
/// (https://github.com/windyroad/JUnit-Schema/blob/master/JUnit.xsd) and GitLab's notes on what it
/// reads (https://docs.gitlab.com/ee/ci/testing/unit_test_reports.html): `<testsuites>` around one
/// `<testsuite>` named after the tool, one `<testcase>` per finding, `<failure>` for a failed case.
/// Text is escaped per XML 1.0 (https://www.w3.org/TR/xml/ §2.2 `Char`, §2.4, §2.11, §3.3.3).
///
/// Severity mapping, decided here:
/// - `error` → a testcase with `<failure>`: exactly the findings that fail the run (exit code 1).
/// - `warning` and `note` → a passing testcase with the finding in `<system-out>`. A `<failure>`
///   would paint a passing run red in every test view; `<skipped>` would claim the check did not
///   run. `<system-out>` keeps the finding visible next to the case without changing the verdict.
/// - No findings → one passing testcase named after the tool, because several readers treat an
///   empty suite as "no tests ran" and fail or warn.
/// - A failed gate without error findings (`Report.failedWithoutDiagnostics`) → a failing testcase
///   named after the tool, so the XML agrees with the exit code.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"
    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        var cases: [String] = report.diagnostics.map { JUnitReporter.testcase(for: $0, tool: report.tool) }
        var failures = report.errorCount
        if !report.passed && report.errorCount == 0 {
            failures += 1
            let failure =
                "<failure type=\"\(JUnitReporter.escape(report.tool))\" message=\"the run failed without error findings, see the tool's output\"/>"
            cases.append(JUnitReporter.toolCase(report.tool, body: [failure]))
        } else if report.diagnostics.isEmpty {
            cases.append(JUnitReporter.toolCase(report.tool, body: []))
        }

        let tool = JUnitReporter.escape(report.tool)
        // `time` is not required by the schema readers use, but some reporters parse it
        // unconditionally and show NaN when it is missing; the findings have no duration.
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(tool)\" \(counts) time=\"0\">\n"
        out += "  <testsuite name=\"\(tool)\" \(counts) skipped=\"0\" time=\"0\">\n"
        for testcase in cases { out += testcase }
        out += "  </testsuite>\n"
        out += "</testsuites>\n"
        return out
    }

    // MARK: - Testcases

    private static func testcase(for d: Diagnostic, tool: String) -> String {
        // A finding about the whole run has no file; group it under the tool instead of an empty class.
        let classname = d.file.isEmpty ? tool : d.file
        var out = "    <testcase classname=\"\(escape(classname))\" name=\"\(escape("\(d.rule) at \(d.line):\(d.column)"))\" time=\"0\">\n"
        // The body repeats the text reporter's lines so the log view reads like the console.
        var body = "\(d.file):\(d.line):\(d.column): \(d.severity.rawValue): \(d.message) [\(d.rule)]"
        var message = d.message
        if let suggestion = d.suggestion {
            body += "\n  help: did you mean '\(suggestion)'?"
            message += " (did you mean '\(suggestion)'?)"
        }
        switch d.severity {
        case .error:
            out += "      <failure type=\"\(escape(d.rule))\" message=\"\(escape(message))\">\(escape(body, inText: true))</failure>\n"
        case .warning, .note:
            out += "      <system-out>\(escape(body, inText: true))</system-out>\n"
        }
        out += "    </testcase>\n"
        return out
    }

    private static func toolCase(_ tool: String, body: [String]) -> String {
        let open = "    <testcase classname=\"\(escape(tool))\" name=\"\(escape(tool))\" time=\"0\""
        if body.isEmpty { return open + "/>\n" }
        return open + ">\n" + body.map { "      \($0)\n" }.joined() + "    </testcase>\n"
    }

    // MARK: - Escaping

    /// Escapes for an attribute value (default) or element content (`inText`).
    ///
    /// Characters outside XML 1.0's `Char` production (C0 controls other than tab, LF and CR, and
    /// U+FFFE/U+FFFF) cannot be written even as character references, so they are dropped. In
    /// attributes, tab, LF and CR become character references because attribute-value normalisation
    /// would otherwise turn them into spaces; in text, CR does, because end-of-line handling would
    /// otherwise turn it into LF.
    static func escape(_ s: String, inText: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            // Only `]]>` must be escaped in text; escaping every `>` is simpler and always valid.
            case ">": out += "&gt;"
            // Quotes only delimit attributes; in text they stay readable.
            case "\"": out += inText ? "\"" : "&quot;"
            case "'": out += inText ? "'" : "&apos;"
            case "\r": out += "&#13;"
            case "\n": out += inText ? "\n" : "&#10;"
            case "\t": out += inText ? "\t" : "&#9;"
            case let c where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF:
                continue
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
