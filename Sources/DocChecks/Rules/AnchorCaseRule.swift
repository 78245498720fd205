import ChecksCore

/// A fragment that matches an anchor only when letter case is ignored. GitHub's own script forgives it,
/// other renderers and a plain `id` lookup do not.
public struct AnchorCaseRule: DocRefsRule {
    public static let id = "anchor-case"
    public static let severity = Severity.warning
    public static let summary = "the #fragment matches an anchor only when letter case is ignored"
    public init() {}

    public func check(_ file: CheckedFile) -> [Diagnostic] {
        file.links.compactMap { resolved in
            guard case let .anchorCase(fragment, actual) = resolved.fragmentProblem else { return nil }
            let base = resolved.link.destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return diagnostic(
                file, at: resolved.link.position,
                "#\(fragment) differs in letter case from the anchor #\(actual)",
                target: resolved.link.destination, suggestion: base + "#" + actual)
        }
    }
}
