import ChecksCore

/// `[text][label]` or `[label][]` with no `[label]: …` definition: CommonMark renders it as plain text.
/// A shortcut `[label]` is not reported: it is ordinary bracketed prose just as often; nor is a pair
/// written straight after a word, such as `m[0][1]` or `x[i][j]`, which is indexing, not a link.
public struct UndefinedReferenceRule: DocRefsRule {
    public static let id = "undefined-reference"
    public static let severity = Severity.error
    public static let summary = "a full or collapsed reference link has no definition"
    public init() {}

    public func check(_ file: CheckedFile) -> [Diagnostic] {
        let defined = Set(file.document.definitions.map(\.key))
        return file.document.referenceUses.compactMap { use in
            guard use.form != .shortcut, !use.followsWord, !defined.contains(use.key) else { return nil }
            let near = NearestMatch.best(for: use.key, among: defined)
            return diagnostic(
                file, at: use.position, "no definition for reference [\(use.label)]",
                target: use.label, suggestion: near.map { "[\($0)]" })
        }
    }
}
