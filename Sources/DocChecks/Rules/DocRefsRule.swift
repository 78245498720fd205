import ChecksCore
import Markdown

/// One cross-reference rule. A rule only judges: links arrive resolved, documents parsed.
public protocol DocRefsRule: Sendable {
    /// Stable kebab-case id, used in output, config and inline comments.
    static var id: String { get }
    static var severity: Severity { get }
    /// One line for `--list-rules`, SARIF's rules table and the docs.
    static var summary: String { get }
    /// Runs only when asked for (`--orphans`).
    static var isOptIn: Bool { get }
    init()
    /// Findings within one file.
    func check(_ file: CheckedFile) -> [Diagnostic]
    /// Findings that need the whole tree (orphans).
    func check(tree: [CheckedFile]) -> [Diagnostic]
}

extension DocRefsRule {
    public static var isOptIn: Bool { false }
    public func check(_ file: CheckedFile) -> [Diagnostic] { [] }
    public func check(tree: [CheckedFile]) -> [Diagnostic] { [] }

    func diagnostic(
        _ file: CheckedFile, at position: SourcePosition, _ message: String,
        target: String? = nil, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            rule: Self.id, severity: Self.severity, file: file.displayPath,
            line: position.line, column: position.column, message: DisplayText.escapingControls(message),
            target: target, suggestion: suggestion.map { DisplayText.escapingControls($0) })
    }
}

/// The registry: a new rule is one file and one line here.
public enum DocRefsRules {
    public static let all: [any DocRefsRule.Type] = [
        MissingFileRule.self,
        CaseMismatchRule.self,
        EscapesRootRule.self,
        StrippedLinkRule.self,
        MissingAnchorRule.self,
        AnchorCaseRule.self,
        LineOutOfRangeRule.self,
        UndefinedReferenceRule.self,
        UnusedDefinitionRule.self,
        DuplicateDefinitionRule.self,
        OrphanRule.self,
    ]

    public static var descriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.summary) })
    }
}
