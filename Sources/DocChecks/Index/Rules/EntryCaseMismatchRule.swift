import ChecksCore

/// An entry whose target exists only with other letter case: it works on macOS and Windows and breaks
/// on Linux and GitHub. The entry still lists the doc (one finding, not a stale entry and a missing
/// one); `--write` fixes the spelling.
public struct EntryCaseMismatchRule: DocIndexRule {
    public static let id = "case-mismatch"
    public static let severity = Severity.error
    public static let summary = "an entry's target exists only with different letter case (breaks on Linux and GitHub)"
    public init() {}

    public func check(_ context: IndexRuleContext) -> [Diagnostic] {
        let analysis = context.analysis
        return analysis.entries.enumerated().compactMap { index, entry in
            guard case .caseMismatch(let onDisk, _) = entry.target else { return nil }
            return diagnostic(
                context, line: entry.line, column: entry.column,
                "entry target '\(entry.link.destination)' exists only as \(analysis.displayPath(onDisk)); letter case matters on Linux and GitHub",
                target: entry.link.destination, suggestion: context.rewrite.changedLines[index])
        }
    }
}
