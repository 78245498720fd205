import ChecksCore

/// A `[label]: …` definition that no reference in the file uses.
public struct UnusedDefinitionRule: DocRefsRule {
    public static let id = "unused-definition"
    public static let severity = Severity.warning
    public static let summary = "a reference definition is never used"
    public init() {}

    public func check(_ file: CheckedFile) -> [Diagnostic] {
        let used = Set(file.document.referenceUses.map(\.key))
        var reported = Set<String>()
        return file.document.definitions.compactMap { definition in
            guard !used.contains(definition.key), reported.insert(definition.key).inserted else { return nil }
            return diagnostic(
                file, at: definition.position, "definition [\(definition.label)] is never used",
                target: definition.destination)
        }
    }
}
