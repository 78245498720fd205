import ChecksCore

/// A relative or root-relative link or image whose target does not exist.
public struct MissingFileRule: DocRefsRule {
    public static let id = "missing-file"
    public static let severity = Severity.error
    public static let summary = "a link or image points at a file or folder that does not exist"
    public init() {}

    public func check(_ file: CheckedFile) -> [Diagnostic] {
        file.links.compactMap { resolved in
            guard case .missing(let path) = resolved.fileProblem else { return nil }
            let noun = resolved.link.kind == .image ? "image" : "file"
            return diagnostic(
                file, at: resolved.link.position, "\(noun) not found: \(file.shown(path))",
                target: resolved.link.destination, suggestion: resolved.suggestion)
        }
    }
}
