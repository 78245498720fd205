import ChecksCore

/// `#L10`, `#L10-L20` or `#L10C2-L12C5` past the end of the target file.
public struct LineOutOfRangeRule: DocRefsRule {
    public static let id = "line-out-of-range"
    public static let severity = Severity.error
    public static let summary = "a #L line anchor points past the end of the target file"
    public init() {}

    public func check(_ file: CheckedFile) -> [Diagnostic] {
        file.links.compactMap { resolved in
            guard case let .lineOutOfRange(fragment, count) = resolved.fragmentProblem else { return nil }
            let target = (resolved.anchorFile ?? resolved.targetPath).map(file.shown) ?? "the target"
            return diagnostic(
                file, at: resolved.link.position,
                "#\(fragment) is past the end of \(target) (\(count) line\(count == 1 ? "" : "s"))",
                target: resolved.link.destination)
        }
    }
}
