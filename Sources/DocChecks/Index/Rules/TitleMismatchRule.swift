import ChecksCore

/// An entry's link text disagrees with its doc's title (front matter `title:`, else the first H1),
/// compared after stripping inline markup and collapsing white space, under `--titles`.
public struct TitleMismatchRule: DocIndexRule {
    public static let id = "title-mismatch"
    public static let severity = Severity.error
    public static let summary = "an entry's link text differs from the doc's title (front matter title, else first H1)"
    public init() {}

    public func check(_ context: IndexRuleContext) -> [Diagnostic] {
        let analysis = context.analysis
        return analysis.entries.enumerated().compactMap { index, entry in
            guard let title = analysis.titleMismatch(index), let doc = analysis.doc(for: index) else { return nil }
            let source: String
            switch doc.titleSource {
            case .frontMatter(let line)?: source = "front matter title at \(analysis.displayPath(doc.path)):\(line)"
            case .heading(let line)?: source = "H1 at \(analysis.displayPath(doc.path)):\(line)"
            case nil: source = analysis.displayPath(doc.path)
            }
            return diagnostic(
                context, line: entry.line, column: entry.column,
                "link text '\(TitleText.collapsed(entry.link.text))' differs from the title '\(title)' (\(source))",
                target: entry.link.destination, suggestion: context.rewrite.changedLines[index])
        }
    }
}
