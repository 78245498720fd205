import ChecksCore

/// The same doc listed more than once (Sphinx's `toc.duplicate_entry`). A warning: a doc may belong
/// in two groups on purpose. Reported at every entry after the first; `--write` keeps them all.
public struct DuplicateEntryRule: DocIndexRule {
    public static let id = "duplicate-entry"
    public static let severity = Severity.warning
    public static let summary = "the same doc is listed more than once"
    public init() {}

    public func check(_ context: IndexRuleContext) -> [Diagnostic] {
        let analysis = context.analysis
        return analysis.listings.sorted { $0.key < $1.key }.flatMap { path, indices -> [Diagnostic] in
            let ordered = indices.sorted()
            guard let first = ordered.first, ordered.count > 1 else { return [] }
            return ordered.dropFirst().map { index in
                let entry = analysis.entries[index]
                return diagnostic(
                    context, line: entry.line, column: entry.column,
                    "\(analysis.displayPath(path)) is listed again; the first entry is at line \(analysis.entries[first].line)",
                    target: entry.link.destination)
            }
        }
    }
}
