/// A source file as one report names it, before its path is mapped to the repository.
public struct ReportedFile: Sendable, Equatable {
    /// The file as the report names it (Cobertura `filename`, JaCoCo's package path, LCOV `SF:`),
    /// with `/` separators.
    public var name: String
    /// Folders `name` may be relative to, most likely first (Cobertura's `<source>`s, JaCoCo's
    /// source roots). Every file of a report holds the same array, so a report of 50,000 files
    /// keeps one copy of it instead of 50,000 joined paths.
    public var roots: [String]
    public var lines: [LineCoverage]

    public init(name: String, roots: [String] = [], lines: [LineCoverage]) {
        self.name = name
        self.roots = roots
        self.lines = lines
    }

    /// Paths to try, most likely first: `name` under each root, then `name` alone; an absolute
    /// `name` (SourceLink, xcc, LCOV) alone. Computed when the path is mapped, never stored.
    public var candidates: [String] {
        if PathMapper.isAbsolute(name) { return [name] }
        var result: [String] = []
        result.reserveCapacity(roots.count + 1)
        for root in roots {
            let joined = root.isEmpty ? name : (root.hasSuffix("/") ? root + name : root + "/" + name)
            if !result.contains(joined) { result.append(joined) }
        }
        if !result.contains(name) { result.append(name) }
        return result
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
