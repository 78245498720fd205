import ChecksCore

/// A label defined twice: CommonMark keeps the first, so the second is dead text.
public struct DuplicateDefinitionRule: DocRefsRule {
    public static let id = "duplicate-definition"
    public static let severity = Severity.warning
    public static let summary = "a reference label is defined more than once (the first wins)"
    public init() {}

    public func check(_ file: CheckedFile) -> [Diagnostic] {
        var first: [String: Int] = [:]
        var findings: [Diagnostic] = []
        for definition in file.document.definitions {
            if let line = first[definition.key] {
                findings.append(
                    diagnostic(
                        file, at: definition.position,
                        "[\(definition.label)] is already defined on line \(line); this definition is ignored",
                        target: definition.destination))
            } else {
                first[definition.key] = definition.position.line
            }
        }
        return findings
    }
}
