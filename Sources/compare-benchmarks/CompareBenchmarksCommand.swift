import ArgumentParser
import Benchmarks
import ChecksCLI
import ChecksCore
import Foundation

/// `compare-benchmarks`: compare a benchmark run with its baseline and fail only on real regressions.
struct CompareBenchmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare-benchmarks",
        abstract: "Compare a benchmark run with its baseline; fail only on confirmed regressions.",
        discussion: """
            BASELINE and CURRENT are each a file, a folder of files (each one run), or a pytest-benchmark \
            storage id (0001, or MACHINE/0001) looked up in --storage. Reads pytest-benchmark, Google \
            Benchmark and hyperfine JSON and go test -bench output.
            Exit codes: 0 no regression, 1 regression (or a suspect slowdown with --strict, a missing \
            benchmark with --fail-on-missing), 2 bad input or configuration, 64 usage error.
            """,
        version: ToolkitVersion.current)

    @Argument(help: "The baseline: a file, a folder of runs, or a pytest-benchmark storage id.")
    var baseline: String

    @Argument(help: "The current run: a file, a folder of runs, or a pytest-benchmark storage id.")
    var current: String

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "pytest-benchmark's --benchmark-compare-fail check, e.g. min:5% or mean:0.001 (seconds); repeatable, every one applies; replaces the default rule.",
            valueName: "EXPR"))
    var failOn: [String] = []

    // `.unconditional`: `--threshold -1` must reach the range check below and say why -1 is wrong,
    // instead of ArgumentParser taking `-1` for a flag and reporting a missing value.
    @Option(parsing: .unconditional, help: ArgumentHelp("Default rule: the change (percent) a benchmark must exceed (default 5).", valueName: "PCT"))
    var threshold: Double?

    @Option(help: ArgumentHelp("Default rule: significance level of the Mann-Whitney U test (default 0.05).", valueName: "A"))
    var alpha: Double?

    @Flag(help: "Also fail on a suspect slowdown (beyond the threshold, too few runs to confirm).")
    var strict = false

    @Flag(help: "Fail when a baseline benchmark is missing from the current run.")
    var failOnMissing = false

    @Option(help: ArgumentHelp("pytest-benchmark storage folder for storage ids (default .benchmarks).", valueName: "DIR"))
    var storage: String?

    @Option(help: ArgumentHelp("Also write an SVG chart of every benchmark's change (atomically).", valueName: "FILE.svg"))
    var chart: String?

    @OptionGroup var output: OutputOptions

    static let configSchema: [String: ConfigValueKind] = [
        "threshold": .number, "thresholds": .numberTable, "alpha": .number, "fail-on": .stringArray,
        "fail-on-missing": .bool, "strict": .bool, "storage": .string,
    ]

    func validate() throws {
        for expression in failOn {
            do { _ = try FailOnExpression(parsing: expression) } catch {
                throw ValidationError((error as? LocalizedError)?.errorDescription ?? "\(error)")
            }
        }
        if let threshold, !(threshold.isFinite && threshold >= 0) {
            throw ValidationError("--threshold must be a non-negative number of percent, not \(threshold)")
        }
        if let alpha, !(alpha > 0 && alpha < 1) {
            throw ValidationError("--alpha must be between 0 and 1, not \(alpha)")
        }
    }

    func run() throws {
        let tool = ComparisonReport.toolName
        try ToolRun.execute(tool: tool, output: output) {
            let cwd = FileManager.default.currentDirectoryPath
            let root = Git.topLevel(of: cwd) ?? cwd
            let table = try ConfigurationFile.load(root: root).table("benchmarks", schema: Self.configSchema)
            let configFile = table.file ?? ConfigurationFile.fileName

            let expressions = try (failOn.isEmpty ? (table.strings("fail-on") ?? []) : failOn).map { text in
                do { return try FailOnExpression(parsing: text) } catch {
                    throw ConfigProblem("\(configFile): [benchmarks] fail-on: \((error as? LocalizedError)?.errorDescription ?? "\(error)")")
                }
            }
            let overrides = try (table.numberTable("thresholds") ?? []).map { entry in
                do { return (pattern: try GlobPattern(entry.key), threshold: entry.value) } catch {
                    throw ConfigProblem(
                        "\(configFile): [benchmarks] thresholds: bad glob '\(entry.key)': \((error as? LocalizedError)?.errorDescription ?? "\(error)")"
                    )
                }
            }
            let rule = RegressionRule(
                threshold: threshold ?? table.number("threshold") ?? RegressionRule.defaultThreshold,
                overrides: overrides,
                alpha: alpha ?? table.number("alpha") ?? RegressionRule.defaultAlpha)
            let options = ComparisonOptions(
                failOn: expressions, rule: rule,
                strict: strict || table.bool("strict") == true,
                failOnMissing: failOnMissing || table.bool("fail-on-missing") == true)
            let storageFolder = storage ?? table.string("storage") ?? ".benchmarks"

            if output.printConfig {
                ToolRun.printConfiguration([
                    (
                        "benchmarks",
                        [
                            ("alpha", .double(rule.alpha)),
                            ("fail-on", .strings(expressions.map(\.text))),
                            ("fail-on-missing", .bool(options.failOnMissing)),
                            ("storage", .string(storageFolder)),
                            ("strict", .bool(options.strict)),
                            ("threshold", .double(rule.threshold)),
                            ("thresholds", .numbers(overrides.map { ($0.pattern.pattern, $0.threshold) })),
                        ]
                    )
                ])
                throw ExitCode.success
            }

            let inputs = CompareBenchmarks.Inputs(baseline: baseline, current: current, storage: storageFolder, cwd: cwd)
            let (comparison, report) = try CompareBenchmarks.run(inputs, options: options)
            if let chart {
                try AtomicFile.write(ChangeChart.render(comparison), to: chart)
            }
            return report
        }
    }
}

/// A bad configuration value found while running (exit 2, one line).
struct ConfigProblem: Error, LocalizedError {
    var message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
