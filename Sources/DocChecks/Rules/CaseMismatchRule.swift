import ChecksCore

/// The target exists only with other letter case: it works on macOS and Windows, and breaks on Linux
/// and on GitHub.
public struct CaseMismatchRule: DocRefsRule {
    public static let id = "case-mismatch"
    public static let severity = Severity.error
    public static let summary = "the target exists only with different letter case (breaks on Linux and GitHub)"
    public init() {}

    public func check(_ file: CheckedFile) -> [Diagnostic] {
        file.links.compactMap { resolved in
            guard case let .caseMismatch(path, onDisk) = resolved.fileProblem else { return nil }
            return diagnostic(
                file, at: resolved.link.position,
                "\(file.shown(path)) exists only as \(file.shown(onDisk)); letter case matters on Linux and GitHub",
                target: resolved.link.destination, suggestion: resolved.suggestion)
        }
    }
}
