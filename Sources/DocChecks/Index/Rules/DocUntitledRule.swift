import ChecksCore

/// A doc with neither a front matter `title:` nor an H1. Reported in the doc itself, where the fix
/// belongs; `--write` lists it under its file name.
public struct DocUntitledRule: DocIndexRule {
    public static let id = "doc-untitled"
    public static let severity = Severity.warning
    public static let summary = "a doc has no title: no front matter title and no level-1 heading"
    public init() {}

    public func check(_ context: IndexRuleContext) -> [Diagnostic] {
        let analysis = context.analysis
        return analysis.docs.docs.filter { $0.title == nil }.map { doc in
            Diagnostic(
                rule: Self.id, severity: Self.severity, file: analysis.displayPath(doc.path), line: 1, column: 1,
                message: "\(analysis.displayPath(doc.path)) has no title; add a level-1 heading or a front matter title:")
        }
    }
}
