import ChecksCore

/// A doc of the doc set that no entry lists. Reported at the end of the region (the end marker's line),
/// where the index is read last; the suggestion is the line `--write` adds.
public struct MissingEntryRule: DocIndexRule {
    public static let id = "missing-entry"
    public static let severity = Severity.error
    public static let summary = "a Markdown file under the docs folder is not listed in the index"
    public init() {}

    public func check(_ context: IndexRuleContext) -> [Diagnostic] {
        let analysis = context.analysis
        return analysis.missing.map { path in
            diagnostic(
                context, line: analysis.file.endLine, column: 1,
                "\(analysis.displayPath(path)) is not listed in \(analysis.file.displayPath)",
                target: LinkEdits.destination(to: path, indexPath: analysis.file.path),
                suggestion: context.rewrite.addedLines[path])
        }
    }
}
