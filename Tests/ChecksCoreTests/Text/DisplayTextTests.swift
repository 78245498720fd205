import ChecksCore
import Testing

@Suite struct DisplayTextTests {
    @Test(arguments: [
        ("plain café path/ü.md", "plain café path/ü.md"),
        ("a\u{1B}[2Jb", "a\\u{1B}[2Jb"),
        ("nul\u{0}", "nul\\u{0}"),
        ("c1\u{9B}x", "c1\\u{9B}x"),
        ("bidi\u{202E}txt", "bidi\\u{202E}txt"),
        ("line\nbreak", "line\\u{A}break"),
        ("–—…", "–—…"),  // U+2013, U+2014, U+2026 start with 0xE2 too, and are not controls
    ])
    func controlsAreShownNotSent(input: String, expected: String) {
        #expect(DisplayText.escapingControls(input) == expected)
    }

    @Test func newlinesCanStay() {
        #expect(DisplayText.escapingControls("one\n\u{7}two", keepingNewlines: true) == "one\n\\u{7}two")
    }

    @Test(arguments: [TextReporter.identifier, GitHubReporter.identifier, MarkdownReporter.identifier])
    func reportersEscapeEveryField(format: String) throws {
        let finding = Diagnostic(
            rule: "missing-file", severity: .error, file: "docs/\u{1B}]0;x\u{7}.md", line: 1, column: 1,
            message: "file not found: \u{1B}[2J", suggestion: "a\u{202E}b.md")
        let report = Report(tool: "t", version: "0", diagnostics: [finding], counts: [])
        let reporter = try #require(Reporters.named(format))
        let text = reporter.render(report, context: ReportContext(colour: false, workingDirectory: "/"))
        #expect(!text.unicodeScalars.contains { DisplayText.isControl($0) && $0 != "\n" })
        #expect(text.contains("\\u{1B}"))
    }
}
