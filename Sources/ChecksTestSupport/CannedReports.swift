import ChecksCore

/// Fixed reports for reporter goldens: every reporter renders the same values, so the goldens in
/// `Fixtures/reporters/` show side by side how each format treats the awkward cases.
public enum CannedReports {
    /// A working directory with a space, so SARIF's `originalUriBaseIds` shows its percent-encoding.
    public static let context = ReportContext(colour: false, workingDirectory: "/home/runner/work/my repo")

    /// One finding per severity, plus the characters each format must escape:
    /// - an error with a target and a suggestion;
    /// - a warning without a suggestion, in a file whose path has a space and multibyte letters, whose
    ///   message holds `%`, `,`, `:`, `"`, `<`, `&` and a newline;
    /// - a note whose message holds a `|` and backticks and whose suggestion holds a backtick.
    public static let sample = Report(
        tool: "check-doc-refs",
        version: "0.1.0",
        diagnostics: [
            Diagnostic(
                rule: "missing-anchor", severity: .error, file: "docs/guide.md", line: 12, column: 5,
                message: "no heading #instal in docs/setup.md",
                target: "setup.md#instal", suggestion: "setup.md#install"),
            Diagnostic(
                rule: "broken-link", severity: .warning, file: "docs/ünï cøde.md", line: 3, column: 7,
                message: "link \"100% <done> & dusted, see: notes\" points nowhere\nsecond line of the message"),
            Diagnostic(
                rule: "duplicate-heading", severity: .note, file: "README.md", line: 1, column: 1,
                message: "heading `install` appears twice | later anchors get a -1 suffix",
                suggestion: "`install`-1"),
        ],
        counts: [(key: "files", value: 3), (key: "links", value: 42)],
        ruleDescriptions: [
            "missing-anchor": "a link points at a heading that does not exist",
            "broken-link": "a link points at a file that does not exist",
        ])

    /// A clean run: no findings, so every format shows its "passed" shape.
    public static let empty = Report(
        tool: "check-doc-refs",
        version: "0.1.0",
        diagnostics: [],
        counts: [(key: "files", value: 2), (key: "links", value: 7)])

    /// The canned reports by the name their goldens use (`Fixtures/reporters/<name>.<ext>`).
    public static let byName: [String: Report] = ["sample": sample, "empty": empty]
}
