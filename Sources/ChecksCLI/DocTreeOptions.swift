import ArgumentParser
import Foundation

/// The options of the tools that check a Markdown tree (check-doc-refs, check-doc-links): what to
/// read, where the repository root is, and what to leave out.
public struct DocTreeOptions: ParsableArguments {
    @Argument(help: "Markdown files or folders to check (default: docs if it exists, else .).")
    public var paths: [String] = []

    @Option(
        help: ArgumentHelp(
            "Repository root: /x links resolve here and nothing outside it is read (default: the git work tree, else the current folder).",
            valueName: "DIR"))
    public var root: String?

    @Option(
        name: .customLong("exclude"), help: ArgumentHelp("Skip files matching this glob (repeatable; adds to config `exclude`).", valueName: "GLOB"))
    public var excludes: [String] = []

    @Option(
        name: .customLong("ignore"),
        help: ArgumentHelp("Do not check link targets matching this regex (repeatable; adds to config `ignore`).", valueName: "REGEX"))
    public var ignores: [String] = []

    @Flag(help: "Also report Markdown files no other file links to (README.md and INDEX.md exempt).")
    public var orphans = false

    public init() {}

    /// The paths to check: as given, else `docs` when it exists, else the current folder.
    public var targets: [String] {
        paths.isEmpty ? [FileManager.default.fileExists(atPath: "docs") ? "docs" : "."] : paths
    }

    /// The repository root: `--root`, else the git work tree holding the first target, else `cwd`.
    public func resolveRoot(cwd: String) throws -> String {
        try RepositoryRoot.resolve(explicit: root, firstPath: targets[0], cwd: cwd)
    }
}
