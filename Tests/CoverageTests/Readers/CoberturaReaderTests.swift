import ChecksTestSupport
import Foundation
import Testing

@testable import Coverage

@Suite struct CoberturaReaderTests {
    /// coverage.py's own JSON for the same run is the reference for every per-file number.
    @Test func coveragePyReportMatchesItsJSON() throws {
        let report = try ReportReader.read(path: FixturePaths.fixture("coverage/python/coverage.xml").path)
        #expect(report.format == .cobertura)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: FixturePaths.fixture("coverage/python/coverage.json"))) as? [String: Any]
        let files = try #require(json?["files"] as? [String: [String: Any]])
        #expect(report.files.count == files.count)
        for file in report.files {
            // relative_files with source=["src"]: <source>src</source> + filename is the JSON key.
            let key = try #require(file.candidates.first)
            let summary = try #require((files[key]?["summary"]) as? [String: Any], "no \(key) in coverage.json")
            let stats = CoverageStats(lines: file.lines)
            #expect(stats.statements == summary["num_statements"] as? Int, "\(key)")
            #expect(stats.missingStatements == summary["missing_lines"] as? Int, "\(key)")
            #expect(stats.branches == summary["num_branches"] as? Int, "\(key)")
            #expect(stats.coveredBranches == summary["covered_branches"] as? Int, "\(key)")
            #expect(FileCoverage(path: key, matched: true, lines: file.lines).partialLines.count == summary["num_partial_branches"] as? Int, "\(key)")
            #expect(FileCoverage(path: key, matched: true, lines: file.lines).missingLines == files[key]?["missing_lines"] as? [Int], "\(key)")
            #expect(stats.percent == summary["percent_covered"] as? Double, "\(key)")
        }
        let totals = try #require(json?["totals"] as? [String: Any])
        let all = report.files.reduce(CoverageStats()) { $0 + CoverageStats(lines: $1.lines) }
        #expect(all.percent == totals["percent_covered"] as? Double)
        #expect(report.warnings.isEmpty)
    }

    /// gcovr repeats every line under methods/method/lines: those copies must not count.
    @Test func gcovrMethodLinesAreNotCountedTwice() throws {
        let report = try ReportReader.read(path: FixturePaths.fixture("coverage/gcovr/coverage.xml").path)
        let stats = report.files.reduce(CoverageStats()) { $0 + CoverageStats(lines: $1.lines) }
        // gcovr's own summary.txt: 25 lines, 15 executed; the header: 6 of 14 branches.
        #expect(stats == CoverageStats(statements: 25, coveredStatements: 15, branches: 14, coveredBranches: 6))
        #expect(
            report.files.map(\.candidates) == [
                ["/tmp/autogit-gcovr-demo/src/main.c", "src/main.c"], ["/tmp/autogit-gcovr-demo/src/stats.c", "src/stats.c"],
            ])
        #expect(report.warnings.isEmpty)
    }

    @Test func duplicateClassesAndLinesMergeAndCapitalisedBranchCounts() throws {
        let scratch = try Scratch()
        let path = try scratch.write(
            "c.xml",
            """
            <coverage lines-valid="9" lines-covered="9"><sources><source>C:\\src\\</source></sources><packages><package><classes>
            <class filename="app\\A.cs"><lines><line number="3" hits="0" branch="True" condition-coverage="0% (0/2)"/></lines></class>
            <class filename="app\\A.cs"><lines><line number="3" hits="4" branch="True" condition-coverage="66.66% (2/3)"/><line number="1" hits="1"/></lines></class>
            </classes></package></packages></coverage>
            """)
        let report = try ReportReader.read(path: path)
        let file = try #require(report.files.first)
        #expect(report.files.count == 1)
        #expect(file.candidates == ["C:/src/app/A.cs", "app/A.cs"])
        #expect(file.lines == [LineCoverage(number: 1, hits: 1), LineCoverage(number: 3, hits: 4, branchesCovered: 2, branchesTotal: 3)])
        #expect(report.warnings.count == 1, "header 9/9 disagrees with 2 listed lines")
    }

    @Test(arguments: [
        ("", ["a/b.py"]), ("src", ["src/a/b.py", "a/b.py"]), ("/abs/src/", ["/abs/src/a/b.py", "a/b.py"]),
    ])
    func candidatesJoinEverySourceThenTheBareName(source: String, expected: [String]) {
        #expect(CoberturaReader.candidates(filename: "a/b.py", sources: [CoberturaReader.normalisedSource(source)]) == expected)
    }
}
