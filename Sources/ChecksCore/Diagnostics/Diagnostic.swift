/// One finding of one rule at one place.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars (code points) from the start of the
/// line, never bytes. Converting a C library's byte offsets is the job of the module that imports it.
public struct Diagnostic: Codable, Hashable, Sendable {
    /// Stable kebab-case rule id, e.g. `missing-anchor`.
    public var rule: String
    public var severity: Severity
    /// Path relative to the working directory, with `/` separators.
    public var file: String
    public var line: Int
    public var column: Int
    /// Lower-case, no trailing period, says what is wrong.
    public var message: String
    /// The link target, glob or benchmark name as written by the user, when there is one.
    public var target: String?
    /// What the user most likely meant, when a close match exists.
    public var suggestion: String?

    public init(
        rule: String, severity: Severity, file: String, line: Int, column: Int,
        message: String, target: String? = nil, suggestion: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.target = target
        self.suggestion = suggestion
    }

    /// Output order: by file, then position, then rule; makes every report deterministic.
    public static func outputOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
