import ChecksCore

/// A target that resolves outside the repository root: GitHub cannot show it, and we never read it.
public struct EscapesRootRule: DocRefsRule {
    public static let id = "escapes-root"
    public static let severity = Severity.error
    public static let summary = "the target resolves outside the repository root"
    public init() {}

    public func check(_ file: CheckedFile) -> [Diagnostic] {
        file.links.compactMap { resolved in
            guard case .escapesRoot(let path) = resolved.fileProblem else { return nil }
            return diagnostic(
                file, at: resolved.link.position, "\(file.shown(path)) resolves outside the repository root",
                target: resolved.link.destination)
        }
    }
}
