import ChecksCore

/// A Markdown file no other checked file links to (`--orphans`). `README.md` and `INDEX.md` are entry
/// points and never orphans.
public struct OrphanRule: DocRefsRule {
    public static let id = "orphan"
    public static let severity = Severity.warning
    public static let summary = "no other Markdown file links to this file (with --orphans)"
    public static let isOptIn = true
    public init() {}

    static let entryPoints: Set<String> = ["readme.md", "index.md"]

    public func check(tree: [CheckedFile]) -> [Diagnostic] {
        var linked = Set<String>()
        for file in tree {
            for link in file.links {
                if let target = link.targetPath, target != file.path { linked.insert(target) }
            }
        }
        return tree.compactMap { file in
            let name = RelativePath.name(of: file.path).lowercased()
            guard !OrphanRule.entryPoints.contains(name), !linked.contains(file.path) else { return nil }
            return diagnostic(file, at: .init(line: 1, column: 1), "no other Markdown file links to \(file.displayPath)")
        }
    }
}
