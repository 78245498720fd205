/// Everything one check-coverage run needs, after command line > configuration > default.
public struct CoverageOptions: Sendable {
    /// Report paths as the user gave them (relative to `workingDirectory` or absolute).
    public var reports: [String]
    /// The repository root, absolute.
    public var root: String
    /// The current directory, absolute.
    public var workingDirectory: String
    public var failUnder: Double = 80
    /// Decimals of displayed percentages and of the comparison (coverage.py's `precision`).
    public var precision: Int = 0
    public var critical: [CriticalGate.Rule] = []
    /// Require every file a critical glob matches to meet the threshold on its own.
    public var criticalEach = false
    public var newCode = true
    public var newCodeFailUnder: Double = 85
    /// nil: `origin/main`, then `main`, then `master`.
    public var compareBranch: String?
    /// `--src-root`: the folder the report's paths are relative to (a CI checkout, a source root).
    public var sourceRoot: String?
    /// `--badge`: where to write the SVG badge.
    public var badgePath: String?
    /// Put every file with its missing lines into the report's `files` key (the JSON format).
    public var fileDetails = true

    public init(reports: [String], root: String, workingDirectory: String) {
        self.reports = reports
        self.root = root
        self.workingDirectory = workingDirectory
    }

    /// The defaults of issue 5: overall 80 %, critical 90 %, new code 85 %.
    public static let defaultFailUnder = 80.0
    public static let defaultCriticalThreshold = 90.0
    public static let defaultNewCodeFailUnder = 85.0
    public static let defaultReport = "coverage.xml"
}
