import ArgumentParser
import ChecksCLI
import ChecksCore
import Coverage
import Foundation

/// `check-coverage`: overall, critical-path and new-code coverage gates in one run and one exit code.
struct CheckCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-coverage",
        abstract: "Gate coverage reports: overall, critical paths and new code, with coverage.py's arithmetic.",
        discussion: "Reads Cobertura XML, JaCoCo XML and LCOV (sniffed from content) and merges several reports. "
            + "Exit codes: 0 every gate passed, 1 a gate failed, 2 bad input, configuration or git state, 64 usage error.",
        version: ToolkitVersion.current)

    @Argument(help: ArgumentHelp("Coverage reports (default: config `reports`, else coverage.xml).", valueName: "REPORT"))
    var reports: [String] = []

    @Option(
        help: ArgumentHelp(
            "Minimum overall coverage in percent (default: config `fail_under`, else [tool.coverage.report] fail_under, else 80).", valueName: "N"))
    var failUnder: Double?

    @Option(
        name: .customLong("critical"),
        help: ArgumentHelp("A critical path glob and its own minimum, default 90 (repeatable; adds to config `critical`).", valueName: "GLOB[=N]"))
    var critical: [String] = []

    @Flag(help: "Require every file a critical glob matches to meet the threshold on its own.")
    var criticalEach = false

    @Option(help: ArgumentHelp("Minimum coverage of the changed lines the report measures (default 85).", valueName: "N"))
    var newCodeFailUnder: Double?

    @Option(
        help: ArgumentHelp(
            "Base for new code: changes since the merge-base with REF (default: origin/main, then main, then master).", valueName: "REF"))
    var compareBranch: String?

    @Flag(help: "Skip the new-code gate (no git needed).")
    var noNewCode = false

    @Option(
        help: ArgumentHelp(
            "Decimals shown and used for the comparison, as coverage.py's precision (default: config, else [tool.coverage.report] precision, else 0).",
            valueName: "P"))
    var precision: Int?

    @Option(
        help: ArgumentHelp(
            "The folder the report's paths are relative to: a CI runner's checkout (/home/runner/work/x/x) or a source root (src/main/java).",
            valueName: "DIR"))
    var srcRoot: String?

    @Option(
        help: ArgumentHelp(
            "Repository root: configuration, globs and git run here (default: the git work tree, else the current folder).", valueName: "DIR"))
    var root: String?

    @Option(help: ArgumentHelp("Write an SVG coverage badge to FILE.", valueName: "FILE.svg"))
    var badge: String?

    @OptionGroup var output: OutputOptions

    static let configSchema: [String: ConfigValueKind] = [
        "reports": .stringArray, "fail_under": .number, "precision": .int, "critical": .numberTable,
        "critical_each": .bool, "new_code": .bool, "new_code_fail_under": .number, "compare_branch": .string,
        "src_root": .string,
    ]

    func run() throws {
        try ToolRun.execute(tool: CoverageChecker.toolName, output: output) {
            let cwd = FileManager.default.currentDirectoryPath
            let rootPath = try resolveRoot(cwd: cwd)
            let configuration = try ConfigurationFile.load(root: rootPath)
            let table = try configuration.table("coverage", schema: Self.configSchema)
            // coverage.py's own settings apply when ours leave them unset (issue 5).
            let coveragePy = try configuration.pyprojectTable(["tool", "coverage", "report"])

            var options = CoverageOptions(
                reports: !reports.isEmpty ? reports : table.strings("reports") ?? [CoverageOptions.defaultReport],
                root: rootPath, workingDirectory: cwd)
            options.failUnder =
                failUnder ?? table.number("fail_under") ?? coveragePy?.number("fail_under")
                ?? CoverageOptions.defaultFailUnder
            options.precision = precision ?? table.int("precision") ?? coveragePy?.int("precision") ?? 0
            options.critical = try criticalRules(config: table.numberTable("critical") ?? [])
            options.criticalEach = criticalEach || table.bool("critical_each") == true
            options.newCode = !noNewCode && table.bool("new_code") != false
            options.newCodeFailUnder = newCodeFailUnder ?? table.number("new_code_fail_under") ?? CoverageOptions.defaultNewCodeFailUnder
            options.compareBranch = compareBranch ?? table.string("compare_branch")
            options.sourceRoot = srcRoot ?? table.string("src_root")
            options.badgePath = badge
            options.fileDetails = output.format == "json"

            if output.printConfig {
                var values: [(key: String, value: ConfigValue)] = [
                    ("reports", .strings(options.reports)),
                    ("fail_under", .double(options.failUnder)),
                    ("precision", .int(options.precision)),
                    ("critical", .numbers(options.critical.map { ($0.pattern, $0.threshold) })),
                    ("critical_each", .bool(options.criticalEach)),
                    ("new_code", .bool(options.newCode)),
                    ("new_code_fail_under", .double(options.newCodeFailUnder)),
                ]
                if let branch = options.compareBranch { values.append(("compare_branch", .string(branch))) }
                if let source = options.sourceRoot { values.append(("src_root", .string(source))) }
                ToolRun.printConfiguration([("coverage", values)])
                throw ExitCode.success
            }
            return try CoverageChecker.run(options).report
        }
    }

    /// Config entries first (sorted by glob), then `--critical` values; a command-line glob equal to
    /// a configured one replaces its threshold.
    private func criticalRules(config: [(key: String, value: Double)]) throws -> [CriticalGate.Rule] {
        var rules = config.map { CriticalGate.Rule(pattern: $0.key, threshold: $0.value) }
        for text in critical {
            var pattern = text
            var threshold = CoverageOptions.defaultCriticalThreshold
            if let equals = text.lastIndex(of: "="), let value = Double(text[text.index(after: equals)...]) {
                pattern = String(text[..<equals])
                threshold = value
            }
            guard !pattern.isEmpty else { throw ValidationFailure("--critical needs a glob, e.g. 'src/payments/**=95'") }
            if let index = rules.firstIndex(where: { $0.pattern == pattern }) {
                rules[index].threshold = threshold
            } else {
                rules.append(CriticalGate.Rule(pattern: pattern, threshold: threshold))
            }
        }
        return rules
    }

    private func resolveRoot(cwd: String) throws -> String {
        if let root {
            var isDirectory: ObjCBool = false
            let absolute = ((root.hasPrefix("/") ? root : cwd + "/" + root) as NSString).standardizingPath
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationFailure("root not found: \(root)")
            }
            return absolute
        }
        return Git.topLevel(of: cwd) ?? cwd
    }
}

/// A bad argument value found while running (exit 2, one line).
struct ValidationFailure: Error, LocalizedError {
    var message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
