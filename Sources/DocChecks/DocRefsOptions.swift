import ChecksCore

/// Everything one `check-doc-refs` run needs, already validated.
public struct DocRefsOptions: Sendable {
    /// Files or folders to check, as given (relative to the working directory or absolute).
    public var paths: [String]
    /// Absolute repository root: `/x` links resolve here and nothing outside it is read.
    public var root: String
    /// Absolute working directory; diagnostics name files relative to it.
    public var workingDirectory: String
    public var exclude: [GlobPattern]
    public var ignore: [NSRegularExpressionBox]
    public var orphans: Bool
    public var repository: GitHubRepository?
    /// False drops the effect of disable comments (markdown-link-check's `ignoreDisable`).
    public var honoursDisableComments = true
    /// Called with (files parsed, files in total) as parsing goes on, from any thread.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(
        paths: [String], root: String, workingDirectory: String, exclude: [GlobPattern] = [],
        ignore: [NSRegularExpressionBox] = [], orphans: Bool = false, repository: GitHubRepository? = nil
    ) {
        self.paths = paths
        self.root = root
        self.workingDirectory = workingDirectory
        self.exclude = exclude
        self.ignore = ignore
        self.orphans = orphans
        self.repository = repository
    }
}
