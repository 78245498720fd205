import ChecksCore

/// `#fragment` that no heading (GitHub's slugs) or explicit HTML anchor in the target defines.
public struct MissingAnchorRule: DocRefsRule {
    public static let id = "missing-anchor"
    public static let severity = Severity.error
    public static let summary = "the #fragment matches no heading (GitHub slug) or HTML anchor in the target"
    public init() {}

    public func check(_ file: CheckedFile) -> [Diagnostic] {
        file.links.compactMap { resolved in
            guard case .missingAnchor(let fragment) = resolved.fragmentProblem else { return nil }
            let target = resolved.anchorFile == file.path ? "this file" : resolved.anchorFile.map(file.shown) ?? "the target"
            return diagnostic(
                file, at: resolved.link.position,
                "no heading or anchor #\(fragment) in \(target) (GitHub heading slugs)",
                target: resolved.link.destination, suggestion: resolved.suggestion)
        }
    }
}
