import ArgumentParser
import ChecksCLI
import ChecksCore
import DocChecks
import Foundation

/// `check-doc-refs`: offline cross-reference check of a Markdown docs tree.
struct CheckDocRefsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-doc-refs",
        abstract: "Check links, images, heading anchors and reference definitions in Markdown, offline.",
        discussion: "Exit codes: 0 clean, 1 findings at error severity, 2 bad input or configuration, 64 usage error.",
        version: ToolkitVersion.current)

    @OptionGroup var tree: DocTreeOptions

    @Flag(help: "List the rules and exit.")
    var listRules = false

    @OptionGroup var output: OutputOptions

    static let configSchema: [String: ConfigValueKind] = ["exclude": .stringArray, "ignore": .stringArray, "orphans": .bool]

    func run() throws {
        if listRules {
            for rule in DocRefsRules.all {
                print("\(rule.id)\t\(rule.severity.rawValue)\t\(rule.summary)")
            }
            return
        }
        let tool = DocRefsChecker.toolName
        try ToolRun.execute(tool: tool, output: output) {
            let cwd = FileManager.default.currentDirectoryPath
            let targets = tree.targets
            let rootPath = try tree.resolveRoot(cwd: cwd)
            let table = try ConfigurationFile.load(root: rootPath).table("doc-refs", schema: Self.configSchema)
            let allExcludes = (table.strings("exclude") ?? []) + tree.excludes
            let allIgnores = (table.strings("ignore") ?? []) + tree.ignores
            let wantsOrphans = tree.orphans || table.bool("orphans") == true
            if output.printConfig {
                ToolRun.printConfiguration([
                    (
                        "doc-refs",
                        [
                            ("exclude", .strings(allExcludes)), ("ignore", .strings(allIgnores)), ("orphans", .bool(wantsOrphans)),
                        ]
                    )
                ])
                throw ExitCode.success
            }
            let repository = Git.originRemote(in: rootPath).flatMap(Git.gitHubRepository(fromRemote:))
            let progress = ProgressLine(label: "check-doc-refs: parsing")
            defer { progress.finish() }
            var options = DocRefsOptions(
                paths: targets, root: rootPath, workingDirectory: cwd,
                exclude: try allExcludes.map(GlobPattern.init),
                ignore: try allIgnores.map { pattern in
                    do { return try NSRegularExpressionBox(pattern) } catch {
                        throw ValidationFailure("invalid ignore regex '\(pattern)'")
                    }
                },
                orphans: wantsOrphans,
                repository: repository.map { GitHubRepository(owner: $0.owner, name: $0.repo) })
            options.progress = { done, total in progress.update(done, of: total) }
            return try DocChecks.DocRefsChecker.run(options)
        }
    }
}

/// A bad argument value found while running (exit 2, one line).
struct ValidationFailure: Error, LocalizedError {
    var message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
