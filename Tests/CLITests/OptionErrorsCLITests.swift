import ChecksTestSupport
import Foundation
import Testing

/// The built tools on bad option and configuration values: a usage error is exit 64, a bad value
/// found while running is exit 2 with one `tool: error: …` line naming the value; and the
/// informational flags (`--list-rules`, `--print-config`) exit 0 without checking anything.
@Suite struct OptionErrorsCLITests {
    /// A folder with one clean Markdown file and the given `.autogit-checks.toml`.
    func tree(config: String? = nil) throws -> TemporaryTree {
        let tree = try TemporaryTree()
        try tree.write("docs/a.md", "# A\n\nSee [b](b.md).\n")
        try tree.write("docs/b.md", "# B\n")
        if let config { try tree.write(".autogit-checks.toml", config) }
        return tree
    }

    func folder(_ tree: TemporaryTree) -> URL { URL(fileURLWithPath: tree.root) }

    func expectOneErrorLine(_ run: ToolProcess, tool: String, status: Int32 = 2, _ text: String) {
        #expect(run.status == status, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "\(tool): error: \(text)\n")
    }

    @Test func checkDocRefsListsEveryRuleWithItsSeverity() throws {
        let tree = try tree()
        let run = try ToolProcess.run("check-doc-refs", ["--list-rules"], in: folder(tree))
        #expect(run.status == 0)
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count >= 8)
        #expect(rows.allSatisfy { $0.count == 3 && ["error", "warning", "note"].contains(String($0[1])) && !$0[2].isEmpty })
        #expect(rows.contains { $0[0] == "missing-anchor" && $0[1] == "error" })
        #expect(Set(rows.map { $0[0] }).count == rows.count)
    }

    @Test func checkDocRefsPrintsTheMergedConfiguration() throws {
        let tree = try tree(config: "[doc-refs]\nexclude = [\"drafts/**\"]\nignore = [\"^https://\"]\n")
        let run = try ToolProcess.run(
            "check-doc-refs", ["--root", ".", "--exclude", "tmp/**", "--orphans", "--print-config"], in: folder(tree))
        #expect(run.status == 0)
        #expect(run.stdout == "[doc-refs]\nexclude = [\"drafts/**\", \"tmp/**\"]\nignore = [\"^https://\"]\norphans = true\n")
    }

    @Test func checkDocRefsRefusesABadIgnoreRegex() throws {
        let tree = try tree(config: "[doc-refs]\nignore = [\"(unclosed\"]\n")
        let run = try ToolProcess.run("check-doc-refs", ["--root", "."], in: folder(tree))
        expectOneErrorLine(run, tool: "check-doc-refs", "invalid ignore regex '(unclosed'")
    }

    @Test func checkDocRefsRefusesABadExcludeGlob() throws {
        let tree = try tree()
        let run = try ToolProcess.run("check-doc-refs", ["--root", ".", "--exclude", "docs/[a"], in: folder(tree))
        expectOneErrorLine(
            run, tool: "check-doc-refs",
            "invalid glob pattern 'docs/[a': '[' is never closed; add ']' or write '\\[' for a literal bracket")
    }

    @Test func anOutputFileThatCannotBeWrittenIsBadInput() throws {
        let tree = try tree()
        let run = try ToolProcess.run(
            "check-doc-refs", ["--root", ".", "--format", "json", "--output", "no-such-folder/report.json"], in: folder(tree))
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("check-doc-refs: error: "))
        #expect(run.stderr.contains("no-such-folder/report.json"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: tree.root + "/no-such-folder"))
    }

    @Test(arguments: [
        (["--threshold=-1"], "--threshold must be a non-negative number of percent, not -1.0"),
        (["--alpha", "1.5"], "--alpha must be between 0 and 1, not 1.5"),
        (["--alpha", "0"], "--alpha must be between 0 and 1, not 0.0"),
    ])
    func compareBenchmarksRefusesImpossibleNumbers(_ arguments: [String], _ message: String) throws {
        let tree = try tree()
        let run = try ToolProcess.run("compare-benchmarks", ["a.json", "b.json"] + arguments, in: folder(tree))
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func aFailOnStatisticTheCurrentRunLacksIsBadInput() throws {
        // hyperfine writes "stddev": null for a command it ran once; --fail-on stddev cannot judge it.
        let tree = try tree()
        func hyperfine(_ stddev: String) -> String {
            #"{"results": [{"command": "sleep 0.1", "mean": 0.1, "stddev": \#(stddev), "median": 0.1, "min": 0.1, "max": 0.1}]}"#
        }
        try tree.write("base.json", hyperfine("0.001"))
        try tree.write("current.json", hyperfine("null"))
        let run = try ToolProcess.run("compare-benchmarks", ["base.json", "current.json", "--fail-on", "stddev:5%"], in: folder(tree))
        expectOneErrorLine(
            run, tool: "compare-benchmarks",
            "current.json: benchmark sleep 0.1 has no stddev; use a --fail-on statistic the input records")
    }

    @Test(arguments: [
        (
            "[benchmarks]\nfail-on = [\"mean\"]\n",
            ".autogit-checks.toml: [benchmarks] fail-on: cannot parse --fail-on 'mean'; write STAT:N% (integer percent) or STAT:SECONDS, STAT one of min, max, mean, median, stddev, iqr"
        ),
        (
            "[benchmarks]\nthresholds = { \"bench/[x\" = 10 }\n",
            ".autogit-checks.toml: [benchmarks] thresholds: bad glob 'bench/[x': invalid glob pattern 'bench/[x': '[' is never closed; add ']' or write '\\[' for a literal bracket"
        ),
    ])
    func compareBenchmarksNamesTheBadConfigValue(_ config: String, _ message: String) throws {
        let tree = try tree(config: config)
        let run = try ToolProcess.run("compare-benchmarks", ["a.json", "b.json"], in: folder(tree))
        expectOneErrorLine(run, tool: "compare-benchmarks", message)
    }
}
