import ChecksCore

/// An entry whose target does not exist. The message names the rename git detected (which `--write`
/// applies) or the closest unlisted doc (a guess `--write` does not act on: it removes the entry).
public struct StaleEntryRule: DocIndexRule {
    public static let id = "stale-entry"
    public static let severity = Severity.error
    public static let summary = "an entry points at a file that does not exist (a rename git detected is suggested and applied by --write)"
    public init() {}

    public func check(_ context: IndexRuleContext) -> [Diagnostic] {
        let analysis = context.analysis
        return analysis.entries.enumerated().compactMap { index, entry in
            guard case .stale(let reason) = entry.target else { return nil }
            let target = entry.link.destination
            var message: String
            var suggestion: String?
            switch reason {
            case .missing: message = "entry target '\(target)' does not exist"
            case .folderWithoutIndex: message = "entry target '\(target)' is a folder without README.md or index.md"
            case .outsideRoot: message = "entry target '\(target)' is outside the repository root"
            }
            if let to = analysis.renames[index] {
                message += "; git shows it moved to \(analysis.displayPath(to)), which --write links"
                suggestion = context.rewrite.changedLines[index]
            } else if let near = analysis.closest[index] {
                message += "; the closest unlisted doc is \(analysis.displayPath(near)); --write removes the entry"
                suggestion = context.rewrite.closestLines[index]
            } else {
                message += "; --write removes the entry"
            }
            return diagnostic(context, line: entry.line, column: entry.column, message, target: target, suggestion: suggestion)
        }
    }
}
