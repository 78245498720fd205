import ChecksCore

/// What every index rule reads: the index held against the doc set, and the rewrite `--write` would
/// make (whose lines are the findings' suggestions).
public struct IndexRuleContext: Sendable {
    let analysis: IndexAnalysis
    let rewrite: IndexRewrite
}

/// One rule of `verify-doc-index`. A rule only judges; the analysis and the rewrite are computed once.
public protocol DocIndexRule: Sendable {
    /// Stable kebab-case id, used in output and the docs.
    static var id: String { get }
    static var severity: Severity { get }
    /// One line for `--list-rules`, SARIF's rules table and the docs.
    static var summary: String { get }
    init()
    func check(_ context: IndexRuleContext) -> [Diagnostic]
}

extension DocIndexRule {
    /// A finding in the index file.
    func diagnostic(
        _ context: IndexRuleContext, line: Int, column: Int, _ message: String,
        target: String? = nil, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            rule: Self.id, severity: Self.severity, file: context.analysis.file.displayPath,
            line: line, column: column, message: DisplayText.escapingControls(message), target: target,
            suggestion: suggestion.map { DisplayText.escapingControls($0) })
    }
}

/// The registry: a new rule is one file and one line here.
public enum DocIndexRules {
    public static let all: [any DocIndexRule.Type] = [
        MissingEntryRule.self,
        StaleEntryRule.self,
        EntryCaseMismatchRule.self,
        TitleMismatchRule.self,
        DuplicateEntryRule.self,
        BothIndexFilesRule.self,
        OrderRule.self,
        DocUntitledRule.self,
    ]

    public static var descriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.summary) })
    }
}
