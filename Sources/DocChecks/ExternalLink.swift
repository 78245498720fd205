import Markdown

/// A link to something outside the repository (`https:`, `mailto:`, `//host` …) where it is written,
/// collected by `DocRefsChecker.runCollectingExternalLinks` from the same parse as the local checks,
/// for a remote phase (`check-doc-links`) to probe.
public struct ExternalLink: Sendable, Hashable {
    /// Path as shown in diagnostics (relative to the working directory).
    public var displayPath: String
    /// The destination as written, `kind` and position (1-based line, column in Unicode scalars).
    public var link: MarkdownLink
    /// The line is inside an `autogit-checks-disable` or `markdown-link-check-disable` region.
    public var isSuppressed: Bool
}
