import ChecksCore

/// Everything one `verify-doc-index` run needs, already validated and made absolute.
public struct DocIndexOptions: Sendable {
    /// What the run does with the index.
    public enum Mode: String, Sendable {
        /// Report findings; write nothing.
        case check
        /// Rewrite the marked region, then report what is left.
        case write
        /// Compute the rewrite and show it as a unified diff; write nothing.
        case diff
    }

    /// How link text is compared with a doc's title (`--titles`).
    public enum TitleMode: String, Sendable, CaseIterable {
        /// Equal after stripping inline markup and collapsing white space.
        case exact
        /// Equal ignoring letter case; the doc's file name (with or without `.md`) is accepted too.
        case casefold
        /// Link text is never compared.
        case ignore
    }

    /// Absolute path of the index file.
    public var index: String
    /// Absolute path of the folder whose Markdown files must be listed.
    public var docs: String
    /// Absolute repository root: `/x` targets resolve here.
    public var root: String
    /// Absolute working directory; findings name files relative to it.
    public var workingDirectory: String
    /// Globs on root-relative paths; a match takes a file out of the doc set.
    public var exclude: [GlobPattern]
    /// From the command line: wins over the start marker's `titles=`.
    public var titles: TitleMode?
    /// From the configuration file: used when neither the command line nor the start marker says.
    public var configuredTitles: TitleMode?
    public var mode: Mode

    public init(
        index: String, docs: String, root: String, workingDirectory: String,
        exclude: [GlobPattern] = [], titles: TitleMode? = nil, configuredTitles: TitleMode? = nil, mode: Mode = .check
    ) {
        self.index = index
        self.docs = docs
        self.root = root
        self.workingDirectory = workingDirectory
        self.exclude = exclude
        self.titles = titles
        self.configuredTitles = configuredTitles
        self.mode = mode
    }
}
