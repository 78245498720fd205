/// A source file as one report names it, before its path is mapped to the repository.
public struct ReportedFile: Sendable, Equatable {
    /// Paths to try, most likely first: for Cobertura each `<source>` joined with `filename`, then
    /// the bare `filename`; for JaCoCo the package path under the usual source roots; for LCOV `SF:`.
    /// Separators are already `/`.
    public var candidates: [String]
    public var lines: [LineCoverage]

    public init(candidates: [String], lines: [LineCoverage]) {
        self.candidates = candidates
        self.lines = lines
    }
}

/// Everything read from one report file.
public struct ParsedReport: Sendable, Equatable {
    /// The report's path as given on the command line, for messages.
    public var path: String
    public var format: ReportFormat
    public var files: [ReportedFile]
    /// Things worth telling the user that do not make the report unusable, e.g. header totals that
    /// disagree with the lines listed.
    public var warnings: [String]

    public init(path: String, format: ReportFormat, files: [ReportedFile], warnings: [String] = []) {
        self.path = path
        self.format = format
        self.files = files
        self.warnings = warnings
    }
}
