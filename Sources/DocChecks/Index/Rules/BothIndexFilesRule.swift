import ChecksCore

/// `INDEX.md` and `index.md` side by side in the index's folder: they collide on case-insensitive file
/// systems (a macOS or Windows checkout keeps one), and MkDocs serves `index.md` as the folder's page.
public struct BothIndexFilesRule: DocIndexRule {
    public static let id = "both-index-files"
    public static let severity = Severity.error
    public static let summary = "INDEX.md and index.md both exist in the index's folder (they collide on macOS and Windows)"
    public init() {}

    public func check(_ context: IndexRuleContext) -> [Diagnostic] {
        let analysis = context.analysis
        let names = analysis.indexNameCollisions
        guard names.count >= 2 else { return [] }
        let folder = RelativePath.folder(of: analysis.file.path)
        let shown = folder.isEmpty ? "." : analysis.displayPath(folder)
        return [
            diagnostic(
                context, line: 1, column: 1,
                "\(names.joined(separator: " and ")) both exist in \(shown); they collide on case-insensitive file systems and MkDocs serves index.md as the folder's page: keep one"
            )
        ]
    }
}
