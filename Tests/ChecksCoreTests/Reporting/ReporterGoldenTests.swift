import ChecksTestSupport
import Foundation
import Testing

@testable import ChecksCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Golden files for every reporter × canned report, in `Fixtures/reporters/<report>.<extension>`.
/// `RECORD=1 swift test --filter ReporterGoldenTests` rewrites them; review the diff before committing.
@Suite struct ReporterGoldenTests {
    /// The golden file extension per `--format` identifier; a new format falls back to its identifier.
    static func fileExtension(_ identifier: String) -> String {
        switch identifier {
        case "text": "txt"
        case "github": "github.txt"
        case "junit": "junit.xml"
        case "markdown": "md"
        default: identifier
        }
    }

    @Test(arguments: ["sample", "empty"], Reporters.identifiers)
    func matchesGolden(reportName: String, format: String) throws {
        let report = try #require(CannedReports.byName[reportName])
        let reporter = try #require(Reporters.named(format))
        let output = reporter.render(report, context: CannedReports.context)
        assertGolden(
            output, path: "reporters/\(reportName).\(Self.fileExtension(format))",
            comparingJSON: format == "json" || format == "sarif")
    }

    // MARK: - Registry

    @Test func everyIdentifierResolvesAndIsUnique() throws {
        let identifiers = Reporters.identifiers
        #expect(Set(identifiers).count == identifiers.count, "duplicate reporter identifiers: \(identifiers)")
        for identifier in identifiers {
            let reporter = try #require(Reporters.named(identifier), "no reporter for \(identifier)")
            #expect(type(of: reporter).identifier == identifier)
        }
        #expect(Reporters.named("no-such-format") == nil)
    }

    // MARK: - Well-formedness

    @Test(arguments: ["sample", "empty"], ["json", "sarif"])
    func parsesAsJSON(reportName: String, format: String) throws {
        let report = try #require(CannedReports.byName[reportName])
        let output = try #require(Reporters.named(format)).render(report, context: CannedReports.context)
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        #expect(object is [String: Any])
    }

    @Test func sarifPointsResultsAtSortedRules() throws {
        let output = SARIFReporter().render(CannedReports.sample, context: CannedReports.context)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ruleIDs = try #require(driver["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ruleIDs == ruleIDs.sorted())
        for result in try #require(run["results"] as? [[String: Any]]) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ruleIDs[index] == result["ruleId"] as? String)
        }
        let base = (run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
        #expect(base?["uri"] as? String == "file:///home/runner/work/my%20repo/")
    }

    @Test func sarifPercentEncodesArtifactURIs() {
        #expect(SARIFReporter.percentEncodedPath("docs/ünï cøde.md") == "docs/%C3%BCn%C3%AF%20c%C3%B8de.md")
        #expect(SARIFReporter.percentEncodedPath("a:b/c#d?e%f") == "a%3Ab/c%23d%3Fe%25f")
        #expect(SARIFReporter.fileURI(directory: "/work") == "file:///work/")
        #expect(SARIFReporter.fileURI(directory: "/work/") == "file:///work/")
    }

