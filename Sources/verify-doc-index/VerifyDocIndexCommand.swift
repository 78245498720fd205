import ArgumentParser
import ChecksCLI
import ChecksCore
import DocChecks
import Foundation

extension DocIndexOptions.TitleMode: ExpressibleByArgument {}

/// `verify-doc-index`: keep a docs folder's INDEX.md true, and rewrite it on request.
struct VerifyDocIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-doc-index",
        abstract: "Check that an index (docs/INDEX.md) lists every doc with its title, and rewrite its marked region on request.",
        discussion: """
            The index region lies between <!-- doc-index:start --> and <!-- doc-index:end -->; without markers \
            the whole file is checked and --write refuses. Exit codes: 0 clean (or nothing to change with \
            --diff), 1 findings at error severity (or changes to show with --diff), 2 bad input, 64 usage error.
            """,
        version: ToolkitVersion.current)

    @Option(help: ArgumentHelp("The index file (default: config `index`, else docs/INDEX.md under the repository root).", valueName: "FILE"))
    var index: String?

    @Option(
        help: ArgumentHelp("The folder whose Markdown files the index must list (default: config `docs`, else the index's folder).", valueName: "DIR")
    )
    var docs: String?

    @Option(help: ArgumentHelp("Repository root: /x targets resolve here (default: the git work tree, else the current folder).", valueName: "DIR"))
    var root: String?

    @Flag(help: "Rewrite the marked region in place (atomically): add missing docs, fix titles and renamed targets, remove stale entries.")
    var write = false

    @Flag(help: "Print what --write would change as a unified diff instead of the report; write nothing.")
    var diff = false

    @Option(
        help: ArgumentHelp(
            "How link text must match a doc's title (default: titles= in the start marker, else config `titles`, else exact).",
            valueName: "exact|casefold|ignore"))
    var titles: DocIndexOptions.TitleMode?

    @Option(
        name: .customLong("exclude"),
        help: ArgumentHelp("Leave Markdown files matching this glob out of the doc set (repeatable; adds to config `exclude`).", valueName: "GLOB"))
    var excludes: [String] = []

    @Flag(help: "List the rules and exit.")
    var listRules = false

    @OptionGroup var output: OutputOptions

    static let configSchema: [String: ConfigValueKind] = ["exclude": .stringArray, "titles": .string, "index": .string, "docs": .string]

    func validate() throws {
        if write && diff { throw ValidationError("--write and --diff cannot be combined; pick one") }
    }

    func run() throws {
        if listRules {
            for rule in DocIndexRules.all {
                print("\(rule.id)\t\(rule.severity.rawValue)\t\(rule.summary)")
            }
            return
        }
        let tool = DocIndexChecker.toolName
        if diff {
            let outcome: DocIndexChecker.Outcome
            do {
                outcome = try DocIndexChecker.run(options(mode: .diff))
            } catch let exit as ExitCode {
                throw exit
            } catch {
                throw ToolRun.failure(tool: tool, error)
            }
            let text = outcome.diff
            do {
                if let path = output.output { try AtomicFile.write(text, to: path) } else { print(text, terminator: "") }
            } catch {
                throw ToolRun.failure(tool: tool, error)
            }
            if outcome.changesFile && !output.exitZero { throw ExitCode(ToolRun.findingsExitCode) }
            return
        }
        try ToolRun.execute(tool: tool, output: output) {
            let outcome = try DocIndexChecker.run(options(mode: write ? .write : .check))
            if write, let rewritten = outcome.rewritten, outcome.changesFile {
                try AtomicFile.write(rewritten, to: outcome.indexPath)
                let file = outcome.indexDisplayPath
                // Removed text goes to stderr verbatim, so nothing hand-written disappears silently.
                for entry in outcome.removed {
                    let verb = entry.unlinked ? "unlinked the stale entry (it has nested entries)" : "removed the stale entry"
                    standardError("\(tool): \(verb) at \(file):\(entry.line): \(entry.text)")
                }
                var parts = ["\(outcome.added) added", "\(outcome.changed) updated", "\(outcome.removed.count) removed"]
                if outcome.reordered { parts.append("lists sorted") }
                standardError("\(tool): wrote \(file): \(parts.joined(separator: ", "))")
            }
            return outcome.report
        }
    }

    /// Command line > configuration file > default; command-line paths are relative to the current
    /// folder, configured ones to the repository root.
    private func options(mode: DocIndexOptions.Mode) throws -> DocIndexOptions {
        let cwd = FileManager.default.currentDirectoryPath
        if let index, !FileManager.default.fileExists(atPath: RepositoryRoot.absolute(index, cwd: cwd)) {
            throw DocIndexError.indexNotFound(file: index)
        }
        let rootPath = try RepositoryRoot.resolve(explicit: root, firstPath: index ?? docs ?? ".", cwd: cwd)
        let configuration = try ConfigurationFile.load(root: rootPath)
        let table = try configuration.table("doc-index", schema: Self.configSchema)
        let configFile = configuration.path ?? ConfigurationFile.fileName
        var configuredTitles: DocIndexOptions.TitleMode?
        if let configured = table.string("titles") {
            guard let mode = DocIndexOptions.TitleMode(rawValue: configured) else {
                throw CommandFailure("\(configFile): 'titles' in [\(table.name)] must be exact, casefold or ignore, not '\(configured)'")
            }
            configuredTitles = mode
        }
        let indexPath =
            index.map { RepositoryRoot.absolute($0, cwd: cwd) }
            ?? RepositoryRoot.absolute(table.string("index") ?? "docs/INDEX.md", cwd: rootPath)
        if index == nil, !FileManager.default.fileExists(atPath: indexPath) {
            let shown = indexPath.hasPrefix(cwd + "/") ? String(indexPath.dropFirst(cwd.count + 1)) : indexPath
            throw DocIndexError.indexNotFound(file: shown)
        }
        let docsPath =
            docs.map { RepositoryRoot.absolute($0, cwd: cwd) }
            ?? table.string("docs").map { RepositoryRoot.absolute($0, cwd: rootPath) }
            ?? (indexPath as NSString).deletingLastPathComponent
        let allExcludes = (table.strings("exclude") ?? []) + excludes
        if output.printConfig {
            ToolRun.printConfiguration([
                (
                    "doc-index",
                    [
                        ("docs", .string(relative(docsPath, to: rootPath))), ("exclude", .strings(allExcludes)),
                        ("index", .string(relative(indexPath, to: rootPath))), ("titles", .string((titles ?? configuredTitles ?? .exact).rawValue)),
                    ]
                )
            ])
            throw ExitCode.success
        }
        return DocIndexOptions(
            index: indexPath, docs: docsPath, root: rootPath, workingDirectory: cwd,
            exclude: try allExcludes.map(GlobPattern.init), titles: titles, configuredTitles: configuredTitles, mode: mode)
    }

    private func relative(_ path: String, to root: String) -> String {
        path == root ? "." : path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    private func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// A bad option or configuration value found while running (exit 2, one line).
struct CommandFailure: Error, LocalizedError {
    var message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
