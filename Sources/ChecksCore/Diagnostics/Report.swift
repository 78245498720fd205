/// Everything one run of one tool produced: what reporters render and what decides the exit code.
public struct Report: Sendable {
    /// Executable name, e.g. `check-doc-refs`.
    public var tool: String
    public var version: String
    /// Findings in output order.
    public var diagnostics: [Diagnostic]
    /// Tool-specific counts shown in the summary, in display order (e.g. `files`, `links`);
    /// `errors` and `warnings` are derived from `diagnostics` and appended by `summary`.
    public var counts: [(key: String, value: Int)]
    /// Tool-specific top-level JSON keys (`gates`, `benchmarks`), in order.
    public var extensions: [(key: String, value: JSONValue)]
    /// Set when a gate failed even without error diagnostics (coverage, benchmarks).
    public var failedWithoutDiagnostics: Bool
    /// Rule id → one-line description, for SARIF's rules table and the Markdown summary.
    public var ruleDescriptions: [String: String]
    /// Tool-specific tables the text and Markdown formats show before the findings (benchmarks).
    public var tables: [ReportTable]

    public init(
        tool: String, version: String, diagnostics: [Diagnostic],
        counts: [(key: String, value: Int)] = [], extensions: [(key: String, value: JSONValue)] = [],
        failedWithoutDiagnostics: Bool = false, ruleDescriptions: [String: String] = [:],
        tables: [ReportTable] = []
    ) {
        self.tool = tool
        self.version = version
        self.diagnostics = diagnostics.sorted(by: Diagnostic.outputOrder)
        self.counts = counts
        self.extensions = extensions
        self.failedWithoutDiagnostics = failedWithoutDiagnostics
        self.ruleDescriptions = ruleDescriptions
        self.tables = tables
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// A run passes when nothing is at error severity and no gate failed.
    public var passed: Bool { errorCount == 0 && !failedWithoutDiagnostics }

    /// The summary object: the tool's counts, then `errors` and `warnings`.
    public var summary: [(key: String, value: Int)] {
        counts + [("errors", errorCount), ("warnings", warningCount)]
    }
}