    @Test(arguments: ["sample", "empty", "hostile", "gate"])
    func junitParsesAsXML(reportName: String) throws {
        let report: Report
        switch reportName {
        // Characters XML 1.0 cannot carry at all, plus markup in every field that reaches an attribute.
        case "hostile":
            report = Report(
                tool: "check-<doc>-refs", version: "0.1.0",
                diagnostics: [
                    Diagnostic(
                        rule: "r&d", severity: .error, file: "a\"b'<c>.md", line: 1, column: 2,
                        message: "nul \u{0} bell \u{7} backspace \u{8} esc \u{1B} ]]> end\r\nnext", suggestion: "x\u{FFFE}y"),
                    Diagnostic(rule: "w", severity: .warning, file: "w.md", line: 1, column: 1, message: "tab\there"),
                ])
        case "gate":
            report = Report(tool: "check-coverage", version: "0.1.0", diagnostics: [], failedWithoutDiagnostics: true)
        default:
            report = try #require(CannedReports.byName[reportName])
        }
        let output = JUnitReporter().render(report, context: CannedReports.context)
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(output.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "junit output is not well-formed xml: \(String(describing: parser.parserError))\n\(output)")
        #expect(collector.elements.first == "testsuites")
        let suite = try #require(collector.attributes.first { $0.element == "testsuite" }?.values)
        let testcases = collector.elements.count { $0 == "testcase" }
        let failures = collector.elements.count { $0 == "failure" }
        #expect(testcases >= 1, "a suite must never be empty")
        #expect(suite["tests"] == String(testcases))
        #expect(suite["failures"] == String(failures))
        #expect(failures == report.errorCount + (report.passed || report.errorCount > 0 ? 0 : 1))
        if reportName == "hostile" {
            // Attribute values come back exactly, minus the characters XML cannot hold.
            let testcase = try #require(collector.attributes.first { $0.element == "testcase" }?.values)
            #expect(testcase["classname"] == "a\"b'<c>.md")
            let failure = try #require(collector.attributes.first { $0.element == "failure" }?.values)
            #expect(failure["type"] == "r&d")
            #expect(failure["message"] == "nul  bell  backspace  esc  ]]> end\r\nnext (did you mean 'xy'?)")
        }
    }

    // MARK: - GitHub escaping

    @Test func githubEscapesNewlinesInMessagesAndCommasInPaths() {
        let report = Report(
            tool: "check-doc-refs", version: "0.1.0",
            diagnostics: [
                Diagnostic(
                    rule: "broken-link", severity: .error, file: "docs/a,b: c.md", line: 4, column: 2,
                    message: "first line\nsecond line, 100%")
            ])
        let output = GitHubReporter().render(report, context: ReportContext())
        let firstLine = output.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine == "::error file=docs/a%2Cb%3A c.md,line=4,col=2,title=check-doc-refs (broken-link)::first line%0Asecond line, 100%25")
        #expect(output.hasSuffix("check-doc-refs: failed: 1 error, 0 warnings\n"))
    }

    @Test func githubStepSummaryIsTheMarkdownReport() {
        let summary = GitHubReporter.stepSummary(CannedReports.sample)
        #expect(summary == MarkdownReporter().render(CannedReports.sample, context: ReportContext()))
        #expect(summary.hasPrefix("### ❌ check-doc-refs: failed\n"))
    }

    // MARK: - Markdown

    @Test(arguments: [
        ("plain", "`plain`"),
        ("a`b", "``a`b``"),
        ("`start", "`` `start ``"),
        ("x``y`", "``` x``y` ```"),
        ("a|b", "`a\\|b`"),
        ("two\nlines", "`two lines`"),
        ("", ""),
    ])
    func markdownCodeSpans(input: String, expected: String) {
        #expect(MarkdownReporter.codeSpan(input) == expected)
    }

    @Test func markdownCapsTheTable() {
        let diagnostics = (1...(MarkdownReporter.maxRows + 5)).map {
            Diagnostic(rule: "r", severity: .warning, file: "f.md", line: $0, column: 1, message: "m")
        }
        let output = MarkdownReporter().render(
            Report(tool: "t", version: "0", diagnostics: diagnostics), context: ReportContext())
        let rows = output.split(separator: "\n").count { $0.hasPrefix("| ⚠️ warning |") }
        #expect(rows == MarkdownReporter.maxRows)
        #expect(output.hasSuffix("\n… and 5 more\n"))
    }
}

/// Records element names and attributes in document order; XMLParser calls back synchronously on
/// the parsing thread, so no synchronisation is needed.
private final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [(element: String, values: [String: String])] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(elementName)
        attributes.append((elementName, attributeDict))
    }
}
